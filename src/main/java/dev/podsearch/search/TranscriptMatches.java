package dev.podsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Where the words of a query occur in the hits' transcripts, read straight from the postings' offsets.
 *
 * <p>For plain words this is what the unified highlighter found, without its passage machinery: it split the whole
 * transcript into passages and scored them only for the offsets to be collected (a quarter of a search's time). It
 * needs no text at all.
 */
final class TranscriptMatches {
  private TranscriptMatches() {}

  /**
   * The matches of {@code terms} (a rewritten query of plain words; see {@link Highlights#spokenPhrases}) in the
   * fields {@code fields} of each of {@code docs}, each place once, before {@code maxOffset}.
   */
  static Map<Integer, Highlights.Matches> of(IndexReader reader, Query terms, String[] fields, int[] docs, int maxOffset)
      throws IOException {
    Set<Term> words = words(terms, Set.of(fields));
    List<TreeMap<Integer, Integer>> found = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      found.add(new TreeMap<>());
    }
    int[] order = HitPostings.inDocOrder(docs);
    for (Term word : words) {
      HitPostings.forEachHolding(reader, word, PostingsEnum.OFFSETS, docs, order, (hit, postings) -> {
        for (int i = 0, n = postings.freq(); i < n; i++) {
          postings.nextPosition();
          if (postings.startOffset() >= 0 && postings.startOffset() < maxOffset) {
            found.get(hit).merge(postings.startOffset(), postings.endOffset(), Math::max);
          }
        }
      });
    }
    Map<Integer, Highlights.Matches> out = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      out.put(docs[i], Highlights.Matches.byStart(found.get(i)));
    }
    return out;
  }

  /** The terms of {@code query} in {@code fields}, in query order. */
  static Set<Term> words(Query query, Set<String> fields) {
    Set<Term> out = new LinkedHashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return fields.contains(field);
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            out.addAll(List.of(terms));
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            // words the user excluded are not matches
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return out;
  }
}
