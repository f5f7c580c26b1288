package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptSidecarsTest {
  private static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\nAda: Hello.\n";

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private Episode episode() {
    return Episode.builder().id("e1").title("Rust").build();
  }

  @Test
  void attachesTheTranscriptBesideAnEpisodeFileWithTheSameBaseName() throws IOException {
    Path md = Files.writeString(dir.resolve("042-rust.md"), "# Rust");
    Files.writeString(dir.resolve("042-rust.srt"), SRT);
    Files.writeString(dir.resolve("042-rust.vtt"), "WEBVTT\n\n00:05.000 --> 00:06.000\nLess precise, not used.\n");

    Episode e = TranscriptSidecars.attach(episode(), md, warnings);

    assertThat(e.transcript()).containsExactly(new Cue(1, 2.5, "Ada", "Hello."));
    assertThat(TranscriptSidecars.isSidecar(dir.resolve("042-rust.srt"))).isTrue();
    assertThat(TranscriptSidecars.isSidecar(md)).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void attachesAChaptersJsonAndLeavesTranscriptsOfTheirOwnAlone() throws IOException {
    Path html = Files.writeString(dir.resolve("ep.html"), "<h1>Ep</h1>");
    Files.writeString(dir.resolve("ep.json"), "{\"chapters\": [{\"startTime\": 12, \"title\": \"Start\"}]}");
    Files.writeString(dir.resolve("ep.srt"), SRT);
    Episode own = episode().toBuilder().transcript(List.of(new Cue(0, 1, null, "own"))).build();

    Episode e = TranscriptSidecars.attach(own, html, warnings);

    assertThat(e.chapters()).containsExactly(new Chapter(12, "Start"));
    assertThat(e.transcript()).extracting(Cue::text).containsExactly("own");
  }

  @Test
  void turnsABrokenSidecarIntoAWarningNamingIt() throws IOException {
    Path md = Files.writeString(dir.resolve("ep.md"), "# Ep");
    Files.writeString(dir.resolve("ep.srt"), "1\n00:00:xx --> 00:00:02,000\nbad\n");

    Episode e = TranscriptSidecars.attach(episode(), md, warnings);

    assertThat(e.transcript()).isEmpty();
    assertThat(warnings).containsExactly(
        "ep.srt:2: sidecar not attached: no usable SRT cues; first problem: unreadable cue time "
            + "'00:00:xx --> 00:00:02,000', cue skipped");
  }

  @Test
  void aLoneTranscriptIsNoSidecar() throws IOException {
    Path srt = Files.writeString(dir.resolve("alone.srt"), SRT);

    assertThat(TranscriptSidecars.isSidecar(srt)).isFalse();
    assertThat(TranscriptSidecars.sidecarsOf(srt)).isEmpty();
  }
}
