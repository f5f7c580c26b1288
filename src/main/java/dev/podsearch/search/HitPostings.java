package dev.podsearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * One term's postings read for the hits of a page: the hits are walked in document order, so each segment's postings
 * are opened once and only advanced, rather than looked up again for every hit.
 */
final class HitPostings {
  /** What is done with the postings positioned on one hit that holds the term. */
  interface Visit {
    void at(int hit, PostingsEnum postings) throws IOException;
  }

  private HitPostings() {}

  /** The indexes of {@code docs} in the order of their document ids. */
  static int[] inDocOrder(int[] docs) {
    return java.util.stream.IntStream.range(0, docs.length).boxed()
        .sorted((a, b) -> Integer.compare(docs[a], docs[b])).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Calls {@code visit} for each hit (an index into {@code docs}) whose document holds {@code term}, with postings read
   * with {@code flags} ({@link PostingsEnum#POSITIONS}, {@link PostingsEnum#OFFSETS}) and positioned on it.
   * {@code order} is {@link #inDocOrder} of {@code docs}.
   */
  static void forEachHolding(IndexReader reader, Term term, int flags, int[] docs, int[] order, Visit visit)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    PostingsEnum postings = null;
    int leafIndex = -1;
    for (int hit : order) {
      int at = ReaderUtil.subIndex(docs[hit], leaves);
      if (at != leafIndex) {
        leafIndex = at;
        postings = postings(leaves.get(at), term, flags);
      }
      int local = docs[hit] - leaves.get(at).docBase;
      if (postings != null && postings.docID() <= local
          && (postings.docID() == local || postings.advance(local) == local)) {
        visit.at(hit, postings);
      }
    }
  }

  private static PostingsEnum postings(LeafReaderContext leaf, Term term, int flags) throws IOException {
    Terms terms = leaf.reader().terms(term.field());
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekExact(term.bytes()) ? te.postings(null, flags) : null;
  }

  static int[] docs(org.apache.lucene.search.ScoreDoc[] hits) {
    return Arrays.stream(hits).mapToInt(sd -> sd.doc).toArray();
  }
}
