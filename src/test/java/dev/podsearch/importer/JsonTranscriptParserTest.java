package dev.podsearch.importer;

import static dev.podsearch.importer.FeedTestSupport.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.podsearch.episode.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonTranscriptParserTest {
  private final List<String> warnings = new ArrayList<>();

  @Test
  void readsSegmentsAndJoinsLinesThatShareTheirTimesAndSpeaker() throws Exception {
    List<Cue> cues = new JsonTranscriptParser().cues("""
        {"version": "1.0.0", "segments": [
          {"speaker": "Alban", "startTime": 0.0, "endTime": 4.8, "body": "It is so nice to"},
          {"speaker": "Alban", "startTime": 0.0, "endTime": 4.8, "body": "show up."},
          {"speaker": "Kevin", "startTime": "00:00:05.5", "endTime": 7, "body": "Yes."},
          {"startTime": 8, "body": "No speaker, no end."}
        ]}""", warnings);

    assertThat(cues).containsExactly(
        new Cue(0, 4.8, "Alban", "It is so nice to show up."),
        new Cue(5.5, 7, "Kevin", "Yes."),
        new Cue(8, 8, null, "No speaker, no end."));
    assertThat(warnings).isEmpty();
  }

  @Test
  void skipsSegmentsWithoutTimesWithTheirLine() throws Exception {
    List<Cue> cues = new JsonTranscriptParser().cues("""
        {"segments": [
          {"startTime": 1, "endTime": 2, "body": "ok"},
          {"startTime": "soon", "endTime": 2, "body": "bad"}
        ]}""", warnings);

    assertThat(cues).extracting(Cue::text).containsExactly("ok");
    assertThat(warnings).containsExactly("line 3: segment without a readable startTime/endTime, skipped");
  }

  @Test
  void namesTheLineOfBrokenJsonAndRejectsOtherJson() {
    assertThatThrownBy(() -> new JsonTranscriptParser().cues("{\"segments\": [\n  {\"startTime\": 1,,}\n]}", warnings))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("broken JSON")
        .extracting(e -> ((ParseException) e).line()).isEqualTo(2);
    assertThatThrownBy(() -> new JsonTranscriptParser().cues("[1, 2]", warnings))
        .isInstanceOf(ParseException.class)
        .hasMessage("not a JSON transcript: expected an object with \"segments\"");
    assertThatThrownBy(() -> new JsonTranscriptParser().cues("{\"version\": \"1\"}", warnings))
        .isInstanceOf(ParseException.class)
        .hasMessage("not a JSON transcript: no \"segments\" array");
  }

  @Test
  void skipsAChaptersFileAsNotAnEpisode() {
    assertThatThrownBy(() -> new JsonTranscriptParser().parse(
            inline("ch.json", "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0, \"title\": \"Intro\"}]}"), warnings))
        .isInstanceOf(NotAnEpisodeException.class)
        .hasMessage("a Podcasting 2.0 chapters file, not a transcript");
  }

  @Test
  void groupsWordByWordSegmentsIntoPhrasesOfOneSpeaker() throws Exception {
    StringBuilder json = new StringBuilder("{\"segments\": [");
    for (int i = 0; i < 24; i++) {
      String speaker = i < 20 ? "Travis" : "Eric";
      String word = i == 9 || i == 19 ? "word." : "word";
      json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"speaker\": \"%s\", \"startTime\": %.1f, \"endTime\": %.1f, \"body\": \"%s\"}",
          speaker, i * 0.4, i * 0.4 + 0.3, word));
    }
    List<Cue> cues = new JsonTranscriptParser().cues(json.append("]}").toString(), warnings);

    assertThat(cues).extracting(Cue::start, Cue::end, Cue::speaker).containsExactly(
        tuple(0.0, 3.9, "Travis"),
        tuple(4.0, 7.9, "Travis"),
        tuple(8.0, 9.5, "Eric"));
    assertThat(cues.get(0).text()).isEqualTo("word word word word word word word word word word.");
  }
}
