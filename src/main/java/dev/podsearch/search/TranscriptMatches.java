package dev.podsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
    Map<Integer, TreeMap<Integer, Integer>> found = new HashMap<>();
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    List<LeafReaderContext> leaves = reader.leaves();
    for (Term word : words) {
      PostingsEnum postings = null;
      int leafIndex = -1;
      for (int doc : sorted) {
        int at = ReaderUtil.subIndex(doc, leaves);
        if (at != leafIndex) {
          leafIndex = at;
          postings = postings(leaves.get(at), word);
        }
        int local = doc - leaves.get(at).docBase;
        if (postings == null || postings.docID() > local || postings.advance(local) != local) {
          continue;
        }
        TreeMap<Integer, Integer> byStart = found.computeIfAbsent(doc, d -> new TreeMap<>());
        for (int i = 0, n = postings.freq(); i < n; i++) {
          postings.nextPosition();
          if (postings.startOffset() >= 0 && postings.startOffset() < maxOffset) {
            byStart.merge(postings.startOffset(), postings.endOffset(), Math::max);
          }
        }
      }
    }
    Map<Integer, Highlights.Matches> out = new HashMap<>();
    for (int doc : docs) {
      TreeMap<Integer, Integer> byStart = found.get(doc);
      out.put(doc, byStart == null ? Highlights.Matches.NONE : new Highlights.Matches(
          byStart.keySet().stream().mapToInt(Integer::intValue).toArray(),
          byStart.values().stream().mapToInt(Integer::intValue).toArray()));
    }
    return out;
  }

  /** The postings of one word in one segment, with offsets, or null when the segment does not have it. */
  private static PostingsEnum postings(LeafReaderContext leaf, Term word) throws IOException {
    Terms terms = leaf.reader().terms(word.field());
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekExact(word.bytes()) ? te.postings(null, PostingsEnum.OFFSETS) : null;
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
            out.addAll(new ArrayList<>(List.of(terms)));
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
