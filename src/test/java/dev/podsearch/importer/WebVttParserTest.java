package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Cue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttParserTest {
  private final List<String> warnings = new ArrayList<>();

  @Test
  void readsCueIdsSettingsVoiceTagsAndSkipsNoteAndStyleBlocks() throws Exception {
    List<Cue> cues = new WebVttParser().cues("""
        WEBVTT - a title
        Kind: captions

        STYLE
        ::cue { color: lime }

        NOTE a comment
        spanning lines

        intro-1
        00:00:01.000 --> 00:00:04.000 align:start position:10%
        <v.loud Ada Lovelace>Hello &amp; <b>welcome</b>.</v>

        00:04.000 --> 00:06.500
        <v Grace>Hi!

        00:00:06.500 --> 00:00:07.000
        No tag, still Grace.
        """, warnings);

    assertThat(cues).containsExactly(
        new Cue(1, 4, "Ada Lovelace", "Hello & welcome."),
        new Cue(4, 6.5, "Grace", "Hi!"),
        new Cue(6.5, 7, "Grace", "No tag, still Grace."));
    assertThat(warnings).isEmpty();
  }

  @Test
  void acceptsNonStandardSecondsOnlyTimes() throws Exception {
    List<Cue> cues = new WebVttParser().cues("WEBVTT\n\n0.860 --> 7.380\n<v SPEAKER_1>It's Friday.\n", warnings);

    assertThat(cues).containsExactly(new Cue(0.86, 7.38, "SPEAKER_1", "It's Friday."));
  }

  @Test
  void warnsAboutAMissingHeaderAndBadTimesButKeepsTheRest() throws Exception {
    List<Cue> cues = new WebVttParser().cues("""
        00:00:01.000 --> 00:00:02.000
        One.

        00:00:02.000 --> soon
        Two.
        """, warnings);

    assertThat(cues).extracting(Cue::text).containsExactly("One.");
    assertThat(warnings).containsExactly("line 1: no WEBVTT header; reading the cues anyway",
        "line 4: unreadable cue time '00:00:02.000 --> soon', cue skipped");
  }

  @Test
  void failsWhenNoCueIsUsable() {
    assertThatThrownBy(() -> new WebVttParser().cues("WEBVTT\n\nNOTE only a note\n", warnings))
        .isInstanceOf(ParseException.class)
        .hasMessage("no WebVTT cues found");
  }
}
