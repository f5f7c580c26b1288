package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.index.SourceInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void index() throws IOException {
    List<Episode> episodes =
        List.of(
            Episode.builder().id("a").podcast("Cloud Talk").title("Kubernetes in production")
                .published(LocalDate.of(2023, 5, 17)).tags(List.of("Kubernetes", "DevOps"))
                .text("Operators run <stateful> clusters & more.").build(),
            Episode.builder().id("b").podcast("Cloud Talk").title("Containers")
                .published(LocalDate.of(2022, 1, 2)).tags(List.of("DevOps"))
                .text("Some teams adopt kubernetes late.").build());
    try (IndexUpdater updater = IndexUpdater.open(dir, false)) {
      for (Episode e : episodes) {
        SourceInfo source = new SourceInfo("/t", e.id(), "text", "h");
        updater.replaceSource(source.key(), List.of(EpisodeSchema.toDocument(e, source)));
      }
      updater.commit(Map.of());
    }
  }

  @Test
  void printsRankedResultsWithMarkedSnippetsAsPlainText() {
    CliRun run = CliRun.podsearch("search", "kubernetes", "clusters", "--index", dir.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("1 result for \"kubernetes clusters\"")
        .contains(" 1. Kubernetes in production")
        .contains("Cloud Talk · 2023-05-17 · score ")
        .contains("tags: Kubernetes, DevOps")
        .contains("Operators run <stateful> [clusters] & more.");
  }

  @Test
  void tagsFilterAndJsonPrintsTheResults() {
    CliRun run = CliRun.podsearch("search", "kubernetes", "--index", dir.toString(), "--tag", "kubernetes", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("{").contains("\"total\":1").contains("\"id\":\"a\"").doesNotContain("\"id\":\"b\"");
  }

  @Test
  void aBadQueryOrLimitSaysWhatIsWrong() {
    CliRun bad = CliRun.podsearch("search", "title:", "--index", dir.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("podsearch: the query 'title:' needs a word");
    CliRun limit = CliRun.podsearch("search", "x", "--limit", "0", "--index", dir.toString());
    assertThat(limit.exitCode()).isEqualTo(2);
    assertThat(limit.err()).contains("--limit must be between 1 and 100");
    CliRun sort = CliRun.podsearch("search", "x", "--sort", "size", "--index", dir.toString());
    assertThat(sort.err()).contains("--sort must be 'relevance' or 'date'");
  }

  @Test
  void withoutAnIndexItSaysHowToBuildOne() {
    CliRun run = CliRun.podsearch("search", "x", "--index", dir.resolve("none").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("run 'podsearch reindex'");
  }

  @Test
  void clockShowsMinutesAndHours() {
    assertThat(SearchCommand.Printer.clock(75)).isEqualTo("01:15");
    assertThat(SearchCommand.Printer.clock(3725)).isEqualTo("1:02:05");
  }
}
