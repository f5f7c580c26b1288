package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Second-phase ranking: re-scores the best first-phase hits by their densest passage, the window of text holding the
 * most (idf-weighted) query words, and by the pairs of neighbouring query words they hold side by side. A whole-episode
 * score rewards an hour of talk that holds every common word of the query somewhere; the passage bonus rewards the
 * episode where the words meet, be it short show notes or one stretch of a transcript, and the pair bonus the one
 * where they stand as the user put them ("main phone", "data directory": what a quote or a title keeps of its words),
 * measured in docs/ranking.md.
 */
final class PassageBonus {
  /**
   * How many first-phase hits are re-scored: 30, 50, 100 and 200 rank the dev set alike; 50 keeps a margin for targets
   * the first phase puts lower, at half the second phase's cost of 100.
   */
  static final int RESCORED = 50;
  /** Width of a passage, in word positions. */
  static final int WINDOW = 100;
  /** The bonus for a passage holding all the words, as a share of the best first-phase score. */
  static final float WEIGHT = 0.4f;
  /**
   * The bonus for every pair of neighbouring query words meeting (next to each other or nearly, in either order,
   * anywhere in the episode), as a share of the best first-phase score; a share of the pairs earns its share of it.
   * Measured 0.1–0.3 alike on recall (docs/ranking.md).
   */
  static final float PAIR_WEIGHT = 0.2f;
  /** How far apart, in word positions, two query words still count as a pair: a stop word or two between them. */
  static final int PAIR_GAP = 3;

  // the title is no passage of its own (measured, no gain: it already weighs five times in the first phase) but is
  // near every passage: it names what the whole episode is about
  private static final List<String> FIELDS =
      List.of(EpisodeSchema.DESCRIPTION, EpisodeSchema.TEXT, EpisodeSchema.TRANSCRIPT);

  private PassageBonus() {}

  /**
   * {@code top} re-ordered with the passage and pair bonuses; {@code words} holds each query word's indexed (stemmed)
   * alternatives, in the query's order. Fewer than two words leave the order as it is: one word has no passage to find.
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
    double[] pairs = new double[n];
    double[] densest = densest(reader, Arrays.copyOf(out, n), words, idf, pairs);
    for (int i = 0; i < n; i++) {
      ScoreDoc sd = out[i];
      double bonus = WEIGHT * densest[i] / total + PAIR_WEIGHT * pairs[i];
      out[i] = new ScoreDoc(sd.doc, (float) (sd.score + best * bonus), sd.shardIndex);
    }
    Arrays.sort(out, 0, n, (a, b) -> Float.compare(b.score, a.score));
    return new TopDocs(top.totalHits, out);
  }

  /** Each word's inverse document frequency over the passage fields (its most frequent alternative counts). */
  private static double[] idf(IndexReader reader, List<List<String>> words) throws IOException {
    double[] idf = new double[words.size()];
    // document frequencies count deleted episodes until their segments merge: so must the total, or a word would
    // seem to be in more episodes than there are (after a reindex that replaced most of them)
    long n = reader.maxDoc();
    for (int w = 0; w < words.size(); w++) {
      long df = 0;
      for (String t : words.get(w)) {
        for (String f : FIELDS) {
          df = Math.max(df, reader.docFreq(new Term(f, t)));
        }
      }
      idf[w] = df == 0 ? 0 : idf(n, df);
    }
    return idf;
  }

  /** BM25's inverse document frequency of a term {@code df} of {@code docs} documents hold. */
  static double idf(long docs, long df) {
    return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  }

  /**
   * For each hit, the idf sum of the distinct words in the best window of any of its passage fields, a word of the
   * title counting in every window (the title names what the whole episode is about, so a query's words spread over
   * title and one passage meet as well as in the passage alone). Each word's postings are read once per segment and
   * field, walking the hits in document order, rather than looked up again for every hit.
   */
  static double[] densest(IndexReader reader, ScoreDoc[] hits, List<List<String>> words, double[] idf)
      throws IOException {
    return densest(reader, hits, words, idf, new double[hits.length]);
  }

  /**
   * As {@link #densest(IndexReader, ScoreDoc[], List, double[])}, also setting each hit's share of neighbouring query
   * word pairs that meet (see {@link #pairs(long[], boolean[])}) in {@code pairs}.
   */
  static double[] densest(IndexReader reader, ScoreDoc[] hits, List<List<String>> words, double[] idf, double[] pairs)
      throws IOException {
    boolean[][] paired = new boolean[hits.length][Math.max(0, words.size() - 1)];
    int[] docs = HitPostings.docs(hits);
    int[] order = HitPostings.inDocOrder(docs);
    double[] best = new double[hits.length];
    Occurrences[] titles = occurrences(reader, EpisodeSchema.TITLE, docs, order, words);
    boolean[][] inTitle = new boolean[hits.length][words.size()];
    long mask = (1L << WORD_BITS) - 1;
    for (int i = 0; i < hits.length; i++) {
      long[] sorted = titles[i].sorted();
      for (long place : sorted) {
        inTitle[i][(int) (place & mask)] = true;
      }
      best[i] = window(new long[0], idf, inTitle[i]);
      pairs(sorted, paired[i]);
    }
    for (String field : FIELDS) {
      Occurrences[] occurrences = occurrences(reader, field, docs, order, words);
      for (int i = 0; i < hits.length; i++) {
        long[] sorted = occurrences[i].sorted();
        best[i] = Math.max(best[i], window(sorted, idf, inTitle[i]));
        pairs(sorted, paired[i]);
      }
    }
    for (int i = 0; i < hits.length; i++) {
      int found = 0;
      for (boolean p : paired[i]) {
        found += p ? 1 : 0;
      }
      pairs[i] = paired[i].length == 0 ? 0 : found / (double) paired[i].length;
    }
    return best;
  }

  /** Per hit, the places of the query's words in {@code field}. */
  private static Occurrences[] occurrences(IndexReader reader, String field, int[] docs, int[] order,
      List<List<String>> words) throws IOException {
    Occurrences[] occurrences = new Occurrences[docs.length];
    for (int i = 0; i < docs.length; i++) {
      occurrences[i] = new Occurrences();
    }
    for (int w = 0; w < words.size(); w++) {
      int word = w;
      for (String t : words.get(w)) {
        HitPostings.forEachHolding(reader, new Term(field, t), PostingsEnum.POSITIONS, docs, order, (hit, postings) -> {
          for (int k = 0, freq = postings.freq(); k < freq; k++) {
            occurrences[hit].add(postings.nextPosition(), word);
          }
        });
      }
    }
    return occurrences;
  }

  /**
   * The places a hit holds the query's words, each a long: the position above {@link #WORD_BITS} bits, the word's
   * index below them. Sorting them as plain longs sorts by position; long transcripts hold thousands of places.
   */
  static final class Occurrences {
    private long[] places = new long[16];
    private int size;

    void add(int position, int word) {
      if (size == places.length) {
        places = Arrays.copyOf(places, size * 2);
      }
      places[size++] = ((long) position << WORD_BITS) | word;
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(places, size);
      Arrays.sort(out);
      return out;
    }
  }

  /**
   * Marks in {@code paired} each pair of neighbouring query words (word i and i + 1) that stand within
   * {@link #PAIR_GAP} positions of each other, in either order, among {@code places} (sorted).
   */
  static void pairs(long[] places, boolean[] paired) {
    long mask = (1L << WORD_BITS) - 1;
    for (int a = 0; a < places.length; a++) {
      long position = places[a] >>> WORD_BITS;
      int word = (int) (places[a] & mask);
      for (int b = a + 1; b < places.length && (places[b] >>> WORD_BITS) - position <= PAIR_GAP; b++) {
        int other = (int) (places[b] & mask);
        if ((places[b] >>> WORD_BITS) == position) {
          continue;
        }
        if (other == word + 1) {
          paired[word] = true;
        } else if (other == word - 1) {
          paired[other] = true;
        }
      }
    }
  }

  /** Bits of an occurrence that hold the word's index: queries have far fewer than 65,536 words. */
  static final int WORD_BITS = 16;

  /**
   * Slides a window of {@link #WINDOW} positions over a hit's places (sorted, as {@link Occurrences} encodes them),
   * returning the best idf sum of distinct words in one.
   */
  static double window(long[] places, double[] idf) {
    return window(places, idf, new boolean[idf.length]);
  }

  /** As {@link #window(long[], double[])}, the words marked {@code everywhere} counting in every window. */
  static double window(long[] places, double[] idf, boolean[] everywhere) {
    int[] count = new int[idf.length];
    long mask = (1L << WORD_BITS) - 1;
    double sum = 0;
    for (int w = 0; w < idf.length; w++) {
      if (everywhere[w]) {
        count[w]++;
        sum += idf[w];
      }
    }
    double best = sum;
    int start = 0;
    for (long place : places) {
      int w = (int) (place & mask);
      if (count[w]++ == 0) {
        sum += idf[w];
      }
      long position = place >>> WORD_BITS;
      while (position - (places[start] >>> WORD_BITS) >= WINDOW) {
        int old = (int) (places[start++] & mask);
        if (--count[old] == 0) {
          sum -= idf[old];
        }
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
