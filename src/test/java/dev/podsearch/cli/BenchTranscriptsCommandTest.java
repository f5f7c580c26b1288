package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench transcripts over three tiny transcripts of our own: what it prints, not how fast it is. */
class BenchTranscriptsCommandTest {
  @TempDir Path corpus;

  private void transcript(String name, String... lines) throws IOException {
    Path file = corpus.resolve("show/" + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n\n", lines) + "\n");
  }

  @Test
  void reportsThroughputIndexSizeAndTheLatencyRatio() throws IOException {
    transcript("show-1.md", "**Anna Bell:** Welcome everybody, today we discuss lighthouse keepers.",
        "**Bob Stone:** \\[00:12\\] Lighthouse keepers polish enormous lenses every evening.");
    transcript("show-2.md", "**Anna Bell:** Gardening beside harbours needs patience and shelter.",
        "**Bob Stone:** \\[01:02\\] Shelter matters because coastal winds flatten tomatoes.");
    transcript("show-3.md", "**Anna Bell:** Submarine bakers proof their sourdough slowly underwater.");

    CliRun run = CliRun.podsearch("bench", "transcripts", "--corpus", corpus.toString(), "--queries", "4",
        "--rounds", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("indexed: 3 episodes (3 with transcripts), 5 cues", "cues/s", "episodes/s",
        "index size", "queries: 4 sampled (seed 42), 1 rounds", "with moments", "plain (no highlights)",
        "moments/plain ratio: p50");
  }

  @Test
  void theSampleIsFixedByTheSeedAndMixesWordsAndPhrases() throws IOException {
    transcript("a.md", "**Anna Bell:** Gardening beside harbours needs patience and shelter from winds.");

    List<String> sample = BenchTranscriptsCommand.sample(corpus, 4, 7);

    assertThat(sample).hasSize(4).isEqualTo(BenchTranscriptsCommand.sample(corpus, 4, 7));
    assertThat(sample.get(0)).doesNotContain("\"", " ");
    assertThat(sample.get(1)).startsWith("\"").endsWith("\"").contains(" ");
  }
}
