package dev.podsearch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs known-item queries through a ranker and scores where each target lands.
 *
 * <p>The ranker returns sources best first, deeper than the cut-off of 10 so that a miss can say how far down the
 * target was.
 */
final class Evaluation {
  /** How deep a ranker is asked to go; misses report ranks up to here. */
  static final int DEPTH = 50;

  private Evaluation() {}

  /** The outcome of one query: the 1-based rank of its first target within {@link #DEPTH}, or 0. */
  record Outcome(KnownItemQuery query, int rank) {
    boolean hit() {
      return rank >= 1 && rank <= RankingMetrics.CUTOFF;
    }
  }

  /** A ranker's results over a query set, overall and per kind. */
  record Report(String name, List<Outcome> outcomes) {
    RankingMetrics overall() {
      return RankingMetrics.of(outcomes.stream().map(Outcome::rank).toList());
    }

    Map<String, RankingMetrics> byKind() {
      Map<String, List<Integer>> ranks = new LinkedHashMap<>();
      for (Outcome o : outcomes) {
        ranks.computeIfAbsent(o.query().kind(), k -> new ArrayList<>()).add(o.rank());
      }
      Map<String, RankingMetrics> metrics = new LinkedHashMap<>();
      ranks.forEach((kind, r) -> metrics.put(kind, RankingMetrics.of(r)));
      return metrics;
    }
  }

  /** Runs every query through {@code ranker}. */
  static Report run(String name, List<KnownItemQuery> queries, Function<String, List<String>> ranker) {
    List<Outcome> outcomes = new ArrayList<>();
    for (KnownItemQuery q : queries) {
      outcomes.add(new Outcome(q, rankOf(q, ranker.apply(q.query()))));
    }
    return new Report(name, outcomes);
  }

  static int rankOf(KnownItemQuery query, List<String> sources) {
    for (int i = 0; i < sources.size(); i++) {
      if (query.isTarget(sources.get(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Prints metrics overall, then per kind, side by side for every report, then the first report's misses. */
  static void print(List<Report> reports, PrintWriter out) {
    out.println(header(reports));
    out.println(row("overall", reports.stream().map(Report::overall).toList()));
    for (String kind : reports.get(0).byKind().keySet()) {
      out.println(row(kind, reports.stream().map(r -> r.byKind().get(kind)).toList()));
    }
    if (reports.size() == 2) {
      RankingMetrics a = reports.get(0).overall();
      RankingMetrics b = reports.get(1).overall();
      out.printf(Locale.ROOT, "%nMRR@10 %+.3f and recall@10 %+.3f against %s%n", a.mrr() - b.mrr(),
          a.recall() - b.recall(), reports.get(1).name());
    }
    printMisses(reports.get(0), out);
  }

  private static String header(List<Report> reports) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %5s", "kind", "n"));
    for (Report r : reports) {
      sb.append(String.format(Locale.ROOT, " | %-26s", r.name() + ": MRR  R@10  nDCG"));
    }
    return sb.toString();
  }

  private static String row(String label, List<RankingMetrics> metrics) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %5d", label, metrics.get(0).queries()));
    for (RankingMetrics m : metrics) {
      sb.append(String.format(Locale.ROOT, " | %-26s",
          String.format(Locale.ROOT, "%.3f %.3f %.3f", m.mrr(), m.recall(), m.ndcg())));
    }
    return sb.toString();
  }

  private static void printMisses(Report report, PrintWriter out) {
    List<Outcome> misses = report.outcomes().stream().filter(o -> o.rank() != 1).toList();
    if (misses.isEmpty()) {
      out.println("\nEvery target ranked first.");
      return;
    }
    out.printf(Locale.ROOT, "%nNot ranked first by %s (%d):%n", report.name(), misses.size());
    for (Outcome o : misses) {
      String where = o.rank() == 0 ? "not in top " + DEPTH : "rank " + o.rank();
      out.printf(Locale.ROOT, "  %-16s [%s] %s -> %s%n", where, o.query().kind(), o.query().query(),
          o.query().targets().get(0));
    }
  }
}
