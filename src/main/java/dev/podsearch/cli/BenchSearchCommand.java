package dev.podsearch.cli;

import dev.podsearch.search.FacetValue;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchResults;
import dev.podsearch.search.SearchService;
import dev.podsearch.web.WebApp;
import dev.podsearch.web.WebOptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks search over HTTP against in-process. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks search: the dev.tsv queries, each plain and again filtered on",
      "the top tag of its facets, straight on the search service and over HTTP",
      "to the web app on a free port, at concurrency 1 and 16. Reports QPS, p50,",
      "p99 and the HTTP/in-process median ratio. Indexes the corpus into a",
      "temporary folder unless --index names an existing index."
    })
final class BenchSearchCommand implements Callable<Integer> {
  static final double RATIO_TARGET = 1.3;
  static final double P99_TARGET_MS = 50;
  static final int[] CONCURRENCY = {1, 16};
  private static final int MOST_CONCURRENT = Arrays.stream(CONCURRENCY).max().orElse(1);
  /** Measured rounds per way and concurrency, taken in turns. */
  static final int ROUNDS = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus to index (default: ../shared/corpus beside $PODSEARCH_HOME).")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Reuse this index; built from the corpus when it does not exist yet.")
  Path index;

  @Option(names = "--queries", paramLabel = "FILE", description = "Tab-separated queries, first column, header line skipped (default: ../shared/relevance/dev.tsv).")
  Path queries;

  @Option(names = "--seconds", paramLabel = "N", description = "How long each measured run lasts (default: ${DEFAULT-VALUE}).")
  double seconds = 10;

  /** Latencies of one measured run. */
  record Run(String where, int concurrency, long[] nanos, int errors, String firstError, double wallSeconds,
      long cpuNanos, long threadCpuNanos) {
    double qps() {
      return nanos.length / wallSeconds;
    }

    /** CPU time of the whole process per request (client, server and search): unlike latency, other load on a
     * shared machine barely changes it. */
    double cpuMsPerRequest() {
      return nanos.length == 0 ? Double.NaN : cpuNanos / 1e6 / nanos.length;
    }

    /**
     * CPU time of the sending threads per request: for in-process runs, the search alone, without compilation, GC
     * or the other processes on the machine. What code changes are compared by.
     */
    double threadCpuMsPerRequest() {
      return nanos.length == 0 ? Double.NaN : threadCpuNanos / 1e6 / nanos.length;
    }

    /** The rounds of one way and concurrency as one run. */
    static Run merge(List<Run> rounds) {
      Run first = rounds.get(0);
      long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.nanos())).sorted().toArray();
      return new Run(first.where(), first.concurrency(), all, rounds.stream().mapToInt(Run::errors).sum(),
          rounds.stream().map(Run::firstError).filter(e -> e != null).findFirst().orElse(null),
          rounds.stream().mapToDouble(Run::wallSeconds).sum(), rounds.stream().mapToLong(Run::cpuNanos).sum(),
          rounds.stream().mapToLong(Run::threadCpuNanos).sum());
    }

    double percentileMs(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(nanos.length - 1, rank))] / 1e6;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path queryFile = (queries != null ? queries : Defaults.home().resolve("../shared/relevance/dev.tsv")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(queryFile)) {
      err.println("podsearch: no query file at " + queryFile + " (use --queries FILE)");
      return ExitCodes.USAGE;
    }
    if (!(seconds > 0)) {
      err.println("podsearch: --seconds must be more than 0, got " + seconds);
      return ExitCodes.USAGE;
    }
    boolean temporary = index == null;
    Path indexDir = temporary ? Files.createTempDirectory("podsearch-bench-search-") : index.toAbsolutePath().normalize();
    try {
      int built = BenchSupport.ensureIndex(indexDir, corpus, out, err);
      if (built != ExitCodes.OK) {
        return built;
      }
      try (SearchService service = LuceneSearchService.open(indexDir)) {
        List<Run> runs = measure(service, readQueries(queryFile), Duration.ofMillis((long) (seconds * 1000)), out);
        report(runs, out);
        return runs.stream().anyMatch(r -> r.errors() > 0) ? ExitCodes.SOURCES_FAILED : ExitCodes.OK;
      }
    } finally {
      if (temporary) {
        BenchSupport.deleteTree(indexDir);
      }
    }
  }

  /** The first column of a TSV with a header line: one query per row, blanks skipped. */
  static List<String> readQueries(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.skip(1).map(line -> line.split("\t", 2)[0].strip()).filter(q -> !q.isEmpty()).toList();
    }
  }

  /** Runs the whole benchmark on {@code service}: in-process and over HTTP, at each concurrency. */
  static List<Run> measure(SearchService service, List<String> queries, Duration perRun, PrintWriter out)
      throws Exception {
    List<SearchRequest> mix = mix(service, queries);
    out.printf("queries: %d (%d requests in the mix)%n", queries.size(), mix.size());
    out.flush();
    Javalin app = WebApp.create(service, WebOptions.defaults()).start("127.0.0.1", 0);
    try (BenchHttp client = new BenchHttp("http://127.0.0.1:" + app.port(), MOST_CONCURRENT, 30)) {
      Target inProcess = request -> inProcess(service, request);
      Target http = request -> overHttp(client, request);
      warmUp(mix, inProcess, http, perRun, out);
      List<Run> runs = new ArrayList<>();
      // The two ways take turns in short rounds, so that both see the same machine: a shared machine's load, and what
      // is left of compilation, change over a run's seconds.
      Duration round = perRun.dividedBy(ROUNDS);
      for (int concurrency : CONCURRENCY) {
        List<Run> local = new ArrayList<>();
        List<Run> remote = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
          local.add(runFor("in-process", concurrency, mix, inProcess, round));
          remote.add(runFor("http", concurrency, mix, http, round));
        }
        runs.add(Run.merge(local));
        runs.add(Run.merge(remote));
      }
      return runs;
    } finally {
      app.stop();
    }
  }

  static final Duration WARM_UP_ROUND = Duration.ofSeconds(2);
  static final Duration WARM_UP_MAX = Duration.ofSeconds(90);
  /** JIT compilation below this per warm-up round counts as settled. */
  static final long SETTLED_COMPILE_MILLIS = 100;

  /**
   * Sends the mix both ways, at the highest concurrency, until the JIT compiler has settled (or for at most {@link
   * #WARM_UP_MAX}, or nine measured runs' time when that is shorter). Measured on a served index: throughput went on
   * rising for a minute of load, while the compiler threads took up to a core; one pass of the mix left the HTTP path
   * (Jetty, Jackson) largely interpreted.
   */
  private static void warmUp(List<SearchRequest> mix, Target inProcess, Target http, Duration perRun, PrintWriter out)
      throws Exception {
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    // a short benchmark (a smoke test) warms up for a while in proportion
    Duration round = perRun.compareTo(WARM_UP_ROUND) < 0 ? perRun : WARM_UP_ROUND;
    Duration longest = perRun.multipliedBy(9).compareTo(WARM_UP_MAX) < 0 ? perRun.multipliedBy(9) : WARM_UP_MAX;
    long started = System.nanoTime();
    long deadline = started + longest.toNanos();
    long compiled = jit.getTotalCompilationTime();
    long lastRound = Long.MAX_VALUE;
    while (lastRound > SETTLED_COMPILE_MILLIS && System.nanoTime() < deadline) {
      runFor("warm-up", MOST_CONCURRENT, mix, inProcess, round);
      runFor("warm-up", MOST_CONCURRENT, mix, http, round);
      long now = jit.getTotalCompilationTime();
      lastRound = now - compiled;
      compiled = now;
    }
    out.printf(Locale.ROOT, "warm-up: %.0f s, until JIT compilation took %d ms in the last round%n",
        (System.nanoTime() - started) / 1e9, lastRound);
    out.flush();
  }

  /** Each query plain, and again filtered on the top tag of its own results when it has one. */
  static List<SearchRequest> mix(SearchService service, List<String> queries) {
    List<SearchRequest> mix = new ArrayList<>();
    for (String query : queries) {
      SearchRequest plain = SearchRequest.of(query);
      mix.add(plain);
      SearchResults results = service.search(plain);
      List<FacetValue> tags = results.facets().getOrDefault("tag", List.of());
      if (!tags.isEmpty()) {
        mix.add(new SearchRequest(query, List.of(tags.get(0).value()), null, null, null, null, null, 1, 10));
      }
    }
    return mix;
  }

  /** Sends one request; false when it failed. */
  private interface Target {
    boolean send(SearchRequest request) throws Exception;
  }

  private static boolean inProcess(SearchService service, SearchRequest request) {
    return service.search(request) != null;
  }

  private static boolean overHttp(BenchHttp client, SearchRequest request) throws Exception {
    BenchHttp.Response response = client.get(path(request));
    return response.status() == 200 && response.body().length > 0;
  }

  /** The API path that asks for {@code request}. */
  static String path(SearchRequest request) {
    StringBuilder path = new StringBuilder("/api/search?q=").append(BenchSupport.encode(request.query()));
    request.tags().forEach(tag -> path.append("&tag=").append(BenchSupport.encode(tag)));
    return path.append("&page=").append(request.page()).append("&size=").append(request.size()).toString();
  }

  // Workers take requests round-robin from the mix until the time is up; a zero duration means one pass of the mix.
  private static Run runFor(String where, int concurrency, List<SearchRequest> mix, Target target, Duration duration)
      throws Exception {
    long deadline = System.nanoTime() + duration.toNanos();
    boolean onePass = duration.isZero();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicLong threadCpu = new java.util.concurrent.atomic.AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long started = System.nanoTime();
    long cpuBefore = processCpuNanos();
    try {
      List<Future<long[]>> workers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        workers.add(pool.submit(() -> work(mix, target, next, errors, firstError, onePass, deadline, threadCpu)));
      }
      List<long[]> parts = new ArrayList<>();
      for (Future<long[]> worker : workers) {
        parts.add(worker.get());
      }
      double wall = (System.nanoTime() - started) / 1e9;
      long cpu = processCpuNanos() - cpuBefore;
      long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Run(where, concurrency, all, errors.get(), firstError.get(), wall, cpu, threadCpu.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static long[] work(
      List<SearchRequest> mix,
      Target target,
      AtomicInteger next,
      AtomicInteger errors,
      AtomicReference<String> firstError,
      boolean onePass,
      long deadline,
      java.util.concurrent.atomic.AtomicLong threadCpu) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] nanos = new long[1024];
    int count = 0;
    while (true) {
      int i = next.getAndIncrement();
      if (onePass ? i >= mix.size() : System.nanoTime() >= deadline) {
        break;
      }
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      SearchRequest request = mix.get(i % mix.size());
      boolean ok;
      try {
        ok = target.send(request);
        if (!ok) {
          firstError.compareAndSet(null, "HTTP error for " + path(request));
        }
      } catch (Exception e) {
        ok = false;
        firstError.compareAndSet(null, e + " for " + path(request));
      }
      long took = System.nanoTime() - start;
      threadCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
      if (!ok) {
        errors.incrementAndGet();
        continue;
      }
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = took;
    }
    return Arrays.copyOf(nanos, count);
  }

  static void report(List<Run> runs, PrintWriter out) {
    out.printf("%-11s %11s %9s %7s %9s %9s %9s %11s %12s%n", "where", "concurrency", "requests", "errors", "QPS",
        "p50 ms", "p99 ms", "cpu ms/req", "thread cpu");
    for (Run r : runs) {
      out.printf(Locale.ROOT, "%-11s %11d %9d %7d %9.1f %9.2f %9.2f %11.2f %12.2f%n", r.where(), r.concurrency(),
          r.nanos().length, r.errors(), r.qps(), r.percentileMs(0.5), r.percentileMs(0.99), r.cpuMsPerRequest(),
          r.threadCpuMsPerRequest());
    }
    out.println("cpu ms/req: the whole process's CPU per request; thread cpu: the sending threads' (in-process:"
        + " the search alone)");
    runs.stream().filter(r -> r.firstError() != null)
        .forEach(r -> out.println("first error (" + r.where() + ", c=" + r.concurrency() + "): " + r.firstError()));
    Run local = find(runs, "in-process", 1);
    Run http = find(runs, "http", 1);
    Run busy = find(runs, "http", 16);
    double ratio = http.percentileMs(0.5) / local.percentileMs(0.5);
    out.printf(Locale.ROOT, "HTTP/in-process median ratio (c=1): %.2f (target <= %.1f) %s%n", ratio, RATIO_TARGET,
        ratio <= RATIO_TARGET ? "ok" : "MISSED");
    double p99 = busy.percentileMs(0.99);
    out.printf(Locale.ROOT, "HTTP p99 at c=16: %.2f ms (target < %.0f ms) %s%n", p99, P99_TARGET_MS,
        p99 < P99_TARGET_MS ? "ok" : "MISSED");
    out.flush();
  }

  private static Run find(List<Run> runs, String where, int concurrency) {
    return runs.stream().filter(r -> r.where().equals(where) && r.concurrency() == concurrency).findFirst().orElseThrow();
  }
}
