package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reindex, parse and stats commands over hand-made sources: exit codes and what they print. */
class CommandsTest {
  @TempDir Path tmp;

  private FakeSources sources() {
    return new FakeSources()
        .put(data(), "a.md", "a1 Alpha one\na2 Alpha two")
        .put(data(), "b.md", "b1 Beta");
  }

  private String data() {
    // A real folder, because the commands check that named sources exist before scanning them.
    Path data = tmp.resolve("data");
    data.toFile().mkdirs();
    return data.toString();
  }

  private String index() {
    return tmp.resolve("index").toString();
  }

  @Test
  void reindexPrintsTheReportAndExitsZero() {
    CliRun run = CliRun.command(new ReindexCommand(sources()), "--index", index(), "-q", data());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("markdown", "3 (2)", "episodes (sources)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void reindexWithAFailedSourceExitsOneAndNamesIt() {
    FakeSources sources = sources().put(data(), "broken.md", "FAIL");

    CliRun run = CliRun.command(new ReindexCommand(sources), "--index", index(), "-q", data());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.md:3: no title");
    assertThat(CliRun.podsearch("stats", "--index", index()).out()).contains("episodes:     3 from 2 sources");
  }

  @Test
  void reindexAbortedMidRunExitsThreeWithoutAStackTrace() {
    CliRun run = CliRun.command(new ReindexCommand(sources().put(data(), "c.md", "THROW")), "--index", index(), data());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("c.md", "parser bug", "nothing was committed").doesNotContain("\tat ");
  }

  @Test
  void reindexWhileAnotherHoldsTheIndexExitsThreeAndSaysSo() throws Exception {
    try (IndexUpdater other = IndexUpdater.open(Path.of(index()), false)) {
      CliRun run = CliRun.command(new ReindexCommand(sources()), "--index", index(), "-q", data());

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("is locked", "another reindex");
    }
  }

  @Test
  void reindexOfAMissingSourceIsAUsageError() {
    String missing = tmp.resolve("nowhere").toString();

    CliRun run = CliRun.podsearch("reindex", "--index", index(), missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such source: " + missing);
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.podsearch("reindex", "--fast");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--fast");
  }

  @Test
  void statsWithoutAnIndexSaysHowToBuildOne() {
    CliRun run = CliRun.podsearch("stats", "--index", index());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no index at " + index(), "run podsearch reindex");
  }

  @Test
  void statsCountsWhatTheIndexHolds() {
    CliRun.command(new ReindexCommand(sources()), "--index", index(), "-q", data());

    CliRun run = CliRun.podsearch("stats", "--index", index());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("episodes:     3 from 2 sources", "transcripts:  0 episodes with 0 cues",
        "markdown 3", "last commit:");
  }

  @Test
  void parsePrintsOneJsonEpisodePerLine() {
    CliRun run = CliRun.command(new ParseCommand(sources()), data());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(3)
        .allSatisfy(line -> assertThat(Json.read(line, Episode.class).title()).isNotBlank());
    assertThat(Json.read(run.out().lines().findFirst().orElseThrow(), Episode.class).id()).isEqualTo("a1");
  }

  @Test
  void parseFailuresGoToStderrAndExitOne() {
    CliRun run = CliRun.command(new ParseCommand(sources().put(data(), "broken.md", "FAIL")), data());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.md:3: no title");
    assertThat(run.out().lines()).hasSize(3);
  }

  @Test
  void parseWithoutSourcesIsAUsageError() {
    assertThat(CliRun.podsearch("parse").exitCode()).isEqualTo(2);
  }
}
