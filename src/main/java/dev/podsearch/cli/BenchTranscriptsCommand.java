package dev.podsearch.cli;

import dev.podsearch.cli.ImportReport.Change;
import dev.podsearch.index.IndexStats;
import dev.podsearch.search.Hit;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks timed transcripts: importing and indexing a folder of them with their cues, then searching them for
 * moments against the same searches without highlighting, on the same index. Writes only to a temporary folder.
 */
@Command(name = "transcripts", mixinStandardHelpOptions = true, description = {
    "Benchmarks transcripts: imports a folder of them (default ../shared/corpus/changelog-transcripts) with their cues",
    "into a temporary index (cues/s, episodes/s, index size), then runs sampled words and phrases as moment searches",
    "and as plain searches (no snippets, no moments) on that index: p50, p99 and their ratio."})
final class BenchTranscriptsCommand implements Callable<Integer> {
  /** Plain words: letters only. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  /** The markup of the transcript files: speaker labels and timestamps. */
  private static final Pattern MARKUP = Pattern.compile("\\*\\*[^*]{1,80}:\\*\\*|\\\\\\[[0-9:.]+\\\\]|\\[[0-9:.]+]");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "Transcript folder (default: ../shared/corpus/changelog-transcripts beside $PODSEARCH_HOME).")
  Path corpus;

  @Option(names = "--queries", paramLabel = "N", description = "Queries sampled from the transcripts (default: ${DEFAULT-VALUE}).")
  int queries = 50;

  @Option(names = "--rounds", paramLabel = "N", description = "Timed passes over the queries (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the query sample (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = (corpus != null ? corpus : Defaults.corpus().resolve("changelog-transcripts")).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      err.println("podsearch: no transcript folder at " + dir + " (use --corpus DIR)");
      return ExitCodes.USAGE;
    }
    if (queries < 1 || rounds < 1) {
      err.println("podsearch: --queries and --rounds must be at least 1");
      return ExitCodes.USAGE;
    }
    Path work = Files.createTempDirectory("podsearch-bench-transcripts-");
    try {
      Path index = work.resolve("index");
      if (!indexCorpus(dir, index, out, err)) {
        return ExitCodes.NOT_DONE;
      }
      List<String> sample = sample(dir, queries, seed);
      searchLatency(index, sample, out);
      return ExitCodes.OK;
    } catch (ReindexAbortedException e) {
      err.println("podsearch: benchmark stopped: " + e.getMessage());
      return ExitCodes.NOT_DONE;
    } finally {
      BenchSupport.deleteTree(work);
      out.flush();
    }
  }

  private boolean indexCorpus(Path dir, Path index, PrintWriter out, PrintWriter err)
      throws IOException, ReindexAbortedException {
    int threads = Runtime.getRuntime().availableProcessors();
    Reindexer reindexer = new Reindexer(SourceReader.importer(), threads, Progress.plain(err, 10_000));
    out.printf("corpus: %s, %d threads%n", dir, threads);
    out.flush();
    long start = System.nanoTime();
    ImportReport report = reindexer.run(List.of(dir.toString()), index, true);
    double seconds = (System.nanoTime() - start) / 1e9;
    IndexStats stats = IndexStats.read(index);
    out.printf(Locale.ROOT, "indexed: %d episodes (%d with transcripts), %d cues, %.1f MB read, in %.1f s "
        + "(%d failed, %d skipped sources)%n", stats.episodes(), stats.transcripts(), stats.cues(),
        report.bytesRead() / 1e6, seconds, report.total(Change.FAILED).sources(), report.total(Change.SKIPPED).sources());
    out.printf(Locale.ROOT, "throughput: %.0f cues/s, %.1f episodes/s; index size %.1f MB%n",
        stats.cues() / seconds, stats.episodes() / seconds, stats.sizeBytes() / 1e6);
    out.flush();
    return stats.episodes() > 0;
  }

  /**
   * Queries drawn from the transcripts with a fixed seed: half single words, half two- or three-word phrases quoted,
   * taken from random lines of random files, so that every one is known to match somewhere.
   */
  static List<String> sample(Path dir, int n, long seed) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md"))
          .sorted(Comparator.comparing(Path::toString)).toList();
    }
    Random random = new Random(seed);
    Set<String> out = new LinkedHashSet<>();
    for (int attempt = 0; out.size() < n && attempt < n * 50 && !files.isEmpty(); attempt++) {
      List<String> lines = Files.readAllLines(files.get(random.nextInt(files.size())), StandardCharsets.UTF_8);
      String line = MARKUP.matcher(lines.isEmpty() ? "" : lines.get(random.nextInt(lines.size()))).replaceAll(" ");
      List<String> words = words(line);
      if (words.size() < 3) {
        continue;
      }
      int from = random.nextInt(words.size() - 2);
      List<String> phrase = words.subList(from, from + 2 + random.nextInt(2));
      boolean wantPhrase = out.size() % 2 == 1;
      if (wantPhrase && phrase.stream().allMatch(w -> !w.isEmpty()) && phrase.stream().anyMatch(w -> w.length() >= 5)) {
        out.add("\"" + String.join(" ", phrase) + "\"");
      } else if (!wantPhrase && words.get(from).length() >= 5) {
        out.add(words.get(from));
      }
    }
    return List.copyOf(out);
  }

  /** The line's words in order, lower-cased; a token that is not plain letters is kept as "" so no phrase spans it. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    for (String token : line.strip().split("\\s+")) {
      String word = token.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
      words.add(WORD.matcher(word).matches() ? word.toLowerCase(Locale.ROOT) : "");
    }
    return words;
  }

  private void searchLatency(Path index, List<String> sample, PrintWriter out) {
    try (SearchService moments = LuceneSearchService.open(index);
        SearchService plain = LuceneSearchService.openWithoutHighlights(index)) {
      int withMoments = 0;
      // one untimed pass of each, so that JIT compilation and caches are not measured
      for (String q : sample) {
        List<Hit> hits = moments.search(SearchRequest.of(q)).hits();
        withMoments += hits.isEmpty() || hits.get(0).moments().isEmpty() ? 0 : 1;
        plain.search(SearchRequest.of(q));
      }
      long[] momentNanos = new long[sample.size() * rounds];
      long[] plainNanos = new long[sample.size() * rounds];
      int i = 0;
      for (int round = 0; round < rounds; round++) {
        for (String q : sample) {
          // interleaved, so that both see the same machine load
          momentNanos[i] = time(moments, q);
          plainNanos[i++] = time(plain, q);
        }
      }
      Arrays.sort(momentNanos);
      Arrays.sort(plainNanos);
      out.printf("queries: %d sampled (seed %d), %d rounds; %d with moments in their top hit%n", sample.size(), seed,
          rounds, withMoments);
      out.printf("%-24s %9s %9s%n", "search (10 hits)", "p50 ms", "p99 ms");
      row(out, "with moments", momentNanos);
      row(out, "plain (no highlights)", plainNanos);
      out.printf(Locale.ROOT, "moments/plain ratio: p50 %.2f, p99 %.2f%n",
          ms(momentNanos, 0.5) / ms(plainNanos, 0.5), ms(momentNanos, 0.99) / ms(plainNanos, 0.99));
    }
  }

  private static long time(SearchService service, String q) {
    long start = System.nanoTime();
    service.search(SearchRequest.of(q));
    return System.nanoTime() - start;
  }

  private static void row(PrintWriter out, String name, long[] sorted) {
    out.printf(Locale.ROOT, "%-24s %9.2f %9.2f%n", name, ms(sorted, 0.5), ms(sorted, 0.99));
  }

  private static double ms(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
  }
}
