package dev.podsearch.cli;

import dev.podsearch.index.IndexStats;
import dev.podsearch.index.IndexStats.LabelCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what the index holds: episodes, sources, transcripts, top podcasts and tags, size, last commit.",
      "Exit 0 ok, 2 no index there (or a bad option)."
    })
final class StatsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index/ under $PODSEARCH_HOME).")
  Path index;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Podcasts and tags to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--all", description = "List every podcast and tag.")
  boolean all;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = (index != null ? index : Defaults.index()).toAbsolutePath().normalize();
    if (top < 0) {
      err.println("podsearch: --top must be 0 or more, got " + top);
      return ExitCodes.USAGE;
    }
    try {
      if (!IndexStats.exists(dir)) {
        err.println("podsearch: no index at " + dir + "; run podsearch reindex");
        return ExitCodes.USAGE;
      }
      print(IndexStats.read(dir), dir, out);
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("podsearch: cannot read the index at " + dir + ": " + e.getMessage());
      return ExitCodes.NOT_DONE;
    }
  }

  private void print(IndexStats stats, Path dir, PrintWriter out) {
    out.printf("index:        %s%n", dir);
    out.printf("episodes:     %d from %d sources%n", stats.episodes(), stats.sources());
    out.printf("transcripts:  %d episodes with %d cues%n", stats.transcripts(), stats.cues());
    out.printf("size:         %s%n", megabytes(stats.sizeBytes()));
    out.printf("last commit:  %s%n", stats.lastCommit());
    out.print("formats:     ");
    stats.formats().forEach((format, n) -> out.printf(" %s %d", format, n));
    out.println();
    list(out, "podcasts", stats.podcasts());
    list(out, "tags", stats.tags());
    out.flush();
  }

  private void list(PrintWriter out, String what, List<LabelCount> counts) {
    int shown = all ? counts.size() : Math.min(top, counts.size());
    String more = shown < counts.size() ? " (top " + shown + "; --all for every one)" : "";
    out.printf("%s: %d%s%n", what, counts.size(), more);
    counts.stream().limit(shown).forEach(c -> out.printf("  %6d  %s%n", c.count(), c.label()));
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
