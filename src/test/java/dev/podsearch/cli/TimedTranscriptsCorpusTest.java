package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.SharedCorpus;
import dev.podsearch.json.Json;
import dev.podsearch.search.Hit;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.Moment;
import dev.podsearch.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real timed transcripts from the shared corpus, reindexed through the command line: one as the sidecar of show notes
 * of our own (audio and chapters), one on its own; moments must land on the very cue times of the files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimedTranscriptsCorpusTest {
  private static final String NOTES = """
      ---
      title: Podcasting 2.0 episode 124
      audio: https://audio.example/pc20.mp3
      ---
      # Podcasting 2.0 episode 124

      00:00 Opening
      00:15 The mission
      """;

  @TempDir static Path tmp;
  private Path data;
  private String index;
  private LuceneSearchService service;

  @BeforeAll
  void reindex() throws IOException {
    Path timed = SharedCorpus.corpus("transcripts-timed");
    data = Files.createDirectories(tmp.resolve("data"));
    Files.copy(timed.resolve("transcriptator__podcasting_20.srt"), data.resolve("pc20.srt"));
    Files.writeString(data.resolve("pc20.md"), NOTES);
    Files.copy(timed.resolve("virtual-coffee-srt/episodes/1_1.srt"), data.resolve("vc-1-1.srt"));
    index = tmp.resolve("index").toString();
    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, data.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    service = LuceneSearchService.open(Path.of(index));
  }

  @AfterAll
  void close() {
    if (service != null) {
      service.close();
    }
  }

  private Hit first(String q) {
    List<Hit> hits = service.search(SearchRequest.of(q)).hits();
    assertThat(hits).as(q).isNotEmpty();
    return hits.get(0);
  }

  @Test
  void theSidecarIsTheNotesTranscriptAndNotAnEpisodeOfItsOwn() {
    assertThat(CliRun.podsearch("stats", "--index", index).out())
        .contains("episodes:     2 from 2 sources", "transcripts:  2 episodes with " + (2012 + 1101) + " cues");
  }

  @Test
  void aPhraseMomentStartsAtItsCueTimeInItsChapterAndLinksIntoTheAudio() {
    Hit hit = first("\"delayed board meeting\"");

    assertThat(hit.title()).isEqualTo("Podcasting 2.0 episode 124");
    assertThat(hit.moments()).first().satisfies(m -> {
      assertThat(m.start()).isEqualTo(6.21);
      assertThat(m.end()).isEqualTo(12.99);
      assertThat(m.link()).isEqualTo("https://audio.example/pc20.mp3#t=6");
      assertThat(m.chapter()).isEqualTo("Opening");
      assertThat(m.chapterStart()).isEqualTo(0.0);
      assertThat(m.text()).contains("<mark>delayed board meeting</mark>");
    });
  }

  @Test
  void aPhraseAcrossTwoCuesIsOneMomentAtTheFirst() {
    // cue 3 (00:00:12,990) ends "...extending the", cue 4 (00:00:17,100) starts "open independent podcasting"
    Hit hit = first("\"extending the open independent\"");

    assertThat(hit.moments()).singleElement().satisfies(m -> {
      assertThat(m.start()).isEqualTo(12.99);
      assertThat(m.link()).endsWith("#t=12");
      assertThat(m.chapter()).isEqualTo("Opening");
    });
    assertThat(first("\"open independent podcasting\"").moments()).first()
        .satisfies(m -> assertThat(m.chapter()).isEqualTo("The mission"));
  }

  @Test
  void speakerMomentsAreOnlyThatSpeakersCues() {
    Hit all = first("\"virtual coffee\"");
    Hit bekah = first("speaker:Bekah \"virtual coffee\"");

    assertThat(bekah.id()).isEqualTo(all.id());
    assertThat(bekah.moments()).isNotEmpty().extracting(Moment::speaker).containsOnly("Bekah");
    assertThat(bekah.moments()).first().satisfies(m -> {
      assertThat(m.start()).isEqualTo(17.31);
      assertThat(m.text()).isEqualTo("<mark>Virtual Coffee</mark> podcast.");
    });
    assertThat(service.search(SearchRequest.of("speaker:Bekah \"delayed board meeting\"")).hits()).isEmpty();
  }

  @Test
  void parsePrintsTheTranscriptAndChapters() throws IOException {
    CliRun run = CliRun.podsearch("parse", data.resolve("pc20.md").toString());

    JsonNode episode = Json.mapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(episode.get("transcript")).hasSize(2012);
    assertThat(episode.get("transcript").get(1).get("start").asDouble()).isEqualTo(6.21);
    assertThat(episode.get("chapters")).hasSize(2);
    assertThat(episode.get("chapters").get(1).get("title").asText()).isEqualTo("The mission");
  }
}
