package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.cli.ImportReport.Change;
import dev.podsearch.cli.ImportReport.Tally;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexLockedException;
import dev.podsearch.index.IndexUpdater;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {
  @TempDir Path index;

  private final FakeSources sources = new FakeSources()
      .put("/data", "a.md", "a1 Alpha one\na2 Alpha two")
      .put("/data", "b.md", "b1 Beta")
      .put("/data", "c.md", "c1 Gamma");
  private final Reindexer reindexer = new Reindexer(sources, 2, Progress.none());

  @Test
  void firstRunAddsEverySource() throws Exception {
    ImportReport report = reindex(false, "/data");

    assertThat(report.total(Change.ADDED)).isEqualTo(new Tally(3, 4));
    assertThat(report.tally("markdown", Change.ADDED)).isEqualTo(new Tally(3, 4));
    assertThat(ids()).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void secondRunAddsUpdatesAndDeletesExactlyWhatChanged() throws Exception {
    reindex(false, "/data");
    sources.put("/data", "a.md", "a1 Alpha one, edited").put("/data", "d.md", "d1 Delta").remove("/data", "c.md");
    sources.parses.clear();

    ImportReport report = reindex(false, "/data");

    assertThat(report.total(Change.ADDED)).isEqualTo(new Tally(1, 1));
    assertThat(report.total(Change.UPDATED)).isEqualTo(new Tally(1, 1));
    assertThat(report.total(Change.UNCHANGED)).isEqualTo(new Tally(1, 1));
    assertThat(report.total(Change.DELETED)).isEqualTo(new Tally(1, 1));
    assertThat(ids()).containsExactly("a1", "b1", "d1");
    assertThat(sources.parses).as("unchanged b.md is only hashed").containsOnlyKeys("/data|a.md", "/data|d.md");
  }

  @Test
  void unchangedSourcesAreNotParsedAgain() throws Exception {
    reindex(false, "/data");
    sources.parses.clear();

    ImportReport report = reindex(false, "/data");

    assertThat(sources.totalParses()).isZero();
    assertThat(report.sourcesParsed()).isZero();
    assertThat(report.sourcesLoaded()).isEqualTo(3);
    assertThat(report.total(Change.UNCHANGED)).isEqualTo(new Tally(3, 4));
    assertThat(ids()).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void fullRebuildParsesEverythingAndKeepsOnlyTheNamedRoots() throws Exception {
    sources.put("/other", "x.md", "x1 Other");
    reindex(false, "/data");
    reindex(false, "/other");
    sources.parses.clear();

    ImportReport report = reindex(true, "/data");

    assertThat(sources.totalParses()).isEqualTo(3);
    assertThat(report.total(Change.ADDED)).isEqualTo(new Tally(3, 4));
    assertThat(ids()).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void reindexingOneOriginLeavesAnotherAlone() throws Exception {
    sources.put("/other", "x.md", "x1 Other");
    reindex(false, "/data");
    reindex(false, "/other");
    sources.remove("/data", "c.md");

    ImportReport report = reindex(false, "/data");

    assertThat(report.total(Change.DELETED)).isEqualTo(new Tally(1, 1));
    assertThat(ids()).containsExactly("a1", "a2", "b1", "x1");
  }

  @Test
  void reindexingOneFileLeavesItsSiblingsAlone() throws Exception {
    reindex(false, "/data");
    sources.put("/data", "b.md", "b1 Beta, edited");

    ImportReport report = reindex(false, "/data/b.md");

    assertThat(report.total(Change.UPDATED)).isEqualTo(new Tally(1, 1));
    assertThat(report.total(Change.DELETED)).isEqualTo(new Tally(0, 0));
    assertThat(ids()).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void aFileNamedTwiceIsImportedOnce() throws Exception {
    ImportReport report = reindex(false, "/data", "/data/b.md");

    assertThat(report.total(Change.ADDED)).isEqualTo(new Tally(3, 4));
    assertThat(ids()).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void failedSourcesAreReportedWhileTheOthersAreCommitted() throws Exception {
    sources.put("/data", "bad.md", "FAIL").put("/data", "locked.md", "UNREADABLE").put("/data", "readme.md", "SKIP");

    ImportReport report = reindex(false, "/data");

    assertThat(report.failures()).containsExactly("bad.md:3: no title", "locked.md: cannot read: permission denied");
    assertThat(report.skips()).containsExactly("readme.md: not an episode");
    assertThat(report.total(Change.FAILED).sources()).isEqualTo(2);
    assertThat(ids()).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void unchangedSkippedAndFailedSourcesAreReportedAgainWithoutParsing() throws Exception {
    sources.put("/data", "bad.md", "FAIL").put("/data", "readme.md", "SKIP");
    reindex(false, "/data");
    sources.parses.clear();

    ImportReport report = reindex(false, "/data");

    assertThat(sources.totalParses()).isZero();
    assertThat(report.failures()).containsExactly("bad.md:3: no title");
    assertThat(report.skips()).containsExactly("readme.md: not an episode");
  }

  @Test
  void aSkippedSourceThatBecomesAnEpisodeIsParsedAndAdded() throws Exception {
    sources.put("/data", "later.md", "SKIP");
    reindex(false, "/data");
    sources.put("/data", "later.md", "l1 Later");

    ImportReport report = reindex(false, "/data");

    assertThat(report.total(Change.ADDED)).isEqualTo(new Tally(1, 1));
    assertThat(ids()).contains("l1");
  }

  @Test
  void rememberedOutcomesOfAnotherOriginSurviveAReindexOfThisOne() throws Exception {
    sources.put("/other", "bad.md", "FAIL").put("/other", "x.md", "x1 Other");
    reindex(false, "/other");
    reindex(false, "/data");
    sources.parses.clear();

    ImportReport report = reindex(false, "/other");

    assertThat(sources.totalParses()).isZero();
    assertThat(report.failures()).containsExactly("bad.md:3: no title");
  }

  @Test
  void aSourceThatFailsAfterBeingIndexedKeepsItsOldEpisodes() throws Exception {
    reindex(false, "/data");
    sources.put("/data", "b.md", "FAIL");

    reindex(false, "/data");

    assertThat(ids()).contains("b1");
  }

  @Test
  void aSourceThatBecomesANonEpisodeIsDeleted() throws Exception {
    reindex(false, "/data");
    sources.put("/data", "b.md", "SKIP");

    ImportReport report = reindex(false, "/data");

    assertThat(report.total(Change.DELETED)).isEqualTo(new Tally(1, 1));
    assertThat(ids()).doesNotContain("b1");
  }

  @Test
  void anUnexpectedErrorMidRunLeavesThePreviousCommitIntact() throws Exception {
    reindex(false, "/data");
    Set<String> before = ids();
    sources.put("/data", "a.md", "a9 Replaced").put("/data", "e.md", "e1 New").put("/data", "c.md", "THROW");
    sources.remove("/data", "b.md");

    assertThatThrownBy(() -> reindex(false, "/data"))
        .isInstanceOf(ReindexAbortedException.class)
        .hasMessageContaining("c.md")
        .hasMessageContaining("parser bug")
        .hasMessageContaining("nothing was committed");
    assertThatThrownBy(() -> reindex(true, "/data")).isInstanceOf(ReindexAbortedException.class);

    assertThat(ids()).isEqualTo(before);
  }

  @Test
  void aSecondReindexOfTheSameIndexIsRefused() throws Exception {
    try (IndexUpdater running = IndexUpdater.open(index, false)) {
      assertThatThrownBy(() -> reindex(false, "/data")).isInstanceOf(IndexLockedException.class);
    }
  }

  @Test
  void commitRecordsTheRun() throws Exception {
    reindex(false, "/data");

    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(reader.getIndexCommit().getUserData())
          .containsEntry("sources_added", "3")
          .containsKey(IndexUpdater.COMMITTED_AT);
    }
  }

  @Test
  void aFolderNamedBesideAFolderItIsInIsImportedOnce(@TempDir Path data) throws Exception {
    Path sub = java.nio.file.Files.createDirectories(data.resolve("2023"));
    java.nio.file.Files.writeString(data.resolve("one.md"), "---\ntitle: One\n---\nThe first episode.\n");
    java.nio.file.Files.writeString(sub.resolve("two.md"), "---\ntitle: Two\n---\nThe second episode.\n");
    Reindexer real = new Reindexer(SourceReader.importer(), 2, Progress.none());

    ImportReport report = real.run(List.of(sub.toString(), data.toString()), index, false);

    assertThat(report.total(Change.ADDED).episodes()).isEqualTo(2);
    assertThat(ids()).hasSize(2);
  }

  private ImportReport reindex(boolean full, String... roots) throws Exception {
    return reindexer.run(List.of(roots), index, full);
  }

  private Set<String> ids() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      Bits live = MultiBits.getLiveDocs(reader);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live == null || live.get(i)) {
          ids.add(reader.storedFields().document(i).get(EpisodeSchema.ID));
        }
      }
    }
    return ids;
  }
}
