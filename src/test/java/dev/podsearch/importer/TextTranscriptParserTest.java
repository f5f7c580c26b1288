package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.SharedCorpus;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTranscriptParserTest {

  private static Episode parse(String source, String text, List<String> warnings) throws Exception {
    SourceRef ref = new SourceRef("/corpus", source, null);
    List<Episode> episodes = new TextTranscriptParser().parse(new SourceText(ref, text, "hash"), warnings);
    assertThat(episodes).hasSize(1);
    return episodes.get(0);
  }

  private static Episode parse(String source, String text) throws Exception {
    return parse(source, text, new ArrayList<>());
  }

  private static Episode changelog(String relative) throws Exception {
    Path root = SharedCorpus.corpus("changelog-transcripts");
    return parse(relative, Files.readString(root.resolve(relative)));
  }

  private static Cue cueStartingWith(Episode e, String text) {
    return e.transcript().stream().filter(c -> c.text().startsWith(text)).findFirst().orElseThrow();
  }

  @Test
  void aGoTimeEpisodeIsNamedFromItsFolderAndFile() throws Exception {
    Episode e = changelog("gotime/go-time-123.md");
    assertThat(e.podcast()).isEqualTo("Go Time");
    assertThat(e.title()).isEqualTo("Go Time #123: Working from home");
    assertThat(e.episodeNumber()).isEqualTo(123);
    assertThat(e.people()).extracting(Person::name)
        .containsExactly("Mat Ryer", "Mark Bates", "Carmen Andoh", "Jon Calhoun");
    assertThat(e.people()).extracting(Person::role).containsOnly(Role.UNKNOWN);
  }

  @Test
  void aTimestampedTurnStartsExactlyAtItsTimestampAndEndsWhereTheNextStarts() throws Exception {
    Episode e = changelog("gotime/go-time-123.md");
    List<Cue> cues = e.transcript();
    Cue marked = cueStartingWith(e, "I think as an industry we tend to do better at this.");
    assertThat(marked.start()).isEqualTo(241.0);
    assertThat(marked.speaker()).isEqualTo("Mark Bates");
    assertThat(marked.end()).isEqualTo(cues.get(cues.indexOf(marked) + 1).start());
    assertThat(cues.get(0)).satisfies(c -> {
      assertThat(c.start()).isZero();
      assertThat(c.speaker()).isEqualTo("Mat Ryer");
      assertThat(c.text()).startsWith("Hello, and welcome to Go Time! I'm Mat Ryer.");
    });
    assertThat(cues).hasSizeGreaterThanOrEqualTo(370);
    for (int i = 1; i < cues.size(); i++) {
      assertThat(cues.get(i).start()).isGreaterThanOrEqualTo(cues.get(i - 1).start());
    }
  }

  @Test
  void textIsThePlainTranscriptWithoutMarkup() throws Exception {
    Episode e = changelog("gotime/go-time-123.md");
    assertThat(e.text()).startsWith("Mat Ryer: Hello, and welcome to Go Time!")
        .contains("\n\nMark Bates: I think as an industry")
        .doesNotContain("**").doesNotContain("\\[").doesNotContain("[04:01]");
    assertThat(e.description()).startsWith("Hello, and welcome to Go Time!");
  }

  @Test
  void seasonAndEpisodeNumbersAndUnnumberedSpecials() throws Exception {
    Episode bigTent = changelog("bigtent/big-tent-s1e1.md");
    assertThat(bigTent.title()).isEqualTo("Big Tent S1E1");
    assertThat(bigTent.season()).isEqualTo(1);
    assertThat(bigTent.episodeNumber()).isEqualTo(1);
    assertThat(changelog("jsparty/js-party-meet-alex-sexton.md").title()).isEqualTo("JS Party: Meet Alex Sexton");
    assertThat(parse("my-new-show/my-new-show-4.md", "**Ann:** Hi.").title()).isEqualTo("My New Show #4");
  }

  @Test
  void timestampsInsideATurnSplitItAndUntimedTurnsAreEstimatedBetweenThem() throws Exception {
    String text = """
        **Ann Lee:** Welcome to the show.

        **Bo Chan:** Thanks for having me here today.

        **Ann Lee:** \\[00:10\\] So tell us. Everything.

        \\[01:04:06\\] Much later, same speaker.

        **Bo Chan:** Oh, it does? \\[01:05:00\\]

        **Ann Lee:** This turn starts at the trailing stamp.
        """;
    Episode e = parse("shows/talk-1.md", text);
    assertThat(e.transcript()).extracting(Cue::speaker)
        .containsExactly("Ann Lee", "Bo Chan", "Ann Lee", "Ann Lee", "Bo Chan", "Ann Lee");
    List<Cue> cues = e.transcript();
    assertThat(cues.get(0).start()).isZero();
    assertThat(cues.get(1).start()).isStrictlyBetween(0.0, 10.0);
    assertThat(cues.get(2)).isEqualTo(new Cue(10, 3846, "Ann Lee", "So tell us. Everything."));
    assertThat(cues.get(3).text()).isEqualTo("Much later, same speaker.");
    assertThat(cues.get(4).start()).isGreaterThan(3846).isLessThan(3900);
    assertThat(cues.get(5).start()).isEqualTo(3900);
    assertThat(cues.get(5).end()).isGreaterThan(3900);
  }

  @Test
  void badTimestampsAreWarnedAboutAndIgnored() throws Exception {
    List<String> warnings = new ArrayList<>();
    String text = "**A B:** \\[00:44:03:20\\] Time code with frames.\n\n**C D:** \\[10:00\\] Ten.\n\n"
        + "**A B:** \\[05:00\\] Back in time.\n";
    Episode e = parse("s/s-1.md", text, warnings);
    assertThat(e.transcript()).extracting(Cue::start).first().isEqualTo(2643.0);
    assertThat(e.transcript()).extracting(Cue::start).allMatch(s -> s >= 2643.0 && s < 2660.0);
    assertThat(warnings).hasSize(2).allMatch(w -> w.startsWith("line "));
  }

  @Test
  void aPlainlyAnnouncedTopicJoinsTheTitleAndAVagueOneDoesNot() throws Exception {
    assertThat(parse("gotime/go-time-5.md", "**Mat Ryer:** Hi! Today we're talking about generics. Welcome.").title())
        .isEqualTo("Go Time #5: Generics");
    assertThat(parse("gotime/go-time-6.md", "**Mat Ryer:** Today we're talking about a pretty big topic.").title())
        .isEqualTo("Go Time #6");
    assertThat(parse("gotime/go-time-7.md", "**Jon:** Today we're talking about Go 1.18. Hi!").title())
        .isEqualTo("Go Time #7: Go 1.18");
    assertThat(parse("gotime/go-time-8.md", "**Jon:** Today we're gonna be talking about -- hey, Mat!").title())
        .isEqualTo("Go Time #8");
  }

  @Test
  void breaksAreNotPeople() throws Exception {
    Episode e = parse("s/s-2.md", "**Ann Lee:** Hi.\n\n**Break**: \\[10:00\\] Music.\n\n**Ann Lee:** Back.");
    assertThat(e.people()).containsExactly(new Person("Ann Lee", Role.UNKNOWN));
    assertThat(e.transcript()).extracting(Cue::speaker).containsExactly("Ann Lee", null, "Ann Lee");
  }
}
