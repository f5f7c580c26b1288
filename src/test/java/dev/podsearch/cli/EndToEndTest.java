package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podsearch.episode.Episode;
import dev.podsearch.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** podsearch reindex, parse and stats with the real importer over small files of our own. */
class EndToEndTest {
  @TempDir Path tmp;
  private Path data;
  private String index;

  @BeforeEach
  void copyFixtures() throws IOException {
    data = tmp.resolve("data/show");
    Files.createDirectories(data);
    for (String name : List.of("2024-03-01-tracing.md", "2024-04-12-postgres.md")) {
      try (InputStream in = getClass().getResourceAsStream("sources/show/" + name)) {
        Files.copy(in, data.resolve(name));
      }
    }
    index = tmp.resolve("index").toString();
  }

  @Test
  void reindexThenStats() {
    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("markdown", "2 (2)");
    assertThat(CliRun.podsearch("stats", "--index", index).out())
        .contains("episodes:     2 from 2 sources", "observability", "databases");
  }

  @Test
  void secondReindexOnlyParsesWhatChanged() throws IOException {
    CliRun.podsearch("reindex", "-q", "--index", index, data.toString());
    Files.writeString(data.resolve("2024-04-12-postgres.md"), "\nOne more paragraph.\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.delete(data.resolve("2024-03-01-tracing.md"));

    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("total\\s+0\\s+1 \\(1\\)\\s+0\\s+1 \\(1\\)");
    assertThat(CliRun.podsearch("stats", "--index", index).out()).contains("episodes:     1 from 1 sources");
  }

  @Test
  void aBrokenFileFailsAloneAndIsNamed() throws IOException {
    Files.write(data.resolve("broken.md"), new byte[] {'#', ' ', 'T', '\n', (byte) 0xC3, (byte) 0x28, '\n'});

    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, data.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.md:2: ");
    assertThat(CliRun.podsearch("stats", "--index", index).out()).contains("episodes:     2 from 2 sources");
  }

  @Test
  void parsePrintsValidJsonLines() {
    CliRun run = CliRun.podsearch("parse", data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().map(line -> Json.read(line, Episode.class).title()))
        .containsExactly("Tracing requests across services", "Running Postgres without a pager");
  }

  @Test
  void parseOfTheBundledDataFolderPrintsValidJsonLines() {
    Path bundled = Path.of("data").toAbsolutePath();
    assumeTrue(Files.isDirectory(bundled), "run from the repository root");

    CliRun run = CliRun.podsearch("parse", bundled.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).isNotEmpty()
        .allSatisfy(line -> assertThat(Json.read(line, Episode.class).title()).isNotBlank());
  }
}
