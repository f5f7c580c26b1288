package dev.podsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexUpdaterTest {
  @TempDir Path dir;

  private static final String DATA = "/data";

  @Test
  void knownHashesListOnlyCommittedSourcesOfTheOrigin() throws IOException {
    try (IndexUpdater updater = IndexUpdater.open(dir, false)) {
      replace(updater, DATA, "a.html", "h1", "a1", "a2");
      replace(updater, "/other", "b.html", "h2", "b1");
      assertThat(updater.knownHashes(DATA)).as("nothing committed yet").isEmpty();
      updater.commit(Map.of());
    }
    try (IndexUpdater updater = IndexUpdater.open(dir, false)) {
      assertThat(updater.knownHashes(DATA)).containsExactly(Map.entry("/data|a.html", "h1"));
      assertThat(updater.knownSources(DATA)).containsEntry("/data|a.html", new IndexedSource("h1", "html", 2));
    }
  }

  @Test
  void replacingASourceSwapsAllItsEpisodes() throws IOException {
    commit(false, u -> replace(u, DATA, "a.html", "h1", "a1", "a2", "a3"));
    commit(false, u -> replace(u, DATA, "a.html", "h2", "a1"));

    assertThat(ids()).containsExactly("a1");
  }

  @Test
  void deletingASourceLeavesTheOthers() throws IOException {
    commit(false, u -> {
      replace(u, DATA, "a.html", "h1", "a1");
      replace(u, DATA, "b.html", "h1", "b1");
    });
    commit(false, u -> u.deleteSource("/data|a.html"));

    assertThat(ids()).containsExactly("b1");
  }

  @Test
  void fullOpenStartsEmptyButOldIndexStaysUntilCommit() throws IOException {
    commit(false, u -> replace(u, DATA, "a.html", "h1", "a1"));
    try (IndexUpdater updater = IndexUpdater.open(dir, true)) {
      assertThat(updater.knownHashes(DATA)).isEmpty();
      replace(updater, DATA, "b.html", "h1", "b1");
      assertThat(ids()).containsExactly("a1");
      updater.commit(Map.of());
    }
    assertThat(ids()).containsExactly("b1");
  }

  @Test
  void closingWithoutCommitOrRollingBackKeepsThePreviousCommit() throws IOException {
    commit(false, u -> replace(u, DATA, "a.html", "h1", "a1"));
    try (IndexUpdater updater = IndexUpdater.open(dir, false)) {
      replace(updater, DATA, "b.html", "h1", "b1");
      updater.deleteSource("/data|a.html");
    }
    try (IndexUpdater updater = IndexUpdater.open(dir, true)) {
      replace(updater, DATA, "c.html", "h1", "c1");
      updater.rollback();
    }
    assertThat(ids()).containsExactly("a1");
  }

  @Test
  void commitRecordsUserDataAndTime() throws IOException {
    commit(false, u -> {
      replace(u, DATA, "a.html", "h1", "a1");
      u.commit(Map.of("episodes", "1"));
    });
    try (FSDirectory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Map<String, String> data = reader.getIndexCommit().getUserData();
      assertThat(data).containsEntry("episodes", "1").containsKey(IndexUpdater.COMMITTED_AT);
    }
  }

  @Test
  void commitsOnlyOnce() throws IOException {
    try (IndexUpdater updater = IndexUpdater.open(dir, false)) {
      updater.commit(Map.of());
      assertThatThrownBy(() -> updater.commit(Map.of())).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void secondWriterGetsAClearLockError() throws IOException {
    try (IndexUpdater first = IndexUpdater.open(dir, false)) {
      assertThatThrownBy(() -> IndexUpdater.open(dir, false))
          .isInstanceOf(IndexLockedException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("another reindex");
    }
    try (IndexUpdater again = IndexUpdater.open(dir, false)) {
      assertThat(again.knownHashes(DATA)).isEmpty();
    }
  }

  interface Step {
    void run(IndexUpdater updater) throws IOException;
  }

  private void commit(boolean full, Step step) throws IOException {
    try (IndexUpdater updater = IndexUpdater.open(dir, full)) {
      step.run(updater);
      try {
        updater.commit(Map.of());
      } catch (IllegalStateException alreadyCommitted) {
        // the step committed itself
      }
    }
  }

  private static void replace(IndexUpdater updater, String origin, String source, String hash, String... ids)
      throws IOException {
    SourceInfo info = new SourceInfo(origin, source, "html", hash);
    List<Document> docs = Arrays.stream(ids)
        .map(id -> EpisodeSchema.toDocument(TestEpisodes.plain(id, "Episode " + id), info))
        .toList();
    updater.replaceSource(info.key(), docs);
  }

  private Set<String> ids() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (FSDirectory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Bits live = MultiBits.getLiveDocs(reader);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live == null || live.get(i)) {
          Episode e = HitEpisodes.read(reader, i);
          ids.add(e.id());
        }
      }
      assertThat(ids).hasSize(reader.numDocs());
    }
    return ids;
  }
}
