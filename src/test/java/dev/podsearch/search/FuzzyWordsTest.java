package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzyWordsTest {
  @TempDir Path dir;

  @Test
  void editsCountInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(FuzzyWords.distance("kubernetes", "kubernetes", 2)).isZero();
    assertThat(FuzzyWords.distance("kubernetes", "kubernets", 2)).isEqualTo(1);
    assertThat(FuzzyWords.distance("kubernetes", "kuberentes", 2)).isEqualTo(1);
    assertThat(FuzzyWords.distance("kubernetes", "cubernetis", 2)).isEqualTo(2);
    assertThat(FuzzyWords.distance("kubernetes", "docker", 2)).isEqualTo(3);
  }

  @Test
  void closerSpellingsWeighMoreAndTheWordItselfMost() {
    assertThat(FuzzyWords.closeness("kubernetes", 0)).isEqualTo(1f);
    assertThat(FuzzyWords.closeness("kubernetes", 1)).isGreaterThan(FuzzyWords.closeness("kubernetes", 2));
  }

  @Test
  void eachFieldGetsTheSpellingsItHoldsClosestFirstAtMostTheLimit() throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        writer.addDocument(doc("kubernetes kubernets operators"));
        writer.commit();
        writer.addDocument(doc("kubernetes cubernetis"));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        List<Query> queries = FuzzyWords.of(reader, "kubernetes", 2,
            List.of(new FuzzyWords.Field("notes", 2f), new FuzzyWords.Field("missing", 1f)), 2, 0.5f);

        assertThat(queries).singleElement().isInstanceOfSatisfying(BoostQuery.class, boost -> {
          assertThat(boost.getBoost()).isEqualTo(1f);
          // the exact word and the one-edit spelling; the two-edit one is past the limit of two
          assertThat(boost.getQuery()).isInstanceOfSatisfying(SynonymQuery.class, syn ->
              assertThat(syn.getTerms()).extracting(t -> t.text()).containsExactlyInAnyOrder("kubernetes", "kubernets"));
        });
        assertThat(new IndexSearcher(reader).count(queries.get(0))).isEqualTo(2);
      }
    }
  }

  @Test
  void theClosestSpellingsOfAllFieldsTogetherLeaveOutTheWordItself() throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        writer.addDocument(doc("kubernetes kubernets"));
        writer.addDocument(doc("kubernets"));
        Document titled = new Document();
        titled.add(new TextField("title", "kubernetis kubernetiz", Field.Store.NO));
        writer.addDocument(titled);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        List<FuzzyWords.Spelling> spellings =
            FuzzyWords.closest(reader, "kubernetes", 2, List.of("notes", "title", "missing"), 3);

        // one edit before two, and of two one-edit spellings the one more episodes hold first
        assertThat(spellings).containsExactly(
            new FuzzyWords.Spelling("kubernets", 1), new FuzzyWords.Spelling("kubernetis", 1),
            new FuzzyWords.Spelling("kubernetiz", 2));
      }
    }
  }

  private static Document doc(String notes) {
    Document d = new Document();
    d.add(new TextField("notes", notes, Field.Store.NO));
    return d;
  }
}
