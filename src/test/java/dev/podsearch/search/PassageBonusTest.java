package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second phase prefers the episode where the query words meet over one where they lie far apart. */
class PassageBonusTest {
  @TempDir Path dir;

  private static String filler(int words) {
    return "talk ".repeat(words);
  }

  @Test
  void wordsInOnePassageBeatTheSameWordsScatteredOverTheEpisode() throws Exception {
    int far = PassageBonus.WINDOW * 3;
    TestIndex.write(
        dir,
        TestIndex.episode("scattered", "One", "database " + filler(far) + "migration " + filler(far)),
        TestIndex.episode("together", "Two", filler(far) + "database migration " + filler(far)));
    Rescored rescored = rescoredFromATie("scattered", "together");

    assertThat(rescored.ids()).containsExactly("together", "scattered");
    assertThat(rescored.scores()[1]).isGreaterThan(1f); // each word alone still makes a passage
  }

  @Test
  void wordsSideBySideBeatTheSameWordsApartInOnePassage() throws Exception {
    int far = PassageBonus.WINDOW * 3;
    int apart = PassageBonus.PAIR_GAP + 5; // in one window, but not a pair
    TestIndex.write(
        dir,
        TestIndex.episode("apart", "One", filler(far) + "database " + filler(apart) + "migration " + filler(far)),
        TestIndex.episode("side", "Two", filler(far) + "migration of the database " + filler(far)));
    Rescored rescored = rescoredFromATie("apart", "side");

    assertThat(rescored.ids()).containsExactly("side", "apart");
    // the passage bonus is the same for both: the difference is the pair's
    assertThat(rescored.scores()[0] - rescored.scores()[1]).isCloseTo(PassageBonus.PAIR_WEIGHT, within(1e-4f));
  }

  @Test
  void aPairIsTwoNeighbouringQueryWordsWithinTheGapInEitherOrder() {
    boolean[] paired = new boolean[3]; // four query words: pairs 0-1, 1-2, 2-3
    PassageBonus.pairs(places(new int[] {10, 1}, new int[] {12, 0}, new int[] {40, 2}, new int[] {40, 3},
        new int[] {60, 3}, new int[] {60 + PassageBonus.PAIR_GAP + 1, 2}), paired);

    // 0 and 1 two apart, 1 before 0: a pair; 2 and 3 only at one place (one word matched twice) or too far apart
    assertThat(paired).containsExactly(true, false, false);
  }

  /** Occurrences as {@link PassageBonus.Occurrences} encodes them, sorted: each {position, word}. */
  private static long[] places(int[]... occurrences) {
    PassageBonus.Occurrences o = new PassageBonus.Occurrences();
    for (int[] at : occurrences) {
      o.add(at[0], at[1]);
    }
    return o.sorted();
  }

  @Test
  void oneWordLeavesTheOrderAlone() throws Exception {
    TestIndex.write(dir, TestIndex.episode("a", "One", "database"), TestIndex.episode("b", "Two", "database database"));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      TopDocs first =
          new TopDocs(
              new TotalHits(2, TotalHits.Relation.EQUAL_TO), new ScoreDoc[] {new ScoreDoc(0, 2f), new ScoreDoc(1, 1f)});
      assertThat(PassageBonus.rescore(reader, first, List.of(List.of("databas")))).isSameAs(first);
    }
  }

  @Test
  void aTitleWordCountsNearEveryPassage() throws Exception {
    int far = PassageBonus.WINDOW * 3;
    TestIndex.write(
        dir,
        TestIndex.episode("scattered", "One", "database " + filler(far) + "migration " + filler(far)),
        TestIndex.episode("titled", "Database news", filler(far) + "migration " + filler(far)));
    assertThat(rescoredFromATie("scattered", "titled").ids()).containsExactly("titled", "scattered");
  }

  /** Two episodes' order and scores after the passage bonus for "database migration", from a tie at 1. */
  private record Rescored(List<String> ids, float[] scores) {}

  private Rescored rescoredFromATie(String a, String b) throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int docA = doc(searcher, a);
      int docB = doc(searcher, b);
      TopDocs first = new TopDocs(new TotalHits(2, TotalHits.Relation.EQUAL_TO),
          new ScoreDoc[] {new ScoreDoc(docA, 1f), new ScoreDoc(docB, 1f)});

      TopDocs rescored = PassageBonus.rescore(reader, first, List.of(List.of("databas"), List.of("migrat")));

      List<String> ids = java.util.Arrays.stream(rescored.scoreDocs).map(sd -> sd.doc == docA ? a : b).toList();
      float[] scores = {rescored.scoreDocs[0].score, rescored.scoreDocs[1].score};
      return new Rescored(ids, scores);
    }
  }

  @Test
  void episodesReplacedByAReindexDoNotCountTwice() throws Exception {
    int far = PassageBonus.WINDOW * 3;
    List<Episode> episodes =
        List.of(
            TestIndex.episode("scattered", "One", "database " + filler(far) + "migration " + filler(far)),
            TestIndex.episode("together", "Two", filler(far) + "database migration " + filler(far)));
    List<Episode> all = new ArrayList<>(episodes);
    for (int i = 0; i < 12; i++) { // enough others that the merge policy leaves the first segment's deletions alone
      all.add(TestIndex.episode("other" + i, "Other", "database migration")); // the words are everywhere: low idf
    }
    TestIndex.write(dir, all);
    TestIndex.write(dir, episodes); // replaced: the old versions stay in their segment, deleted, until it merges
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      assertThat(reader.numDeletedDocs()).as("deleted episodes still counted by docFreq").isPositive();
      IndexSearcher searcher = new IndexSearcher(reader);
      int scattered = doc(searcher, "scattered");
      int together = doc(searcher, "together");
      TopDocs first =
          new TopDocs(
              new TotalHits(2, TotalHits.Relation.EQUAL_TO),
              new ScoreDoc[] {new ScoreDoc(scattered, 1f), new ScoreDoc(together, 1f)});

      TopDocs rescored = PassageBonus.rescore(reader, first, List.of(List.of("databas"), List.of("migrat")));

      assertThat(rescored.scoreDocs).extracting(sd -> sd.doc).containsExactly(together, scattered);
    }
  }

  private static int doc(IndexSearcher searcher, String id) throws Exception {
    return searcher.search(new TermQuery(new Term(EpisodeSchema.ID, id)), 1).scoreDocs[0].doc;
  }
}
