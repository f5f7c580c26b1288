package dev.podsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryNormsTest {
  @TempDir Path dir;

  /** Episodes with and without description, notes and transcript, over two segments, one of them deleted. */
  private FSDirectory index() throws Exception {
    FSDirectory directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(EpisodeSchema.analyzer()).setSimilarity(EpisodeSchema.similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < 12; i++) {
        Episode e = i % 3 == 0 ? TestEpisodes.rich().toBuilder().id("rich-" + i)
            .text("Notes about replicas " + "and failover ".repeat(i)).build()
            : TestEpisodes.plain("plain-" + i, "Episode " + i + " on replicas").toBuilder().description(null).build();
        writer.addDocument(EpisodeSchema.toDocument(e, new SourceInfo("/data", "ep" + i + ".md", "markdown", "h" + i)));
        if (i == 5) {
          writer.commit();
        }
      }
      writer.deleteDocuments(new Term(EpisodeSchema.ID, "plain-4"));
    }
    return directory;
  }

  @Test
  void everyFieldsNormsReadAsTheCodecStoresThem() throws Exception {
    try (FSDirectory directory = index();
        DirectoryReader stored = DirectoryReader.open(directory);
        DirectoryReader inMemory = InMemoryNorms.wrap(DirectoryReader.open(directory))) {
      assertThat(inMemory.leaves()).hasSize(stored.leaves().size()).hasSizeGreaterThan(1);
      for (int l = 0; l < stored.leaves().size(); l++) {
        for (String field : List.of(EpisodeSchema.TITLE, EpisodeSchema.DESCRIPTION, EpisodeSchema.TEXT,
            EpisodeSchema.TRANSCRIPT, EpisodeSchema.TITLE + EpisodeSchema.EXACT, "no-such-field")) {
          LeafReaderContext s = stored.leaves().get(l);
          LeafReaderContext m = inMemory.leaves().get(l);
          assertThat(values(m.reader().getNormValues(field), s.reader().maxDoc()))
              .as("%s in segment %d", field, l)
              .isEqualTo(values(s.reader().getNormValues(field), s.reader().maxDoc()));
          assertThat(iterated(m.reader().getNormValues(field))).isEqualTo(iterated(s.reader().getNormValues(field)));
        }
      }
    }
  }

  @Test
  void scoresAreTheSameAsWithStoredNorms() throws Exception {
    BooleanQuery query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(EpisodeSchema.TEXT, "failov")), Occur.SHOULD)
        .add(new TermQuery(new Term(EpisodeSchema.TITLE, "replica")), Occur.SHOULD)
        .add(new TermQuery(new Term(EpisodeSchema.DESCRIPTION, "workload")), Occur.SHOULD)
        .build();
    try (FSDirectory directory = index();
        DirectoryReader stored = DirectoryReader.open(directory);
        DirectoryReader inMemory = InMemoryNorms.wrap(DirectoryReader.open(directory))) {
      ScoreDoc[] expected = searcher(stored).search(query, 20).scoreDocs;
      ScoreDoc[] actual = searcher(inMemory).search(query, 20).scoreDocs;

      assertThat(expected).hasSizeGreaterThan(5);
      assertThat(actual).extracting(d -> d.doc).containsExactlyElementsOf(List.of(docs(expected)));
      assertThat(actual).extracting(d -> d.score).containsExactlyElementsOf(List.of(scores(expected)));
    }
  }

  @Test
  void aReopenedReaderKeepsItsNormsInMemory() throws Exception {
    try (FSDirectory directory = index();
        DirectoryReader first = InMemoryNorms.wrap(DirectoryReader.open(directory))) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(EpisodeSchema.analyzer()))) {
        writer.addDocument(EpisodeSchema.toDocument(TestEpisodes.plain("new", "New one"),
            new SourceInfo("/data", "new.md", "markdown", "n")));
      }
      try (DirectoryReader reopened = DirectoryReader.openIfChanged(first)) {
        assertThat(reopened).isInstanceOf(InMemoryNorms.class);
        assertThat(reopened.numDocs()).isEqualTo(first.numDocs() + 1);
      }
    }
  }

  private static IndexSearcher searcher(DirectoryReader reader) {
    IndexSearcher s = new IndexSearcher(reader);
    s.setSimilarity(EpisodeSchema.similarity());
    return s;
  }

  private static Integer[] docs(ScoreDoc[] hits) {
    return java.util.Arrays.stream(hits).map(h -> h.doc).toArray(Integer[]::new);
  }

  private static Float[] scores(ScoreDoc[] hits) {
    return java.util.Arrays.stream(hits).map(h -> h.score).toArray(Float[]::new);
  }

  /** Each doc's norm by advanceExact, or null where it has none; empty when the field has no norms. */
  private static List<Long> values(NumericDocValues norms, int maxDoc) throws Exception {
    List<Long> out = new ArrayList<>();
    for (int doc = 0; norms != null && doc < maxDoc; doc++) {
      out.add(norms.advanceExact(doc) ? norms.longValue() : null);
    }
    return out;
  }

  private static List<String> iterated(NumericDocValues norms) throws Exception {
    List<String> out = new ArrayList<>();
    for (int doc = norms == null ? DocIdSetIterator.NO_MORE_DOCS : norms.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
      out.add(doc + "=" + norms.longValue());
    }
    return out;
  }
}
