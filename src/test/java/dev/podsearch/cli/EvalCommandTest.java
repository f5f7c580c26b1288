package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podsearch eval} end to end on a small fixture corpus: reindex, then known-item queries against plain BM25. */
class EvalCommandTest {
  @TempDir Path tmp;

  private Path corpus() throws Exception {
    Path shows = Files.createDirectories(tmp.resolve("corpus/show"));
    episode(shows, "iceberg.md", "What is Apache Iceberg", "data", "Iceberg is an open table format for huge analytic datasets.");
    episode(shows, "kubernetes.md", "Running Kubernetes cheaply", "cloud",
        "Clusters, autoscaling and spot instances: how to cut the bill of a Kubernetes fleet.");
    episode(shows, "rust.md", "Why Rust for systems programming", "languages",
        "Memory safety without a garbage collector, and what the borrow checker teaches.");
    return tmp.resolve("corpus");
  }

  private static void episode(Path dir, String file, String title, String tag, String body) throws Exception {
    Files.writeString(dir.resolve(file),
        "---\ntitle: " + title + "\ndate: 2024-01-02\ntags: [" + tag + "]\n---\n\n" + body + "\n");
  }

  @Test
  void printsMetricsOverallPerKindAndAgainstTheBaseline() throws Exception {
    Path index = tmp.resolve("index");
    assertThat(CliRun.podsearch("reindex", "-q", corpus().toString(), "--index", index.toString()).exitCode()).isZero();
    Path queries = tmp.resolve("q.tsv");
    Files.writeString(queries, "query\ttarget\talternates\tkind\tnote\n"
        + "iceberg table format\tcorpus/show/iceberg.md\t\ttitle\t\n"
        + "borrow checker\tshow/rust.md\t\tdetail\t\n"
        + "kubernets autoscaling\tshow/kubernetes.md\t\tmisspelled\t\n");

    CliRun run = CliRun.podsearch("eval", queries.toString(), "--index", index.toString(), "--baseline");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3 queries over 3 episodes");
    assertThat(run.out()).containsPattern("overall\\s+3 \\| 1\\.000 1\\.000 1\\.000");
    assertThat(run.out()).contains("title", "detail", "misspelled", "bm25", "Every target ranked first.");
  }

  @Test
  void aMalformedQueryFileIsAUsageErrorNamingTheLine() throws Exception {
    Path queries = tmp.resolve("bad.tsv");
    Files.writeString(queries, "query\ttarget\nno target here\n");

    CliRun run = CliRun.podsearch("eval", queries.toString(), "--index", tmp.resolve("index").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.tsv:2");
  }

  @Test
  void aMissingIndexIsAUsageErrorSayingHowToBuildIt() throws Exception {
    Path queries = tmp.resolve("q.tsv");
    Files.writeString(queries, "x\ty.md\n");

    CliRun run = CliRun.podsearch("eval", queries.toString(), "--index", tmp.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no index at", "podsearch reindex");
  }
}
