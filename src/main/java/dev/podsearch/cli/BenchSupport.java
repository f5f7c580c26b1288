package dev.podsearch.cli;

import dev.podsearch.index.IndexStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the benchmarks share: an index to measure on, URL encoding, and cleaning up their temporary folders. */
final class BenchSupport {
  private BenchSupport() {}

  /**
   * Reuses the index at {@code indexDir}, or builds it from {@code corpus} (default {@code ../shared/corpus}).
   * Sources that fail to parse do not stop a benchmark; everything else is reported as the reindex command would.
   */
  static int ensureIndex(Path indexDir, Path corpus, PrintWriter out, PrintWriter err) throws IOException {
    if (IndexStats.exists(indexDir)) {
      out.println("index: reusing " + indexDir);
      return ExitCodes.OK;
    }
    Path dir = (corpus != null ? corpus : Defaults.corpus()).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      err.println("podsearch: no corpus folder at " + dir + " (use --corpus DIR or --index DIR)");
      return ExitCodes.USAGE;
    }
    out.println("index: indexing " + dir + " into " + indexDir);
    out.flush();
    SourceReader reader = SourceReader.importer();
    Reindexer reindexer = new Reindexer(reader, Runtime.getRuntime().availableProcessors(), Progress.auto(err));
    int code = new ReindexCommand(reader).run(reindexer, List.of(dir.toString()), indexDir, out, err);
    return code == ExitCodes.SOURCES_FAILED ? ExitCodes.OK : code;
  }

  /** A query-string value. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
