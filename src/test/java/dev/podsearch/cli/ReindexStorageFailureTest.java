package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.podsearch.index.IndexUpdater;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A disk that fills up or refuses writes in the middle of a reindex: the command says so plainly (exit 3), and the
 * previous commit is still whole and served; the next reindex on a healthy disk works.
 */
class ReindexStorageFailureTest {
  @TempDir Path tmp;
  private Path corpus;
  private Path index;

  @BeforeEach
  void firstCommit() throws IOException {
    corpus = tmp.resolve("corpus");
    index = tmp.resolve("index");
    writeEpisodes(corpus, 0, 40);
    assertThat(reindex(healthy(), false).code).isEqualTo(ExitCodes.OK);
    assertThat(episodes(index)).isEqualTo(40);
    writeEpisodes(corpus, 40, 200);
  }

  @ParameterizedTest(name = "disk full after {0} bytes")
  @ValueSource(longs = {0, 2_000, 20_000, 100_000})
  void aFullDiskLeavesThePreviousCommitIntact(long bytes) throws IOException {
    Result run = reindex(fullAfter(bytes), false);

    assertThat(run.code).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(run.err).contains("No space left on device").contains("the index is as before").doesNotContain("\tat ");
    assertIntactWith(40);
    assertThat(reindex(healthy(), false).code).isEqualTo(ExitCodes.OK);
    assertIntactWith(200);
  }

  @Test
  void aFullDiskDuringAFullRebuildKeepsTheOldIndex() throws IOException {
    Result run = reindex(fullAfter(30_000), true);

    assertThat(run.code).isEqualTo(ExitCodes.NOT_DONE);
    assertIntactWith(40);
  }

  @Test
  void aReadOnlyIndexFolderIsAClearErrorAndChangesNothing() throws IOException {
    Result run = reindex(readOnly(), false);

    assertThat(run.code).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(run.err).containsIgnoringCase("read-only").contains("the index is as before");
    assertIntactWith(40);
  }

  @Test
  void aFileWhereTheIndexFolderShouldBeIsAClearError() throws IOException {
    Path blocked = tmp.resolve("not-a-folder");
    Files.writeString(blocked, "a file, not an index");
    Result run = reindexInto(blocked, healthy(), false);

    assertThat(run.code).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(run.err).contains(blocked.toString()).contains("not a folder").doesNotContain("\tat ");
    assertThat(Files.readString(blocked)).isEqualTo("a file, not an index");
  }

  /** chmod does not stop root, so this runs only as another user; the simulated read-only disk above always runs. */
  @Test
  void aChmodReadOnlyIndexFolderIsAClearError() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "chmod does not stop root from writing");
    Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Result run = reindex(healthy(), false);
      assertThat(run.code).isEqualTo(ExitCodes.NOT_DONE);
      assertThat(run.err).contains("the index is as before");
    } finally {
      Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertIntactWith(40);
  }

  private void assertIntactWith(int expected) throws IOException {
    assertThat(episodes(index)).isEqualTo(expected);
    try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      check.setChecksumsOnly(true);
      assertThat(check.checkIndex().clean).isTrue();
    }
  }

  static long episodes(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  static void writeEpisodes(Path folder, int from, int to) throws IOException {
    Files.createDirectories(folder);
    for (int i = from; i < to; i++) {
      Files.writeString(folder.resolve(String.format("ep-%04d.md", i)), episode(i, 0));
    }
  }

  /** A small Markdown episode; {@code version} changes its text. */
  static String episode(int i, int version) {
    return "---\ntitle: \"Episode " + i + " about queues and caches\"\ndate: 2023-01-" + (1 + i % 28)
        + "\ntags: [queues, t" + (i % 7) + "]\n---\n\nVersion " + version + ". We talk about back-pressure, retries,"
        + " idempotency keys and why the slowest request is never the one you sampled. " + "Padding words. ".repeat(20)
        + "\n";
  }

  private record Result(int code, String err) {}

  private Result reindex(Reindexer.Writers writers, boolean full) {
    return reindexInto(index, writers, full);
  }

  private Result reindexInto(Path dir, Reindexer.Writers writers, boolean full) {
    ReindexCommand command = new ReindexCommand();
    command.full = full;
    StringWriter err = new StringWriter();
    Reindexer reindexer = new Reindexer(SourceReader.importer(), 2, Progress.none(), writers);
    int code = command.run(reindexer, List.of(corpus.toString()), dir, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    return new Result(code, err.toString());
  }

  private static Reindexer.Writers healthy() {
    return IndexUpdater::open;
  }

  private static Reindexer.Writers fullAfter(long bytes) {
    return (dir, full) -> IndexUpdater.open(dir, full, d -> new LimitedDisk(d, bytes));
  }

  private static Reindexer.Writers readOnly() {
    return (dir, full) -> IndexUpdater.open(dir, full, ReadOnlyDisk::new);
  }

  /** Accepts {@code capacity} bytes of new files in all, then fails every write as a full disk does. */
  static final class LimitedDisk extends FilterDirectory {
    private final AtomicLong left;

    LimitedDisk(Directory in, long capacity) {
      super(in);
      left = new AtomicLong(capacity);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      return new Metered(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
      return new Metered(in.createTempOutput(prefix, suffix, context));
    }

    private final class Metered extends org.apache.lucene.store.FilterIndexOutput {
      Metered(IndexOutput out) {
        super("metered(" + out + ")", out.getName(), out);
      }

      @Override
      public void writeByte(byte b) throws IOException {
        take(1);
        out.writeByte(b);
      }

      @Override
      public void writeBytes(byte[] b, int offset, int length) throws IOException {
        take(length);
        out.writeBytes(b, offset, length);
      }

      private void take(long n) throws IOException {
        if (left.addAndGet(-n) < 0) {
          throw new IOException("No space left on device");
        }
      }
    }
  }

  /** A folder mounted read-only: listing and reading work, creating any file fails. */
  static final class ReadOnlyDisk extends FilterDirectory {
    ReadOnlyDisk(Directory in) {
      super(in);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      throw new AccessDeniedException(name, null, "Read-only file system");
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
      throw new AccessDeniedException(prefix, null, "Read-only file system");
    }
  }
}
