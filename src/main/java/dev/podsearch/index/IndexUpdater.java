package dev.podsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * The one writer of an index directory for one reindex run: replace and delete sources, then commit exactly once.
 *
 * <p>Until {@link #commit} readers keep seeing the previous commit; closing without a commit, or {@link #rollback},
 * throws every change away. Safe to call from several threads (IndexWriter is), except {@code commit}/{@code close}.
 */
public final class IndexUpdater implements Closeable {
  /** Commit user data key: when the commit was made (ISO instant). */
  public static final String COMMITTED_AT = "committed_at";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final boolean full;
  /** Whether every document is written anew (--full, or no index yet): then the commit merges to one segment. */
  private final boolean rebuild;
  private boolean finished;

  private IndexUpdater(Path path, Directory directory, IndexWriter writer, boolean full, boolean rebuild) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.full = full;
    this.rebuild = rebuild;
  }

  /**
   * Opens the writer of the index in {@code dir}, creating the folder if needed.
   *
   * @param full start from an empty index ({@code --full}); the old one stays visible until the commit
   * @throws IndexLockedException when another writer holds the index
   */
  public static IndexUpdater open(Path dir, boolean full) throws IOException {
    return open(dir, full, UnaryOperator.identity());
  }

  /**
   * Opens the writer with its directory wrapped by {@code storage}: the seam through which tests make the disk fail
   * (full, read-only) under a real reindex.
   */
  public static IndexUpdater open(Path dir, boolean full, UnaryOperator<Directory> storage) throws IOException {
    Files.createDirectories(dir);
    Directory directory = storage.apply(FSDirectory.open(dir));
    IndexWriterConfig config = new IndexWriterConfig(EpisodeSchema.analyzer());
    config.setSimilarity(EpisodeSchema.similarity());
    config.setOpenMode(full ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(256);
    try {
      boolean rebuild = full || !DirectoryReader.indexExists(directory);
      return new IndexUpdater(dir, directory, new IndexWriter(directory, config), full, rebuild);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(dir, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The folder this updater writes. */
  public Path path() {
    return path;
  }

  /** Source key to hash of the sources of {@code origin} in the last commit (none after a {@code --full} open). */
  public Map<String, String> knownHashes(String origin) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    knownSources(origin).forEach((key, source) -> hashes.put(key, source.hash()));
    return hashes;
  }

  /** The user data of the last commit (empty when there is none, or after a {@code --full} open). */
  public Map<String, String> committedData() throws IOException {
    if (full || !DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return Map.copyOf(reader.getIndexCommit().getUserData());
    }
  }

  /** Source key to what the last commit holds of it, for the sources of {@code origin}. */
  public Map<String, IndexedSource> knownSources(String origin) throws IOException {
    Map<String, IndexedSource> known = new HashMap<>();
    if (full || !DirectoryReader.indexExists(directory)) {
      return known;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        collect(leaf, new Term(EpisodeSchema.ORIGIN, origin), known);
      }
    }
    return known;
  }

  private static void collect(LeafReaderContext leaf, Term origin, Map<String, IndexedSource> known)
      throws IOException {
    PostingsEnum docs = leaf.reader().postings(origin, PostingsEnum.NONE);
    if (docs == null) {
      return;
    }
    Bits live = leaf.reader().getLiveDocs();
    SortedDocValues keys = DocValues.getSorted(leaf.reader(), EpisodeSchema.SOURCE_KEY);
    SortedDocValues hashes = DocValues.getSorted(leaf.reader(), EpisodeSchema.HASH);
    SortedDocValues formats = DocValues.getSorted(leaf.reader(), EpisodeSchema.FORMAT);
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (live == null || live.get(doc)) {
        known.merge(value(keys, doc), new IndexedSource(value(hashes, doc), value(formats, doc), 1),
            (a, b) -> new IndexedSource(a.hash(), a.format(), a.episodes() + 1));
      }
    }
  }

  // Postings come in doc order, so each doc values iterator only moves forward.
  private static String value(SortedDocValues values, int doc) throws IOException {
    return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
  }

  /** Replaces every document of a source with {@code docs} (made by {@link EpisodeSchema#toDocument}). */
  public void replaceSource(String sourceKey, List<Document> docs) throws IOException {
    writer.updateDocuments(new Term(EpisodeSchema.SOURCE_KEY, sourceKey), docs);
  }

  /** Deletes every document of a source. */
  public void deleteSource(String sourceKey) throws IOException {
    writer.deleteDocuments(new Term(EpisodeSchema.SOURCE_KEY, sourceKey));
  }

  /** Makes every change visible to readers at once, recording {@code userData} (plus the time) with the commit. */
  public void commit(Map<String, String> userData) throws IOException {
    if (finished) {
      throw new IllegalStateException("this reindex has already committed or rolled back");
    }
    Map<String, String> data = new HashMap<>(userData);
    data.putIfAbsent(COMMITTED_AT, java.time.Instant.now().toString());
    writer.setLiveCommitData(data.entrySet());
    try {
      if (rebuild) {
        // A rebuild rewrites everything anyway; one segment lets each search look up each term once instead of once
        // per segment (half the search time on the full corpus). Incremental runs leave merging to the policy.
        writer.forceMerge(1);
      }
      writer.commit();
    } catch (IOException | RuntimeException e) {
      rollback();
      throw e;
    }
    finished = true;
  }

  /** Throws every change away; the previous commit stays what readers see. */
  public void rollback() throws IOException {
    finished = true;
    if (writer.isOpen()) {
      writer.rollback();
    }
  }

  /** Releases the lock; changes not committed are thrown away. */
  @Override
  public void close() throws IOException {
    try {
      if (!finished) {
        rollback();
      } else if (writer.isOpen()) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
