package dev.podsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeIndexTest {
  @TempDir Path dir;

  private static void commit(Path dir, Episode... episodes) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, new IndexWriterConfig(EpisodeSchema.analyzer()))) {
      for (Episode e : episodes) {
        writer.addDocument(EpisodeSchema.toDocument(e, new SourceInfo("/o", e.id(), "text", "h")));
      }
      writer.commit();
    }
  }

  private static long count(EpisodeIndex index) {
    return index.withSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  /** Polls (the refresher works in the background) for up to {@code millis}. */
  private static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  @Test
  void aMissingDirectoryIsUnavailableWithAHintAndIsNotCreated() {
    Path missing = dir.resolve("not-yet");
    try (EpisodeIndex index = EpisodeIndex.open(missing)) {
      assertThat(index.available()).isFalse();
      assertThatThrownBy(() -> count(index))
          .isInstanceOf(IndexNotReadyException.class)
          .hasMessageContaining("podsearch reindex");
      assertThat(index.sizeBytes()).isZero();
      assertThat(index.lastCommit()).isNull();
    }
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void anIndexThatAppearsLaterIsServedWithoutRestart() throws Exception {
    Files.createDirectories(dir.resolve("idx"));
    try (EpisodeIndex index = EpisodeIndex.open(dir.resolve("idx"))) {
      assertThat(index.available()).as("an empty folder is no index").isFalse();
      commit(dir.resolve("idx"), TestEpisodes.plain("a", "First"));
      assertThat(within(2_000, index::available)).isTrue();
      assertThat(count(index)).isEqualTo(1);
    }
  }

  @Test
  void aCommitFromAnotherWriterIsServedWithinTwoSeconds() throws Exception {
    commit(dir, TestEpisodes.plain("a", "First"));
    try (EpisodeIndex index = EpisodeIndex.open(dir)) {
      assertThat(count(index)).isEqualTo(1);
      commit(dir, TestEpisodes.plain("b", "Second"), TestEpisodes.plain("c", "Third"));
      assertThat(within(2_000, () -> count(index) == 3)).as("served within 2 s").isTrue();
      assertThat(index.lastCommit()).isNotNull();
      assertThat(index.sizeBytes()).isPositive();
    }
  }

  @Test
  void aSearcherHeldDuringARefreshStaysUsable() throws Exception {
    commit(dir, TestEpisodes.plain("a", "First"));
    try (EpisodeIndex index = EpisodeIndex.open(dir)) {
      long seen =
          index.withSearcher(
              s -> {
                commit(dir, TestEpisodes.plain("b", "Second"));
                index.refreshNow();
                return (long) s.getIndexReader().numDocs();
              });
      assertThat(seen).as("the acquired point-in-time view").isEqualTo(1);
      assertThat(count(index)).isEqualTo(2);
    }
  }

  @Test
  void warmedCachesBelongToOneReader() throws Exception {
    commit(dir, TestEpisodes.rich());
    List<Object> warmed = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (EpisodeIndex index = EpisodeIndex.open(dir, s -> warmed.add(s.cached("k", x -> new Object())))) {
      Object first = index.withSearcher(s -> s.<Object>cached("k", x -> "cold"));
      commit(dir, TestEpisodes.plain("b", "Second"));
      index.refreshNow();
      Object second = index.withSearcher(s -> s.<Object>cached("k", x -> "cold"));
      assertThat(warmed).containsExactly(first, second);
      boolean facets = index.withSearcher(s -> s.facetState() != null);
      assertThat(facets).as("facet state built").isTrue();
    }
  }

  @Test
  void afterCloseSearchesSayTheIndexIsClosing() throws Exception {
    commit(dir, TestEpisodes.plain("a", "First"));
    EpisodeIndex index = EpisodeIndex.open(dir);
    index.close();
    index.close(); // twice is harmless
    assertThat(index.available()).isFalse();
    assertThatThrownBy(() -> count(index)).isInstanceOf(IndexNotReadyException.class).hasMessageContaining("closing");
  }
}
