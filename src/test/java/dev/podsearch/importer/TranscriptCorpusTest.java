package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.podsearch.SharedCorpus;
import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real transcript of corpus/transcripts-timed parses, with exact first cues. */
class TranscriptCorpusTest {
  private final List<String> warnings = new ArrayList<>();

  private Episode parse(String name) throws Exception {
    Path root = SharedCorpus.corpus("transcripts-timed");
    SourceText source = FeedTestSupport.file(root, root.resolve(name));
    Format format = TranscriptCues.formatOf(name, null);
    EpisodeParser parser = switch (format) {
      case SRT -> new SrtParser();
      case WEBVTT -> new WebVttParser();
      case JSON_TRANSCRIPT -> new JsonTranscriptParser();
      default -> new HtmlTranscriptParser();
    };
    List<Episode> episodes = parser.parse(source, warnings);
    assertThat(episodes).hasSize(1);
    return episodes.get(0);
  }

  @Test
  void readsTheSpecExamplesInAllFourFormats() throws Exception {
    Episode srt = parse("podcast-namespace__example.srt");
    assertThat(srt.transcript()).hasSize(222).startsWith(
        new Cue(0.179, 2.399, "Travis", "When you first get started in podcasting, it's"),
        new Cue(2.4, 4.799, "Travis", "almost guaranteed that you're going to make a handful of rookie"));
    assertThat(srt.title()).isEqualTo("Example");

    Episode vtt = parse("podcast-namespace__example.vtt");
    assertThat(vtt.transcript()).hasSize(7);
    assertThat(vtt.transcript().get(0)).isEqualTo(
        new Cue(0, 2.76, "Sarah", "In today's episode, you'll learn whether or not you"));
    assertThat(vtt.transcript().get(5)).isEqualTo(
        new Cue(19.08, 21.45, "Gillian", "Hi Buzzsprout, Gillian here from breaking through"));

    Episode html = parse("podcast-namespace__example.html");
    assertThat(html.transcript()).hasSize(10);
    assertThat(html.transcript()).extracting(Cue::start, Cue::end, Cue::speaker).startsWith(
        tuple(0.0, 53.0, "Travis"), tuple(53.0, 102.0, "Sarah"));
    assertThat(html.transcript().get(0).text()).startsWith("When you first get started in podcasting, it's almost");
    assertThat(warnings).isEmpty();
  }

  @Test
  void readsTheTranscriptatorInputs() throws Exception {
    assertThat(parse("transcriptator__buzzcast.json").transcript()).hasSize(489).first()
        .isEqualTo(new Cue(0, 4.8, "Alban", "It is so stinking nice to like, show up and record this"));
    assertThat(parse("transcriptator__buzzcast.srt").transcript()).hasSize(488).first()
        .isEqualTo(new Cue(0, 4.799, "Alban", "It is so stinking nice to like, show up and record this"));
    List<Cue> words = parse("transcriptator__how_to_start_a_podcast.json").transcript();
    assertThat(words).as("2,442 one-word segments grouped into phrases").hasSize(104);
    assertThat(words.get(0)).extracting(Cue::start, Cue::end, Cue::speaker).containsExactly(0.3, 9.72, "Travis");
    assertThat(words.get(0).text()).startsWith("Hey, Travis Albritain here. Uh, so I hope the, these episodes");
    assertThat(words.get(10)).extracting(Cue::start, Cue::end, Cue::speaker).containsExactly(65.52, 74.93, "Eric");
    assertThat(parse("transcriptator__podcasting_20.srt").transcript()).hasSize(2012).first()
        .isEqualTo(new Cue(0.78, 6.21, "Adam Curry", "podcasting 2.0 March 4 2023 Episode 124 on D flat"));
    assertThat(parse("transcriptator__podcasting_20_episode_124.srt").transcript()).hasSize(646);
    Episode html = parse("transcriptator__podnews_weekly_review_2023-03-17.html");
    assertThat(html.transcript()).hasSize(9);
    assertThat(html.transcript().get(0)).extracting(Cue::start, Cue::end, Cue::speaker).containsExactly(0.0, 67.0, null);
    assertThat(html.transcript().get(1).speaker()).isEqualTo("Norma-Jean Belenky");
    assertThat(html.title()).isEqualTo("Podnews weekly review 2023-03-17");
    assertThat(parse("transcriptator__podnews_weekly_review_2023-05-05.json").transcript()).hasSize(67).startsWith(
        new Cue(0.035, 3.455, "James C", "it's Friday, the 5th of May 20, 23."),
        new Cue(4.26, 8.37, "Jingles", "The last word in podcasting news. This is the Pod"));
    Episode vtt = parse("transcriptator__podnews_weekly_review_2024-01-19.vtt");
    assertThat(vtt.transcript()).as("non-standard seconds-only cue times").hasSize(189).startsWith(
        new Cue(0, 3.48, "SPEAKER_1", "It's Friday, the 19th of January, 2024."),
        new Cue(4.24, 6.6, "SPEAKER_2", "The last word in podcasting news."));
    assertThat(vtt.people()).as("SPEAKER_n labels name nobody").isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void readsEveryVirtualCoffeeSrtWithSpeakersAndNoCueLost() throws Exception {
    Path episodes = SharedCorpus.corpus("transcripts-timed/virtual-coffee-srt/episodes");
    List<Path> files;
    try (Stream<Path> s = Files.list(episodes)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(60);
    for (Path f : files) {
      Episode e = parse("virtual-coffee-srt/episodes/" + f.getFileName());
      long timingLines = Files.readAllLines(f).stream().filter(l -> l.contains("-->")).count();
      assertThat(e.transcript()).as(f.getFileName().toString()).hasSize((int) timingLines);
      assertThat(e.transcript().get(0).speaker()).as(f.getFileName().toString()).isNotNull();
      assertThat(e.podcast()).isEqualTo("Virtual Coffee");
    }
    assertThat(warnings).isEmpty();

    Episode first = parse("virtual-coffee-srt/episodes/1_0.srt");
    assertThat(first.transcript()).hasSize(54).startsWith(
        new Cue(3.45, 4.41, "Bekah Hawrot Weigel", "Hey, I'm Bekah."),
        new Cue(4.74, 5.37, "Dan Ott", "And I'm Dan."),
        new Cue(5.849, 7.86, "Bekah", "And this is the Virtual Coffee Podcast,"));
    assertThat(first.title()).isEqualTo("Episode 1_0");
  }

  @Test
  void treatsTheChaptersExampleAsChaptersNotATranscript() throws Exception {
    Path root = SharedCorpus.corpus("transcripts-timed");
    assertThatThrownBy(() -> parse("podcast-namespace__chapters-exampleComplex.json"))
        .isInstanceOf(NotAnEpisodeException.class);
    List<Chapter> chapters =
        FeedChapters.parse(Files.readString(root.resolve("podcast-namespace__chapters-exampleComplex.json")));
    assertThat(chapters).extracting(Chapter::start)
        .containsExactly(0.0, 168.0, 260.0, 410.0, 3990.0, 4200.0, 4600.0, 5510.0, 5854.0, 6089.0);
    assertThat(chapters.get(0).title()).isEqualTo("Intro");
  }
}
