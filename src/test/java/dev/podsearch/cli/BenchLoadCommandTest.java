package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short load run on a tiny corpus: no failed request while commits land, and every commit is served. */
class BenchLoadCommandTest {
  @TempDir Path tmp;

  @Test
  void servesEveryRequestAndEveryCommitWhileReindexing() throws Exception {
    Path corpus = tmp.resolve("corpus");
    ReindexStorageFailureTest.writeEpisodes(corpus, 0, 30);
    Path queries = tmp.resolve("queries.tsv");
    Files.writeString(queries, "query\ttarget\nqueues\tx\nretries and caches\ty\nepisode 1\tz\n");

    CliRun run = CliRun.podsearch("bench", "load", "--corpus", corpus.toString(), "--index",
        tmp.resolve("index").toString(), "--queries", queries.toString(), "--seconds", "4", "--connections", "4",
        "--commit-every", "0.6");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("errors 0,").contains("visible after");
    Matcher commits = Pattern.compile("commits: (\\d+), longest commit-to-visible: (\\d+) ms").matcher(run.out());
    assertThat(commits.find()).as(run.out()).isTrue();
    assertThat(Integer.parseInt(commits.group(1))).isGreaterThanOrEqualTo(1);
    assertThat(Long.parseLong(commits.group(2))).isLessThan(BenchLoadCommand.VISIBLE_TIMEOUT.toMillis());
  }

  @Test
  void badNumbersAreUsageErrors() throws Exception {
    Path queries = tmp.resolve("q.tsv");
    Files.writeString(queries, "query\nx\n");

    CliRun run = CliRun.podsearch("bench", "load", "--queries", queries.toString(), "--connections", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--connections");
  }
}
