package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sidecar transcripts through podsearch reindex: attached to their episode, and edits to them reindex it. */
class SidecarReindexTest {
  private static final String NOTES = "---\ntitle: Lighthouse keepers\n---\n\n# Lighthouse keepers\n\nA talk.\n";
  private static final String SRT = "1\n00:00:03,000 --> 00:00:06,000\nAda: Lenses need polishing.\n";

  @TempDir Path tmp;
  private Path data;
  private String index;

  @BeforeEach
  void files() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("keepers.md"), NOTES);
    Files.writeString(data.resolve("keepers.srt"), SRT);
    index = tmp.resolve("index").toString();
  }

  private CliRun reindex() {
    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, data.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private String search(String q) {
    return CliRun.podsearch("search", "--index", index, q).out();
  }

  @Test
  void theSidecarIsPartOfItsEpisodeAndEditingItReindexesTheEpisode() throws IOException {
    assertThat(reindex().out()).containsPattern("markdown\\s+1 \\(1\\)").doesNotContain("srt");
    assertThat(CliRun.podsearch("stats", "--index", index).out())
        .contains("episodes:     1 from 1 sources", "transcripts:  1 episodes with 1 cues");
    assertThat(search("polishing")).contains("Lighthouse keepers");

    Files.writeString(data.resolve("keepers.srt"), SRT.replace("polishing", "scrubbing"));

    assertThat(reindex().out()).containsPattern("markdown\\s+0\\s+1 \\(1\\)");
    assertThat(search("scrubbing")).contains("Lighthouse keepers");
    assertThat(search("polishing")).doesNotContain("Lighthouse keepers");
  }

  @Test
  void withoutItsEpisodeFileATranscriptBecomesAnEpisodeOfItsOwn() throws IOException {
    reindex();
    Files.delete(data.resolve("keepers.md"));

    assertThat(reindex().out()).containsPattern("srt\\s+1 \\(1\\)").containsPattern("markdown(\\s+0){3}\\s+1 \\(1\\)");
    assertThat(CliRun.podsearch("stats", "--index", index).out()).contains("episodes:     1 from 1 sources");
  }
}
