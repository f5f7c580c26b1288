package dev.podsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HitEpisodesTest {
  @TempDir Path dir;
  private int indexes;

  private static final SourceInfo SOURCE = new SourceInfo("/data", "cloud/ep42.html", "html", "hash-1");

  @Test
  void aHitReadsBackTheWholeEpisodeWithoutItsJson() throws Exception {
    Episode episode = TestEpisodes.rich().toBuilder().chapters(List.of(new Chapter(4, "Intro"))).build();

    assertThat(readBack(EpisodeSchema.toDocument(episode, SOURCE))).isEqualTo(episode);
  }

  @Test
  void cueTimesSpeakersAndTextsSurviveExactly() throws Exception {
    List<Cue> cues =
        List.of(
            new Cue(0, 0, null, "No speaker, no end."),
            new Cue(1.0 / 3, 2.5, "Ada", "A time that is no whole millisecond."),
            new Cue(2.5, 3600.125, "Lars", "Line one\nline two of one cue."),
            new Cue(3600.125, 3601, "Ada", ""),
            new Cue(3601, 3602, "Ada", "Ünïcode – and “quotes”."));
    Episode episode = TestEpisodes.rich().toBuilder().transcript(cues).build();

    assertThat(readBack(EpisodeSchema.toDocument(episode, SOURCE)).transcript()).isEqualTo(cues);
  }

  @Test
  void anEpisodeWithoutTranscriptOrNotesReadsBackToo() throws Exception {
    Episode episode = TestEpisodes.plain("ep-1", "Bare").toBuilder().text(null).build();

    assertThat(readBack(EpisodeSchema.toDocument(episode, SOURCE))).isEqualTo(episode);
  }

  @Test
  void theTextsAreDocValuesNotStoredFieldsAndNothingIsStoredTwice() {
    List<String> stored = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (IndexableField f : EpisodeSchema.toDocument(TestEpisodes.rich(), SOURCE)) {
      if (f.fieldType().stored()) {
        stored.add(f.name());
      }
      if (f.fieldType().docValuesType() == DocValuesType.BINARY) {
        values.add(f.name());
      }
    }
    // stored fields are decompressed whole: the long texts must not be among them, nor a JSON repeating them
    assertThat(stored).doesNotContain(EpisodeSchema.TEXT, EpisodeSchema.TRANSCRIPT, EpisodeSchema.EPISODE_JSON);
    assertThat(values).containsExactly(EpisodeSchema.TEXT_VALUE, EpisodeSchema.TRANSCRIPT_VALUE);
  }

  @Test
  void aHitCutsLongNotesOfATranscribedEpisodeButKeepsNotesOfOthers() throws Exception {
    String notes = "Über " + "long notes that repeat the transcript. ".repeat(20);
    Episode transcribed = TestEpisodes.rich().toBuilder().text(notes).build();
    Episode notesOnly = TestEpisodes.plain("ep-2", "No transcript").toBuilder().text(notes).build();

    Episode hit = readBack(EpisodeSchema.toDocument(transcribed, SOURCE), reader -> HitEpisodes.readHits(reader, new int[] {0}, 100, 12).get(0));
    Episode other = readBack(EpisodeSchema.toDocument(notesOnly, SOURCE), reader -> HitEpisodes.readHits(reader, new int[] {0}, 100, 12).get(0));

    assertThat(hit.text()).isEqualTo(notes.substring(0, 12));
    assertThat(hit.transcript()).isEqualTo(transcribed.transcript());
    assertThat(other.text()).isEqualTo(notes);
  }

  @Test
  void aPageOfHitsReadsEachEpisodeInTheOrderAskedAcrossSegments() throws Exception {
    List<Episode> episodes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Episode e = TestEpisodes.rich().toBuilder().id("ep-" + i).text("Notes of episode " + i + ".").build();
      episodes.add(i % 2 == 0 ? e : e.toBuilder().transcript(List.of(new Cue(i, i + 1, "Ada", "Said in " + i))).build());
    }
    try (FSDirectory directory = FSDirectory.open(dir.resolve("page"))) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(EpisodeSchema.analyzer()))) {
        for (Episode e : episodes) {
          writer.addDocument(EpisodeSchema.toDocument(e, SOURCE));
          writer.commit(); // a segment each, so that the page spans segments
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        int[] ranked = {4, 1, 5, 0, 3};

        java.util.Map<Integer, Episode> page = HitEpisodes.readHits(reader, ranked, 1000, 10);

        assertThat(page.keySet()).containsExactly(4, 1, 5, 0, 3);
        for (int doc : ranked) {
          assertThat(page.get(doc)).isEqualTo(episodes.get(doc));
        }
      }
    }
  }

  @Test
  void anIndexWrittenWithStoredTextsIsStillRead() throws Exception {
    Episode episode = TestEpisodes.rich();
    Document old = new Document();
    old.add(new StoredField(EpisodeSchema.HIT_JSON, HitEpisodes.hitJson(episode)));
    old.add(new StoredField(EpisodeSchema.CUES, HitEpisodes.encodeCues(episode.transcript())));
    old.add(new StoredField(EpisodeSchema.TEXT, episode.text()));
    old.add(new StoredField(EpisodeSchema.TRANSCRIPT, EpisodeSchema.transcriptText(episode.transcript())));
    old.add(new StoredField(EpisodeSchema.EPISODE_JSON, "{\"id\": \"never read\"}"));

    assertThat(readBack(old)).isEqualTo(episode);
  }

  @Test
  void anIndexWrittenBeforeTheHitFieldsIsReadFromItsWholeJson() throws Exception {
    Document old = new Document();
    old.add(new StoredField(EpisodeSchema.EPISODE_JSON, dev.podsearch.json.Json.write(TestEpisodes.rich())));

    assertThat(readBack(old)).isEqualTo(TestEpisodes.rich());
  }

  @Test
  void aDocumentThatIsNoEpisodeGivesNull() throws Exception {
    Document other = new Document();
    other.add(new StoredField("something", "else"));

    assertThat(readBack(other)).isNull();
  }

  private interface Read {
    Episode from(DirectoryReader reader) throws Exception;
  }

  private Episode readBack(Document doc) throws Exception {
    return readBack(doc, reader -> HitEpisodes.read(reader, 0));
  }

  private Episode readBack(Document doc, Read read) throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir.resolve("index-" + ++indexes))) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(EpisodeSchema.analyzer()))) {
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return read.from(reader);
      }
    }
  }
}
