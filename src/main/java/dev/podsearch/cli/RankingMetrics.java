package dev.podsearch.cli;

import java.util.List;

/**
 * Known-item ranking metrics at a cut-off of 10, averaged over queries. A query's rank is the 1-based position of the
 * first hit that is one of its targets, or 0 when none is in the top 10.
 */
record RankingMetrics(int queries, double mrr, double recall, double ndcg) {
  static final int CUTOFF = 10;

  /** Averages over the ranks of a set of queries. */
  static RankingMetrics of(List<Integer> ranks) {
    double rr = 0;
    double found = 0;
    double dcg = 0;
    for (int rank : ranks) {
      if (rank >= 1 && rank <= CUTOFF) {
        rr += 1.0 / rank;
        found++;
        // one relevant item: the ideal DCG is 1, so nDCG is the discounted gain at its rank
        dcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
      }
    }
    int n = Math.max(1, ranks.size());
    return new RankingMetrics(ranks.size(), rr / n, found / n, dcg / n);
  }
}
