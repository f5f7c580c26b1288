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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Load while the index changes: many connections of mixed searches over HTTP while a reindex commits periodically. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Serves an index (built from the corpus into a temporary folder unless --index names one) on a free port and",
      "sends mixed API requests (the dev.tsv queries plain, with a tag, with a podcast, sorted by date, and",
      "completions) over N connections for the given time, while 'podsearch reindex' of a small extra folder runs as",
      "its own process every few seconds, each commit adding an episode. Reports requests, errors, QPS, p50, p99 and max latency, and for every",
      "commit the time until /health serves the new episode count. Exit 1 when any request failed."
    })
final class BenchLoadCommand implements Callable<Integer> {
  private static final Pattern DETAILS = Pattern.compile("\"details\"\\s*:\\s*\"([^\"]{0,80})");
  private static final Pattern EPISODES = Pattern.compile("\"episodes\"\\s*:\\s*(\\d+)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus to index (default: ../shared/corpus beside $PODSEARCH_HOME).")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Reuse this index; built from the corpus when it does not exist yet. The extra episodes stay in it.")
  Path index;

  @Option(names = "--queries", paramLabel = "FILE", description = "Tab-separated queries, first column, header skipped (default: ../shared/relevance/dev.tsv).")
  Path queries;

  @Option(names = "--seconds", paramLabel = "N", description = "How long the load lasts (default: ${DEFAULT-VALUE}).")
  double seconds = 60;

  @Option(names = "--connections", paramLabel = "N", description = "Concurrent connections, each sending one request after another (default: ${DEFAULT-VALUE}).")
  int connections = 64;

  @Option(names = "--commit-every", paramLabel = "SECONDS", description = "Seconds between reindex commits (default: ${DEFAULT-VALUE}).")
  double commitEvery = 10;

  /** One commit of the reindex loop: the episode count it made and how long until the server answered with it. */
  record Commit(long episodes, double reindexMs, double visibleMs) {}

  /** What the load run measured. */
  record Result(BenchSearchCommand.Run run, List<Commit> commits, long longestGapMs, java.util.Map<String, Integer> causes) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path queryFile = (queries != null ? queries : Defaults.home().resolve("../shared/relevance/dev.tsv")).toAbsolutePath().normalize();
    String usage = usage(queryFile);
    if (usage != null) {
      err.println("podsearch: " + usage);
      return ExitCodes.USAGE;
    }
    boolean temporary = index == null;
    Path indexDir = temporary ? Files.createTempDirectory("podsearch-bench-load-") : index.toAbsolutePath().normalize();
    Path extra = Files.createTempDirectory("podsearch-bench-load-extra-");
    try {
      int built = BenchSupport.ensureIndex(indexDir, corpus, out, err);
      if (built != ExitCodes.OK) {
        return built;
      }
      Result result = measure(indexDir, extra, BenchSearchCommand.readQueries(queryFile), out);
      report(result, out);
      return result.run().errors() > 0 ? ExitCodes.SOURCES_FAILED : ExitCodes.OK;
    } finally {
      BenchSupport.deleteTree(extra);
      if (temporary) {
        BenchSupport.deleteTree(indexDir);
      }
    }
  }

  private String usage(Path queryFile) {
    if (!Files.isRegularFile(queryFile)) {
      return "no query file at " + queryFile + " (use --queries FILE)";
    }
    if (!(seconds > 0)) {
      return "--seconds must be more than 0, got " + seconds;
    }
    if (connections < 1) {
      return "--connections must be at least 1, got " + connections;
    }
    if (!(commitEvery > 0)) {
      return "--commit-every must be more than 0, got " + commitEvery;
    }
    return null;
  }

  /** Serves the index, runs the load and the reindex loop side by side, and stops both. */
  Result measure(Path indexDir, Path extra, List<String> queryList, PrintWriter out) throws Exception {
    try (SearchService service = LuceneSearchService.open(indexDir)) {
      List<String> paths = mix(service, queryList);
      Javalin app = WebApp.create(service, WebOptions.defaults()).start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.port();
      // the load's connections, and one for the reindex loop's health checks
      try (BenchHttp client = new BenchHttp(base, connections + 1, 30)) {
        out.printf("load: %d connections, %d request kinds, %.0f s, a commit every %.0f s, on %s%n", connections,
            paths.size(), seconds, commitEvery, base);
        out.flush();
        // One pass first, so that JIT compilation and cold caches do not count as load.
        runLoad(client, paths.subList(0, Math.min(paths.size(), 100)), 4, Duration.ZERO);
        List<Commit> commits = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread reindexLoop = new Thread(() -> reindexLoop(client, indexDir, extra, commits, loading),
            "bench-load-reindex");
        reindexLoop.setDaemon(true);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        reindexLoop.start();
        LoadRun load = runLoad(client, paths, connections, Duration.ofNanos(end - System.nanoTime()));
        // A reindex under way when the load ends still counts: it is waited for and measured, then the loop stops.
        loading.set(false);
        reindexLoop.join(Duration.ofMinutes(2).toMillis());
        synchronized (commits) {
          return new Result(load.run(), List.copyOf(commits), load.longestGapMs(), load.causes());
        }
      } finally {
        app.stop();
      }
    }
  }

  /** Plain, tag-filtered, podcast-filtered and date-sorted searches and completions, as API paths. */
  static List<String> mix(SearchService service, List<String> queryList) {
    List<String> paths = new ArrayList<>();
    for (String query : queryList) {
      String q = "/api/search?q=" + BenchSupport.encode(query);
      paths.add(q);
      SearchResults results = service.search(SearchRequest.of(query));
      top(results, "tag").ifPresent(tag -> paths.add(q + "&tag=" + BenchSupport.encode(tag)));
      top(results, "podcast").ifPresent(podcast -> paths.add(q + "&podcast=" + BenchSupport.encode(podcast) + "&sort=date"));
      String page = results.total() > 10 ? "&page=2" : "";
      top(results, "year").ifPresent(year -> paths.add(q + "&from=" + year + "-01-01&to=" + year + "-12-31" + page));
      String prefix = query.length() > 4 ? query.substring(0, query.length() - 2) : query;
      paths.add("/api/suggest?q=" + BenchSupport.encode(prefix));
    }
    paths.add("/api/tags");
    return paths;
  }

  private static java.util.Optional<String> top(SearchResults results, String facet) {
    List<FacetValue> values = results.facets().getOrDefault(facet, List.of());
    return values.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(values.get(0).value());
  }

  /**
   * Every {@code commitEvery} seconds: one more Markdown episode in the extra folder, then {@code podsearch reindex} of
   * that folder alone in a process of its own (as an operator runs it beside the server: one commit), then /health
   * polled until it reports the new count.
   */
  private void reindexLoop(BenchHttp client, Path indexDir, Path extra, List<Commit> commits,
      AtomicBoolean loading) {
    try {
      for (int n = 1; ; n++) {
        long next = System.nanoTime() + (long) (commitEvery * 1e9);
        while (loading.get() && System.nanoTime() < next) {
          Thread.sleep(50);
        }
        if (!loading.get()) {
          return;
        }
        long before = health(client);
        Files.writeString(extra.resolve("extra-" + n + ".md"), "---\ntitle: \"Load test episode " + n
            + "\"\ndate: 2024-01-01\ntags: [load-test]\n---\n\nAn episode added while the server is under load.\n");
        long started = System.nanoTime();
        int code = reindexProcess(indexDir, extra);
        long committed = System.nanoTime();
        long visible = code == ExitCodes.OK
            ? awaitEpisodes(client, before + 1, committed + VISIBLE_TIMEOUT.toNanos()) : -1;
        synchronized (commits) {
          commits.add(new Commit(before + 1, (committed - started) / 1e6,
              visible < 0 ? Double.POSITIVE_INFINITY : (visible - committed) / 1e6));
        }
      }
    } catch (InterruptedException | IOException | RuntimeException e) {
      synchronized (commits) {
        commits.add(new Commit(-1, 0, Double.POSITIVE_INFINITY));
      }
    }
  }

  // The same java and class path as this process; the reindex's own output is not part of the report.
  private static int reindexProcess(Path indexDir, Path extra) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "reindex", "--quiet", "--threads", "1", "--index", indexDir.toString(), extra.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      return p.waitFor();
    } finally {
      p.destroyForcibly();
    }
  }

  /** A commit not served after this long counts as never served. */
  static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  // The time /health first reports the count, or -1 past the deadline.
  private static long awaitEpisodes(BenchHttp client, long episodes, long deadline)
      throws InterruptedException {
    while (System.nanoTime() < deadline) {
      try {
        if (health(client) >= episodes) {
          return System.nanoTime();
        }
      } catch (IOException e) {
        // a failed health check is counted by the load, not here; keep waiting
      }
      Thread.sleep(5);
    }
    return -1;
  }

  private static long health(BenchHttp client) throws IOException {
    BenchHttp.Response response = client.get("/health");
    Matcher m = EPISODES.matcher(new String(response.body(), StandardCharsets.UTF_8));
    if (response.status() != 200 || !m.find()) {
      throw new IOException("/health answered " + response.status());
    }
    return Long.parseLong(m.group(1));
  }

  private record LoadRun(BenchSearchCommand.Run run, long longestGapMs, java.util.Map<String, Integer> causes) {}

  // Each worker keeps one request in flight until the time is up; a zero duration means one pass over the paths.
  private static LoadRun runLoad(BenchHttp client, List<String> paths, int workers, Duration duration)
      throws Exception {
    long deadline = System.nanoTime() + duration.toNanos();
    boolean onePass = duration.isZero();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    java.util.Map<String, Integer> causes = new java.util.concurrent.ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long started = System.nanoTime();
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        futures.add(pool.submit(() -> work(client, paths, next, errors, firstError, causes, onePass, deadline)));
      }
      List<long[]> parts = new ArrayList<>();
      for (Future<long[]> f : futures) {
        parts.add(f.get());
      }
      double wall = (System.nanoTime() - started) / 1e9;
      long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      BenchSearchCommand.Run run = new BenchSearchCommand.Run("http", workers, all, errors.get(), firstError.get(), wall, 0, 0);
      return new LoadRun(run, all.length == 0 ? 0 : all[all.length - 1] / 1_000_000, new java.util.TreeMap<>(causes));
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] work(BenchHttp client, List<String> paths, AtomicInteger next,
      AtomicInteger errors, AtomicReference<String> firstError, java.util.Map<String, Integer> causes, boolean onePass,
      long deadline) {
    long[] nanos = new long[1024];
    int count = 0;
    while (true) {
      int i = next.getAndIncrement();
      if (onePass ? i >= paths.size() : System.nanoTime() >= deadline) {
        break;
      }
      String path = paths.get(i % paths.size());
      long start = System.nanoTime();
      String error = send(client, path);
      long took = System.nanoTime() - start;
      if (error != null) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, error + " for " + path);
        causes.merge(error, 1, Integer::sum);
        continue;
      }
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = took;
    }
    return Arrays.copyOf(nanos, count);
  }

  /** Null when the request succeeded, else what went wrong. */
  private static String send(BenchHttp client, String path) {
    try {
      BenchHttp.Response response = client.get(path);
      if (response.status() == 200 && response.body().length > 0) {
        return null;
      }
      // The reason without the words of the query, so that errors of one cause count together.
      Matcher details = DETAILS.matcher(new String(response.body(), StandardCharsets.UTF_8));
      return "HTTP " + response.status() + (details.find() ? ": " + details.group(1).replaceAll("\\d+", "N") : "");
    } catch (IOException e) {
      return e.toString();
    }
  }

  static void report(Result result, PrintWriter out) {
    BenchSearchCommand.Run r = result.run();
    out.printf(Locale.ROOT, "requests %d, errors %d, QPS %.1f, p50 %.2f ms, p99 %.2f ms, max %d ms%n",
        r.nanos().length, r.errors(), r.qps(), r.percentileMs(0.5), r.percentileMs(0.99), result.longestGapMs());
    if (r.firstError() != null) {
      out.println("first error: " + r.firstError());
    }
    result.causes().forEach((cause, count) -> out.printf("errors: %d x %s%n", count, cause));
    List<Commit> commits = result.commits();
    for (Commit c : commits) {
      out.printf(Locale.ROOT, "commit: %d episodes, reindex %.0f ms, visible after %.0f ms%n", c.episodes(),
          c.reindexMs(), c.visibleMs());
    }
    double longest = commits.stream().mapToDouble(Commit::visibleMs).max().orElse(Double.NaN);
    out.printf(Locale.ROOT, "commits: %d, longest commit-to-visible: %.0f ms%n", commits.size(), longest);
    out.flush();
  }
}
