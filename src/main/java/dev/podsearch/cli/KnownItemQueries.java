package dev.podsearch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads known-item query files: tab-separated {@code query, target, alternates, kind, note} with a header line. */
final class KnownItemQueries {
  private KnownItemQueries() {}

  /**
   * All queries of a file.
   *
   * @throws IllegalArgumentException naming the file and line when a line lacks a query or a target
   */
  static List<KnownItemQuery> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<KnownItemQuery> queries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || (i == 0 && line.startsWith("query\t"))) {
        continue;
      }
      queries.add(parse(file, i + 1, line));
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException(file + ": no queries (expected lines of query<TAB>target<TAB>alternates<TAB>kind)");
    }
    return queries;
  }

  private static KnownItemQuery parse(Path file, int lineNo, String line) {
    String[] cols = line.split("\t", -1);
    if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": expected query<TAB>target[<TAB>alternates<TAB>kind]");
    }
    List<String> targets = new ArrayList<>();
    targets.add(cols[1].trim());
    if (cols.length > 2 && !cols[2].isBlank()) {
      Arrays.stream(cols[2].split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).forEach(targets::add);
    }
    String kind = cols.length > 3 && !cols[3].isBlank() ? cols[3].trim() : "all";
    return new KnownItemQuery(cols[0].trim(), List.copyOf(targets), kind, lineNo);
  }
}
