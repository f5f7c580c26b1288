package dev.podsearch.importer;

import static dev.podsearch.importer.FeedTestSupport.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SrtParserTest {
  private final List<String> warnings = new ArrayList<>();

  @Test
  void readsNumberedCuesWithWrappedTextAndSpeakerPrefixesThatCarryOver() throws Exception {
    List<Cue> cues = new SrtParser().cues("""
        1
        00:00:01,000 --> 00:00:04,000
        Ada Lovelace: Hello and
        welcome.

        2
        00:00:04,000 --> 00:00:06,500
        Still Ada here.

        3
        01:00:06,500 --> 01:00:07,250
        Grace: <i>Hi!</i>
        """, warnings);

    assertThat(cues).containsExactly(
        new Cue(1, 4, "Ada Lovelace", "Hello and welcome."),
        new Cue(4, 6.5, "Ada Lovelace", "Still Ada here."),
        new Cue(3606.5, 3607.25, "Grace", "Hi!"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void doesNotTakeASentenceWithAColonForASpeaker() throws Exception {
    List<Cue> cues = new SrtParser().cues("""
        1
        00:00:01,000 --> 00:00:02,000
        So here is the thing: it works.
        """, warnings);

    assertThat(cues).containsExactly(new Cue(1, 2, null, "So here is the thing: it works."));
  }

  @Test
  void copesWithCrlfMissingBlankLinesAndAByteOrderMark() throws Exception {
    String srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nOne\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nTwo\r\n";

    assertThat(new SrtParser().cues(srt, warnings)).extracting(Cue::text).containsExactly("One", "Two");
  }

  @Test
  void skipsMalformedCuesWithAWarningNamingTheLine() throws Exception {
    List<Cue> cues = new SrtParser().cues("""
        1
        00:00:01,000 --> 00:00:02,000
        Fine.

        2
        00:00:xx,000 --> 00:00:03,000
        Broken time.

        3
        00:00:09,000 --> 00:00:08,000
        Backwards.
        """, warnings);

    assertThat(cues).extracting(Cue::text).containsExactly("Fine.");
    assertThat(warnings).containsExactly(
        "line 6: unreadable cue time '00:00:xx,000 --> 00:00:03,000', cue skipped",
        "line 10: cue ends (8.0s) before it starts (9.0s); skipped");
  }

  @Test
  void failsNamingTheFirstBadLineWhenNothingIsUsable() {
    assertThatThrownBy(() -> new SrtParser().cues("1\n00:00:01 -> 00:00:02\nnot a cue\n", warnings))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("no usable SRT cues; first problem: text without a cue time")
        .extracting(e -> ((ParseException) e).line()).isEqualTo(1);
    assertThatThrownBy(() -> new SrtParser().cues("", new ArrayList<>()))
        .isInstanceOf(ParseException.class)
        .hasMessage("no SRT cues found");
  }

  @Test
  void becomesAnEpisodeTitledAfterTheFileWithItsSpeakersAsPeople() throws Exception {
    SourceText source = new SourceText(new SourceRef("/imports", "virtual-coffee-srt/episodes/3_1.srt", null), """
        1
        00:00:01,000 --> 00:00:02,000
        Bekah Hawrot Weigel: Hi.

        2
        00:00:02,000 --> 00:00:03,000
        Bekah: Again.

        3
        00:00:03,000 --> 00:00:04,000
        Dan: Hello.
        """, "h1");

    Episode e = new SrtParser().parse(source, warnings).get(0);

    assertThat(e.title()).isEqualTo("Episode 3_1");
    assertThat(e.podcast()).isEqualTo("Virtual Coffee");
    assertThat(e.text()).isEqualTo("Hi.\n\nAgain.\n\nHello.");
    assertThat(e.people()).containsExactly(new Person("Bekah Hawrot Weigel", Role.UNKNOWN), new Person("Dan", Role.UNKNOWN));
    assertThat(e.transcript()).hasSize(3);
    assertThat(e.id()).isEqualTo(Ids.episodeId("virtual-coffee-srt/episodes/3_1.srt", "transcript"));
    assertThat(e.contentHash()).isEqualTo("h1");
  }

  @Test
  void prettifiesFileNamesIntoTitles() {
    assertThat(TranscriptCues.titleOf("transcriptator__podnews_weekly_review_2023-03-17.html"))
        .isEqualTo("Podnews weekly review 2023-03-17");
    assertThat(TranscriptCues.titleOf("how-to-start.srt")).isEqualTo("How to start");
    assertThat(TranscriptCues.titleOf("042.vtt")).isEqualTo("Episode 042");
    assertThat(inline("x.srt", "").folderName()).isEmpty();
    assertThat(TranscriptCues.podcastOf("x.srt")).isNull();
  }
}
