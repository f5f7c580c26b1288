package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code podsearch reindex} run as its own process and killed with SIGKILL at random moments, full and incremental:
 * each time the index opens, holds exactly the old commit's episodes or the new one's, passes CheckIndex, and a
 * search service reading it meanwhile never fails a request. The write.lock a killed process leaves behind never
 * blocks the next reindex (the OS releases the native lock with the process).
 */
class ReindexKillTest {
  static final int EPISODES = 300;
  static final int KILLS = 20;
  private static final long SEED = Long.getLong("podsearch.killSeed", System.nanoTime());

  @TempDir Path tmp;

  @Test
  void killedReindexesLeaveTheOldOrTheNewCommitAndReadersNeverFail() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path index = tmp.resolve("index");
    ReindexStorageFailureTest.writeEpisodes(corpus, 0, EPISODES);
    long started = System.nanoTime();
    assertThat(reindexToTheEnd(corpus, index, true)).isEqualTo(ExitCodes.OK);
    long fullRunMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(ReindexStorageFailureTest.episodes(index)).isEqualTo(EPISODES);

    Random random = new Random(SEED);
    int realKills = 0;
    List<String> log = new ArrayList<>();
    try (Readers readers = new Readers(index)) {
      for (int round = 0; realKills < KILLS && round < KILLS * 2; round++) {
        long before = ReindexStorageFailureTest.episodes(index);
        long after = change(corpus, random, before);
        boolean full = round % 3 == 0;
        Process p = start(corpus, index, full);
        // Anywhere from JVM start-up through parsing to the commit itself.
        long delay = (long) (fullRunMillis * (0.15 + random.nextDouble() * 0.9));
        boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
        if (!finished) {
          p.destroyForcibly();
          assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
          realKills++;
        }
        long now = ReindexStorageFailureTest.episodes(index);
        log.add(String.format("round %d %s killed=%s after %d ms: %d -> %d, expected %d or %d", round,
            full ? "full" : "incremental", !finished, delay, before, now, before, after));
        assertThat(now).as("seed %d, %s", SEED, log).isIn(before, after);
        assertClean(index);
      }
      assertThat(Files.exists(index.resolve("write.lock"))).as("a killed writer leaves its lock file").isTrue();
      assertThat(reindexToTheEnd(corpus, index, false)).as("the stale lock does not block").isEqualTo(ExitCodes.OK);
      assertThat(ReindexStorageFailureTest.episodes(index)).isEqualTo(countFiles(corpus));
      readers.stopAndAssertNoFailures();
    }
    assertThat(realKills).as("seed %d, %s", SEED, log).isGreaterThanOrEqualTo(KILLS);
  }

  /** Adds, deletes and edits a few episodes so that the next commit differs from {@code indexed}; its count. */
  private static long change(Path corpus, Random random, long indexed) throws IOException {
    List<Path> files = files(corpus);
    for (int i = 0; i < 1 + random.nextInt(4); i++) {
      Files.delete(files.remove(random.nextInt(files.size())));
    }
    for (int i = 0; i < 3; i++) {
      Path edited = files.get(random.nextInt(files.size()));
      Files.writeString(edited, ReindexStorageFailureTest.episode(random.nextInt(100_000), random.nextInt(1000)));
    }
    int next = 10_000 + random.nextInt(1_000_000);
    do {
      Files.writeString(corpus.resolve("new-" + next + ".md"), ReindexStorageFailureTest.episode(next, 0));
      next++;
    } while (countFiles(corpus) == indexed || random.nextInt(3) == 0);
    return countFiles(corpus);
  }

  private static List<Path> files(Path corpus) throws IOException {
    try (Stream<Path> s = Files.list(corpus)) {
      return new ArrayList<>(s.sorted().toList());
    }
  }

  private static long countFiles(Path corpus) throws IOException {
    return files(corpus).size();
  }

  private static void assertClean(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      check.setChecksumsOnly(true);
      assertThat(check.checkIndex().clean).isTrue();
    }
  }

  private int reindexToTheEnd(Path corpus, Path index, boolean full) throws Exception {
    Process p = start(corpus, index, full);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  /** {@code podsearch reindex} in a JVM of its own, on this test's class path. */
  private Process start(Path corpus, Path index, boolean full) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.podsearch.cli.Main", "reindex", "--quiet", "--threads", "2", "--index", index.toString()));
    if (full) {
      command.add("--full");
    }
    command.add(corpus.toString());
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("reindex.log").toFile()).start();
  }

  /** Searches and health checks on the index in a loop, as a server would answer them during the kills. */
  private static final class Readers implements AutoCloseable {
    private final LuceneSearchService service;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    Readers(Path index) {
      service = LuceneSearchService.open(index);
      thread = new Thread(this::loop, "kill-test-reader");
      thread.start();
    }

    private void loop() {
      String[] queries = {"queues", "caches retries", "\"back-pressure\"", "episode 1*", ""};
      while (running.get()) {
        try {
          String q = queries[requests.get() % queries.length];
          assertThat(service.search(SearchRequest.of(q)).total()).isPositive();
          assertThat(service.status().episodes()).isPositive();
          requests.incrementAndGet();
        } catch (Throwable t) {
          failures.add(t);
        }
      }
    }

    void stopAndAssertNoFailures() throws InterruptedException {
      running.set(false);
      thread.join(Duration.ofSeconds(10).toMillis());
      assertThat(failures).isEmpty();
      assertThat(requests.get()).isGreaterThan(10);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(Duration.ofSeconds(10).toMillis());
      service.close();
    }
  }
}
