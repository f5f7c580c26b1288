package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Second-phase ranking: re-scores the best first-phase hits by their densest passage, the window of text holding the
 * most (idf-weighted) query words. A whole-episode score rewards an hour of talk that holds every common word of the
 * query somewhere; the passage bonus rewards the episode where the words meet, be it short show notes or one stretch of
 * a transcript (measured in docs/ranking.md).
 */
final class PassageBonus {
  /** How many first-phase hits are re-scored. */
  static final int RESCORED = 100;
  /** Width of a passage, in word positions. */
  static final int WINDOW = 100;
  /** The bonus for a passage holding all the words, as a share of the best first-phase score. */
  static final float WEIGHT = 0.4f;

  // not the title: measured, no gain (the title already weighs five times in the first phase)
  private static final List<String> FIELDS =
      List.of(EpisodeSchema.DESCRIPTION, EpisodeSchema.TEXT, EpisodeSchema.TRANSCRIPT);

  private PassageBonus() {}

  /**
   * {@code top} re-ordered with the passage bonus; {@code words} holds each query word's indexed (stemmed)
   * alternatives. Fewer than two words leave the order as it is: one word has no passage to find.
   */
  static TopDocs rescore(IndexReader reader, TopDocs top, List<List<String>> words) throws IOException {
    if (words.size() < 2 || top.scoreDocs.length < 2 || WEIGHT <= 0) {
      return top;
    }
    double[] idf = idf(reader, words);
    double total = Arrays.stream(idf).sum();
    if (total <= 0) {
      return top;
    }
    float best = top.scoreDocs[0].score;
    int n = Math.min(RESCORED, top.scoreDocs.length);
    ScoreDoc[] out = top.scoreDocs.clone();
    for (int i = 0; i < n; i++) {
      ScoreDoc sd = out[i];
      double share = densest(reader, sd.doc, words, idf) / total;
      out[i] = new ScoreDoc(sd.doc, (float) (sd.score + WEIGHT * best * share), sd.shardIndex);
    }
    Arrays.sort(out, 0, n, (a, b) -> Float.compare(b.score, a.score));
    return new TopDocs(top.totalHits, out);
  }

  /** Each word's inverse document frequency over the passage fields (its most frequent alternative counts). */
  private static double[] idf(IndexReader reader, List<List<String>> words) throws IOException {
    double[] idf = new double[words.size()];
    long n = reader.numDocs();
    for (int w = 0; w < words.size(); w++) {
      long df = 0;
      for (String t : words.get(w)) {
        for (String f : FIELDS) {
          df = Math.max(df, reader.docFreq(new Term(f, t)));
        }
      }
      idf[w] = df == 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    return idf;
  }

  /** The idf sum of the distinct words in the best window of any passage field of {@code doc}. */
  static double densest(IndexReader reader, int doc, List<List<String>> words, double[] idf) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    int local = doc - leaf.docBase;
    double best = 0;
    for (String field : FIELDS) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      List<long[]> hits = new ArrayList<>(); // {position, word}
      TermsEnum te = terms.iterator();
      for (int w = 0; w < words.size(); w++) {
        for (String t : words.get(w)) {
          if (!te.seekExact(new BytesRef(t))) {
            continue;
          }
          PostingsEnum pe = te.postings(null, PostingsEnum.POSITIONS);
          if (pe.advance(local) != local || pe.docID() == DocIdSetIterator.NO_MORE_DOCS) {
            continue;
          }
          for (int k = 0, freq = pe.freq(); k < freq; k++) {
            hits.add(new long[] {pe.nextPosition(), w});
          }
        }
      }
      best = Math.max(best, window(hits, idf));
    }
    return best;
  }

  /** Slides a window of {@link #WINDOW} positions over the hits, returning the best idf sum of distinct words in one. */
  static double window(List<long[]> hits, double[] idf) {
    hits.sort((a, b) -> Long.compare(a[0], b[0]));
    int[] count = new int[idf.length];
    double sum = 0;
    double best = 0;
    int start = 0;
    for (long[] h : hits) {
      int w = (int) h[1];
      if (count[w]++ == 0) {
        sum += idf[w];
      }
      while (h[0] - hits.get(start)[0] >= WINDOW) {
        int old = (int) hits.get(start++)[1];
        if (--count[old] == 0) {
          sum -= idf[old];
        }
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
