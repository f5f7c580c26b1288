package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.index.SourceInfo;
import dev.podsearch.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSearchCommandTest {
  @TempDir Path dir;

  private Path index() throws Exception {
    Path index = dir.resolve("index");
    try (IndexUpdater updater = IndexUpdater.open(index, false)) {
      for (String[] e : new String[][] {{"a", "Iceberg tables", "data"}, {"b", "Postgres tables", "databases"}}) {
        Episode episode = Episode.builder().id(e[0]).title(e[1]).tags(List.of(e[2])).text(e[1] + " notes").source(e[0]).build();
        SourceInfo info = new SourceInfo("/corpus", e[0], "markdown", e[0]);
        updater.replaceSource(info.key(), List.of(EpisodeSchema.toDocument(episode, info)));
      }
      updater.commit(Map.of());
    }
    return index;
  }

  private Path queries() throws Exception {
    return Files.writeString(dir.resolve("q.tsv"), "query\ttarget\ntables\ta\niceberg\ta\n\n");
  }

  @Test
  void readsTheFirstColumnAfterTheHeader() throws Exception {
    assertThat(BenchSearchCommand.readQueries(queries())).containsExactly("tables", "iceberg");
  }

  @Test
  void asksTheApiForTheSameSearch() {
    SearchRequest request = new SearchRequest("table format", List.of("data & more"), null, null, null, null, null, 2, 10);

    assertThat(BenchSearchCommand.path(request)).isEqualTo("/api/search?q=table+format&tag=data+%26+more&page=2&size=10");
  }

  @Test
  void reportsEveryRunAndTheRatioOverAnExistingIndex() throws Exception {
    CliRun run =
        CliRun.podsearch(
            "bench", "search", "--index", index().toString(), "--queries", queries().toString(), "--seconds", "0.2");

    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("index: reusing")
        .contains("queries: 2 (4 requests in the mix)")
        .containsPattern("in-process\\s+1\\s+\\d+\\s+0\\s")
        .containsPattern("http\\s+1\\s+\\d+\\s+0\\s")
        .containsPattern("in-process\\s+16\\s+\\d+\\s+0\\s")
        .containsPattern("http\\s+16\\s+\\d+\\s+0\\s")
        .contains("HTTP/in-process median ratio (c=1): ")
        .contains("HTTP p99 at c=16: ");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void roundsTakenInTurnsReportAsOneRun() {
    BenchSearchCommand.Run a = new BenchSearchCommand.Run("http", 16, new long[] {3, 9}, 0, null, 1.0, 100, 10);
    BenchSearchCommand.Run b = new BenchSearchCommand.Run("http", 16, new long[] {1, 5, 7}, 2, "HTTP error", 1.5, 50, 5);

    BenchSearchCommand.Run merged = BenchSearchCommand.Run.merge(List.of(a, b));

    assertThat(merged.nanos()).containsExactly(1, 3, 5, 7, 9);
    assertThat(merged.errors()).isEqualTo(2);
    assertThat(merged.firstError()).isEqualTo("HTTP error");
    assertThat(merged.qps()).isEqualTo(2.0);
    assertThat(merged.cpuNanos()).isEqualTo(150);
    assertThat(merged.threadCpuNanos()).isEqualTo(15);
    assertThat(merged.percentileMs(0.5)).isEqualTo(5 / 1e6);
  }

  @Test
  void aMissingQueryFileIsAUsageError() {
    CliRun run = CliRun.podsearch("bench", "search", "--queries", dir.resolve("none.tsv").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no query file at " + dir.resolve("none.tsv"));
  }
}
