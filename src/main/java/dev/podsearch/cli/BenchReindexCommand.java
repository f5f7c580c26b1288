package dev.podsearch.cli;

import dev.podsearch.cli.ImportReport.Change;
import dev.podsearch.episode.Episode;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceRef;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.SourceInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks a full reindex against raw Lucene adding the same, already parsed episodes, then an incremental reindex
 * after one file changed. Everything is written to a temporary index that is deleted afterwards.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = {
    "Benchmarks a full reindex of a corpus against raw Lucene adding the same parsed episodes, then an incremental",
    "reindex after one file changed. Writes only to a temporary folder."})
final class BenchReindexCommand implements Callable<Integer> {
  private static final double FULL_TARGET_SECONDS = 60;
  private static final double INCREMENTAL_TARGET_SECONDS = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (default: ../shared/corpus beside $PODSEARCH_HOME).")
  Path corpus;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: one per core).")
  Integer threads;

  @Option(names = "--warmup", description = "First run one untimed full reindex, so that JIT compilation is not timed.")
  boolean warmup;

  private final SourceReader reader;

  BenchReindexCommand() {
    this(SourceReader.importer());
  }

  BenchReindexCommand(SourceReader reader) {
    this.reader = reader;
  }

  /** One timed step of the benchmark. */
  private record Row(String step, double seconds, double cpuSeconds, long episodes, long bytes, String note) {}

  /** Wall and CPU time since a start; CPU time shows the work done even when other processes share the cores. */
  private record Clock(long wallNanos, long cpuNanos) {
    static Clock start() {
      return new Clock(System.nanoTime(), processCpuNanos());
    }

    double seconds() {
      return (System.nanoTime() - wallNanos) / 1e9;
    }

    double cpuSeconds() {
      return (processCpuNanos() - cpuNanos) / 1e9;
    }

    private static long processCpuNanos() {
      return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : 0;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = (corpus != null ? corpus : Defaults.corpus()).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      err.println("podsearch: no corpus folder at " + dir + " (use --corpus DIR)");
      return ExitCodes.USAGE;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Path work = Files.createTempDirectory("podsearch-bench-");
    try {
      return run(dir, work, n, out, err);
    } catch (ReindexAbortedException | IOException | RuntimeException e) {
      err.println("podsearch: benchmark stopped: " + e.getMessage());
      return ExitCodes.NOT_DONE;
    } finally {
      deleteTree(work);
    }
  }

  private int run(Path corpusDir, Path work, int n, PrintWriter out, PrintWriter err)
      throws IOException, ReindexAbortedException, InterruptedException {
    // The file the incremental step edits is a copy in its own origin: the shared corpus is read-only.
    Path edited = copyOneFile(corpusDir, work.resolve("edited"));
    List<String> roots = roots(corpusDir, edited.getParent());
    Reindexer reindexer = new Reindexer(reader, n, Progress.plain(err, 10_000));
    out.printf(Locale.ROOT, "corpus: %s (%d roots), %d threads, load average %.1f on %d cores%n", corpusDir,
        roots.size(), n, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    out.flush();

    if (warmup) {
      reindexer.run(roots, work.resolve("warmup"), true);
      deleteTree(work.resolve("warmup"));
    }
    Clock clock = Clock.start();
    ImportReport full = reindexer.run(roots, work.resolve("index"), true);
    Row fullRow = new Row(warmup ? "full reindex (podsearch, warm)" : "full reindex (podsearch, cold JVM)", clock.seconds(), clock.cpuSeconds(), full.episodesIndexed(),
        full.bytesRead(),
        full.total(Change.FAILED).sources() + " failed, " + full.total(Change.SKIPPED).sources() + " skipped sources");

    clock = Clock.start();
    List<Parsed> parsed = parseAll(reader.scan(roots), n);
    long parsedEpisodes = parsed.stream().mapToLong(p -> p.episodes().size()).sum();
    Row parseRow = new Row("parse only (importer)", clock.seconds(), clock.cpuSeconds(), parsedEpisodes,
        full.bytesRead(), "load + parse, no index");
    Row rawRow = rawLucene(parsed, work.resolve("raw"), n);
    parsed = null;

    Files.writeString(edited, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    clock = Clock.start();
    ImportReport incremental = reindexer.run(roots, work.resolve("index"), false);
    Row incRow = new Row("incremental, 1 file changed", clock.seconds(), clock.cpuSeconds(),
        incremental.total(Change.UPDATED).episodes() + incremental.total(Change.ADDED).episodes(),
        incremental.bytesRead(),
        incremental.sourcesParsed() + " source(s) parsed, "
            + (incremental.sourcesLoaded() - incremental.sourcesParsed()) + " only hashed");

    print(out, List.of(fullRow, parseRow, rawRow, incRow));
    out.printf(Locale.ROOT, "podsearch / raw Lucene: %.2fx the wall time, %.2fx the CPU time of indexing the parsed"
        + " episodes%n", fullRow.seconds() / rawRow.seconds(), fullRow.cpuSeconds() / rawRow.cpuSeconds());
    out.printf(Locale.ROOT, "targets: full reindex < %.0f s: %s; incremental < %.0f s: %s%n",
        FULL_TARGET_SECONDS, fullRow.seconds() < FULL_TARGET_SECONDS ? "met" : "MISSED",
        INCREMENTAL_TARGET_SECONDS, incRow.seconds() < INCREMENTAL_TARGET_SECONDS ? "met" : "MISSED");
    full.failures().stream().limit(20).forEach(f -> err.println("failed: " + f));
    out.flush();
    return ExitCodes.OK;
  }

  /** Episodes of one source, parsed before the raw Lucene run so that only indexing is timed there. */
  private record Parsed(SourceInfo source, List<Episode> episodes) {}

  private List<Parsed> parseAll(List<SourceRef> refs, int n) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Parsed>> futures = new ArrayList<>();
      for (SourceRef ref : refs) {
        futures.add(pool.submit(() -> parseOne(ref)));
      }
      List<Parsed> parsed = new ArrayList<>();
      for (Future<Parsed> f : futures) {
        try {
          Parsed p = f.get();
          if (p != null) {
            parsed.add(p);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // The full reindex above already reported this source; the raw run simply goes without it.
        }
      }
      return parsed;
    } finally {
      pool.shutdownNow();
    }
  }

  private Parsed parseOne(SourceRef ref) throws IOException {
    var content = reader.load(ref);
    if (reader.parse(content) instanceof ParseOutcome.Parsed p) {
      String format = Reindexer.formatName(p);
      return new Parsed(new SourceInfo(ref.origin(), ref.source(), format, content.hash()), p.episodes());
    }
    return null;
  }

  // Same analyzers, same documents, same thread count, one commit: only the importer's work is missing.
  private static Row rawLucene(List<Parsed> parsed, Path dir, int n) throws IOException, InterruptedException {
    Clock clock = Clock.start();
    long episodes = parsed.stream().mapToLong(p -> p.episodes().size()).sum();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(EpisodeSchema.analyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
      ExecutorService pool = Executors.newFixedThreadPool(n);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (Parsed p : parsed) {
          futures.add(pool.submit(() -> {
            List<Document> docs = p.episodes().stream().map(e -> EpisodeSchema.toDocument(e, p.source())).toList();
            writer.addDocuments(docs);
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("raw Lucene run failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
      writer.commit();
    }
    return new Row("raw Lucene (same parsed episodes)", clock.seconds(), clock.cpuSeconds(), episodes, 0,
        "toDocument + addDocuments + commit");
  }

  private static List<String> roots(Path corpusDir, Path extra) throws IOException {
    List<String> roots = new ArrayList<>();
    try (Stream<Path> sets = Files.list(corpusDir)) {
      sets.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
          .forEach(p -> roots.add(p.toString()));
    }
    roots.add(extra.toString());
    return roots;
  }

  private static Path copyOneFile(Path corpusDir, Path into) throws IOException {
    Files.createDirectories(into);
    try (Stream<Path> files = Files.walk(corpusDir)) {
      Path first = files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .sorted()
          .findFirst()
          .orElseThrow(() -> new IOException("no Markdown file in " + corpusDir + " to edit for the incremental step"));
      return Files.copy(first, into.resolve(first.getFileName()));
    }
  }

  private static void print(PrintWriter out, List<Row> rows) {
    String format = "%-36s %9s %9s %9s %11s %8s  %s%n";
    out.printf(format, "step", "seconds", "cpu s", "episodes", "episodes/s", "MB/s", "note");
    for (Row r : rows) {
      out.printf(Locale.ROOT, format, r.step(), String.format(Locale.ROOT, "%.2f", r.seconds()),
          String.format(Locale.ROOT, "%.2f", r.cpuSeconds()), r.episodes(),
          String.format(Locale.ROOT, "%.0f", r.episodes() / r.seconds()),
          r.bytes() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6 / r.seconds()), r.note());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
