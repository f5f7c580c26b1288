package dev.podsearch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a reindex did, per format: sources and episodes added, updated, unchanged, deleted, skipped, failed. */
final class ImportReport {
  /** What happened to one source. */
  enum Change { ADDED, UPDATED, UNCHANGED, DELETED, SKIPPED, FAILED }

  /** Sources and their episodes for one format and change. */
  record Tally(int sources, int episodes) {
    Tally plus(Tally other) {
      return new Tally(sources + other.sources, episodes + other.episodes);
    }
  }

  /** Row name for sources that never got a format (unreadable, failed or skipped before detection). */
  static final String NO_FORMAT = "-";

  private final Map<String, Map<Change, Tally>> byFormat = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> skips = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();
  private Duration took = Duration.ZERO;

  private final java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger loaded = new java.util.concurrent.atomic.AtomicInteger();

  /** Counts a source handed to a parser (unchanged ones are only hashed). */
  void parsed() {
    parsed.incrementAndGet();
  }

  int sourcesParsed() {
    return parsed.get();
  }

  /** Counts bytes read (and hashed) from sources. */
  void read(long bytes) {
    bytesRead.addAndGet(bytes);
    loaded.incrementAndGet();
  }

  /** Sources read and hashed. */
  int sourcesLoaded() {
    return loaded.get();
  }

  long bytesRead() {
    return bytesRead.get();
  }

  synchronized void count(String format, Change change, int episodes) {
    byFormat.computeIfAbsent(format == null ? NO_FORMAT : format, f -> new EnumMap<>(Change.class))
        .merge(change, new Tally(1, episodes), Tally::plus);
  }

  /** Records a failed source: "file:line: reason". */
  synchronized void fail(String format, String message) {
    count(format, Change.FAILED, 0);
    failures.add(message);
  }

  /** Records a source that is not an episode: "file: reason". */
  synchronized void skip(String format, String message) {
    count(format, Change.SKIPPED, 0);
    skips.add(message);
  }

  void took(Duration took) {
    this.took = took;
  }

  Duration took() {
    return took;
  }

  /** One line per failed source, sorted. */
  synchronized List<String> failures() {
    return failures.stream().sorted().toList();
  }

  synchronized List<String> skips() {
    return skips.stream().sorted().toList();
  }

  /** Totals over every format for a change. */
  synchronized Tally total(Change change) {
    return byFormat.values().stream()
        .map(m -> m.getOrDefault(change, new Tally(0, 0)))
        .reduce(new Tally(0, 0), Tally::plus);
  }

  /** Totals of one format. */
  synchronized Tally tally(String format, Change change) {
    return byFormat.getOrDefault(format, Map.of()).getOrDefault(change, new Tally(0, 0));
  }

  /** Episodes the index holds for the scanned sources after the run. */
  int episodesIndexed() {
    return total(Change.ADDED).episodes() + total(Change.UPDATED).episodes() + total(Change.UNCHANGED).episodes();
  }

  /** Commit user data summing the run up, read back by {@code stats}. */
  Map<String, String> commitData() {
    Map<String, String> data = new TreeMap<>();
    for (Change change : Change.values()) {
      data.put("sources_" + change.name().toLowerCase(), String.valueOf(total(change).sources()));
    }
    data.put("took_ms", String.valueOf(took.toMillis()));
    return data;
  }

  /** The table: a row per format, cells "episodes (sources)", then a total row. */
  synchronized void print(PrintWriter out) {
    String header = "%-16s" + " %16s".repeat(Change.values().length) + "%n";
    List<Object> names = new ArrayList<>(List.of("format"));
    for (Change change : Change.values()) {
      names.add(change.name().toLowerCase());
    }
    out.printf(header, names.toArray());
    byFormat.forEach((format, row) -> out.printf(header, cells(format, row::get).toArray()));
    out.printf(header, cells("total", this::total).toArray());
    out.printf("cells are episodes (sources); took %.1f s%n", took.toMillis() / 1000.0);
  }

  private static List<Object> cells(String name, java.util.function.Function<Change, Tally> tally) {
    List<Object> cells = new ArrayList<>(List.of(name));
    for (Change change : Change.values()) {
      Tally t = tally.apply(change);
      cells.add(t == null || t.sources() == 0 ? "0" : cell(change, t));
    }
    return cells;
  }

  private static String cell(Change change, Tally t) {
    boolean noEpisodes = change == Change.SKIPPED || change == Change.FAILED;
    return noEpisodes ? "- (" + t.sources() + ")" : t.episodes() + " (" + t.sources() + ")";
  }
}
