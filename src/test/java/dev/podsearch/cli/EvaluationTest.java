package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  @TempDir Path dir;

  @Test
  void readsQueriesWithTargetsAlternatesAndKinds() throws Exception {
    Path file = write("query\ttarget\talternates\tkind\tnote\n"
        + "iceberg tables\tshow/a.md\tlegacy/a.md|copy/a.md\ttitle\tbecause\n"
        + "\n"
        + "vague thing\tshow/b.md\t\tvague\t\n");

    List<KnownItemQuery> queries = KnownItemQueries.read(file);

    assertThat(queries).hasSize(2);
    assertThat(queries.get(0).targets()).containsExactly("show/a.md", "legacy/a.md", "copy/a.md");
    assertThat(queries.get(0).kind()).isEqualTo("title");
    assertThat(queries.get(1).targets()).containsExactly("show/b.md");
    assertThat(queries.get(1).line()).isEqualTo(4);
  }

  @Test
  void aLineWithoutTargetIsAnErrorNamingFileAndLine() throws Exception {
    Path file = write("query\ttarget\talternates\tkind\tnote\nonly a query\n");

    assertThatThrownBy(() -> KnownItemQueries.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + ":2");
  }

  @Test
  void targetsMatchSourcesIndexedFromAnyRootAboveThem() {
    KnownItemQuery q = new KnownItemQuery("x", List.of("someengineering-podcast/ep/index.mdx"), "topic", 2);

    assertThat(q.isTarget("someengineering-podcast/ep/index.mdx")).isTrue();
    assertThat(q.isTarget("ep/index.mdx")).isTrue();
    assertThat(q.isTarget("corpus/someengineering-podcast/ep/index.mdx")).isTrue();
    assertThat(q.isTarget("other-ep/index.mdx")).isFalse();
    assertThat(q.isTarget("p/index.mdx")).isFalse();
  }

  @Test
  void metricsRewardTheRankOfTheFirstTarget() {
    RankingMetrics m = RankingMetrics.of(List.of(1, 2, 0, 11));

    assertThat(m.mrr()).isCloseTo((1 + 0.5) / 4, within(1e-9));
    assertThat(m.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(m.ndcg()).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 4, within(1e-9));
  }

  @Test
  void runsQueriesThroughARankerAndReportsPerKindAndMisses() {
    List<KnownItemQuery> queries = List.of(
        new KnownItemQuery("first", List.of("a.md"), "title", 2),
        new KnownItemQuery("third", List.of("c.md"), "vague", 3),
        new KnownItemQuery("lost", List.of("z.md"), "vague", 4));
    Map<String, List<String>> answers = Map.of(
        "first", List.of("a.md", "b.md"), "third", List.of("a.md", "b.md", "c.md"), "lost", List.of("a.md"));

    Evaluation.Report report = Evaluation.run("podsearch", queries, answers::get);

    assertThat(report.outcomes()).extracting(Evaluation.Outcome::rank).containsExactly(1, 3, 0);
    assertThat(report.byKind().get("vague").mrr()).isCloseTo(1.0 / 6, within(1e-9));
    StringWriter printed = new StringWriter();
    Evaluation.print(List.of(report, Evaluation.run("baseline", queries, q -> List.of())), new PrintWriter(printed));
    assertThat(printed.toString()).contains("overall").contains("vague").contains("rank 3").contains("not in top 50");
    assertThat(printed.toString()).contains("MRR@10 +0.444");
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("queries.tsv");
    Files.writeString(file, text);
    return file;
  }
}
