package dev.podsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeSchemaTest {
  @TempDir Path dir;

  private static final SourceInfo SOURCE = new SourceInfo("/data", "cloud/ep42.html", "html", "hash-1");

  @Test
  void storesSourceBookkeepingAsExactStrings() {
    Document doc = EpisodeSchema.toDocument(TestEpisodes.rich(), SOURCE);

    assertThat(doc.get(EpisodeSchema.ID)).isEqualTo("ep-rich");
    assertThat(doc.get(EpisodeSchema.SOURCE_KEY)).isEqualTo("/data|cloud/ep42.html");
    assertThat(doc.get(EpisodeSchema.ORIGIN)).isEqualTo("/data");
    assertThat(doc.get(EpisodeSchema.SOURCE)).isEqualTo("cloud/ep42.html");
    assertThat(doc.get(EpisodeSchema.FORMAT)).isEqualTo("html");
    assertThat(doc.get(EpisodeSchema.HASH)).isEqualTo("hash-1");
  }

  @Test
  void episodeSurvivesTheRoundTripThroughTheIndex() throws Exception {
    Episode episode = TestEpisodes.rich();
    try (IndexSearcherFixture index = index(EpisodeSchema.toDocument(episode, SOURCE))) {
      assertThat(HitEpisodes.read(index.searcher.getIndexReader(), 0)).isEqualTo(episode);
    }
  }

  @Test
  void textFieldsAreSearchableStemmedAndExact() throws Exception {
    try (IndexSearcherFixture index = index(EpisodeSchema.toDocument(TestEpisodes.rich(), SOURCE))) {
      assertThat(index.count(new TermQuery(new Term(EpisodeSchema.TITLE, "scale")))).isEqualTo(1);
      assertThat(index.count(new TermQuery(new Term(EpisodeSchema.TITLE + EpisodeSchema.EXACT, "scaling")))).isEqualTo(1);
      assertThat(index.count(new TermQuery(new Term(EpisodeSchema.TITLE + EpisodeSchema.EXACT, "scale")))).isZero();
      assertThat(index.count(new PhraseQuery(EpisodeSchema.PEOPLE, "ada", "lovelac"))).isEqualTo(1);
      assertThat(index.count(new TermQuery(new Term(EpisodeSchema.TRANSCRIPT, "welcom")))).isEqualTo(1);
      assertThat(index.count(LongPoint.newRangeQuery(EpisodeSchema.PUBLISHED, 19_000, 20_000))).isEqualTo(1);
    }
  }

  @Test
  void shortTextsAreStoredLongOnesAreDocValues() {
    Document doc = EpisodeSchema.toDocument(TestEpisodes.rich(), SOURCE);

    assertThat(doc.getField(EpisodeSchema.TITLE).fieldType().stored()).isTrue();
    assertThat(doc.getField(EpisodeSchema.TRANSCRIPT).fieldType().stored()).isFalse();
    assertThat(doc.getBinaryValue(EpisodeSchema.TRANSCRIPT_VALUE).utf8ToString())
        .isEqualTo("Welcome to the show.\nThanks for having me.");
    assertThat(doc.getField(EpisodeSchema.PODCAST).fieldType().stored()).isFalse();
    assertThat(doc.getField(EpisodeSchema.TITLE + EpisodeSchema.EXACT).fieldType().stored()).isFalse();
    assertThat(doc.get(EpisodeSchema.TRANSCRIPT)).isEqualTo("Welcome to the show.\nThanks for having me.");
  }

  @Test
  void facetsCountTagsPeoplePodcastAndYear() throws Exception {
    Episode other = TestEpisodes.plain("ep-2", "Other").toBuilder().tags(List.of("databases")).build();
    try (IndexSearcherFixture index = index(
        EpisodeSchema.toDocument(TestEpisodes.rich(), SOURCE), EpisodeSchema.toDocument(other, SOURCE))) {
      Facets facets = index.facets();
      assertThat(facets.getTopChildren(10, EpisodeSchema.FACET_TAG).toString())
          .contains("databases (2)", "kubernetes (1)");
      assertThat(labels(facets.getTopChildren(10, EpisodeSchema.FACET_PERSON)))
          .containsExactlyInAnyOrder("Lars Kamp", "Ada Lovelace");
      assertThat(labels(facets.getTopChildren(10, EpisodeSchema.FACET_PODCAST))).containsExactly("Cloud Talk");
      assertThat(labels(facets.getTopChildren(10, EpisodeSchema.FACET_YEAR))).containsExactly("2023");
    }
  }

  @Test
  void notesThatRepeatTheTranscriptAreSearchedAsTheTranscriptOnly() throws Exception {
    List<Cue> cues = List.of(
        new Cue(0, 4, "Lars", "Welcome back to the show, everyone."),
        new Cue(4, 9, "Ada", "Thanks for having me, it is a pleasure."),
        new Cue(9, 15, "Lars", "Let us talk about replicas and failover today."),
        new Cue(15, 20, "Ada", "Failover is where most teams get hurt."));
    // a transcript page: the notes are the talk again, speakers and all
    Episode page = TestEpisodes.rich().toBuilder().transcript(cues)
        .text(String.join("\n\n", cues.stream().map(c -> c.speaker() + ": " + c.text()).toList())).build();
    Episode notes = TestEpisodes.rich(); // notes of their own beside the transcript

    assertThat(EpisodeSchema.notesRepeatTranscript(page)).isTrue();
    assertThat(EpisodeSchema.notesRepeatTranscript(notes)).isFalse();
    assertThat(EpisodeSchema.notesRepeatTranscript(TestEpisodes.plain("ep-1", "No transcript"))).isFalse();
    try (IndexSearcherFixture index = index(EpisodeSchema.toDocument(page, SOURCE))) {
      assertThat(index.count(new TermQuery(new Term(EpisodeSchema.TEXT, "failov")))).isZero();
      assertThat(index.count(new TermQuery(new Term(EpisodeSchema.TRANSCRIPT, "failov")))).isEqualTo(1);
      assertThat(HitEpisodes.read(index.searcher.getIndexReader(), 0).text()).isEqualTo(page.text());
    }
  }

  @Test
  void episodeWithoutCuesHasNoTranscriptField() {
    Document doc = EpisodeSchema.toDocument(TestEpisodes.plain("ep-1", "Bare"), SOURCE);

    assertThat(doc.get(EpisodeSchema.TRANSCRIPT)).isNull();
    assertThat(doc.get(EpisodeSchema.PUBLISHED)).isNull();
  }

  @Test
  void cueOffsetsPointAtEachCueInTheJoinedTranscript() {
    List<Cue> cues = List.of(new Cue(0, 1, null, "one"), new Cue(1, 2, null, ""), new Cue(2, 3, null, "three"));
    String text = EpisodeSchema.transcriptText(cues);
    int[] starts = EpisodeSchema.cueStartOffsets(cues);

    assertThat(text).isEqualTo("one\n\nthree");
    assertThat(starts).containsExactly(0, 4, 5);
    assertThat(text.substring(starts[2])).isEqualTo("three");
    assertThat(EpisodeSchema.cueAt(starts, text.indexOf("three") + 2)).isEqualTo(2);
    assertThat(EpisodeSchema.cueAt(starts, 1)).isEqualTo(0);
    assertThat(EpisodeSchema.transcriptText(List.of())).isEmpty();
  }

  private static List<String> labels(FacetResult result) {
    return java.util.Arrays.stream(result.labelValues).map(lv -> lv.label).toList();
  }

  private IndexSearcherFixture index(Document... docs) throws Exception {
    FSDirectory directory = FSDirectory.open(dir);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(EpisodeSchema.analyzer()))) {
      for (Document doc : docs) {
        writer.addDocument(doc);
      }
    }
    return new IndexSearcherFixture(directory, DirectoryReader.open(directory));
  }

  private record IndexSearcherFixture(FSDirectory directory, DirectoryReader reader, IndexSearcher searcher)
      implements AutoCloseable {
    IndexSearcherFixture(FSDirectory directory, DirectoryReader reader) {
      this(directory, reader, new IndexSearcher(reader));
    }

    int count(org.apache.lucene.search.Query query) throws Exception {
      return searcher.count(query);
    }

    Facets facets() throws Exception {
      FacetsCollector hits = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
      return new SortedSetDocValuesFacetCounts(new DefaultSortedSetDocValuesReaderState(reader, EpisodeSchema.facetsConfig()), hits);
    }

    @Override
    public void close() throws Exception {
      reader.close();
      directory.close();
    }
  }
}
