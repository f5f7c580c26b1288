package dev.podsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The reader side of the index: serves the latest commit of an index directory and picks up new commits made by
 * another process (a reindex) by itself.
 *
 * <p>The directory may not exist yet, or hold no commit: then {@link #available()} is false and {@link #withSearcher}
 * throws {@link IndexNotReadyException}; the background refresher opens the index as soon as a commit appears. Every
 * search goes through {@link #withSearcher}, the one place that acquires and releases a searcher.
 */
public final class EpisodeIndex implements AutoCloseable {
  /** How often the refresher looks for a new commit; a commit is served within about this long. */
  static final long REFRESH_MILLIS = 500;

  private static final Logger LOG = Logger.getLogger(EpisodeIndex.class.getName());

  private final Path path;
  private final ScheduledExecutorService refresher;
  private volatile Directory directory;
  private volatile SearcherManager manager;
  private volatile boolean closed;

  private final Consumer<EpisodeSearcher> warmer;

  private EpisodeIndex(Path path, Consumer<EpisodeSearcher> warmer) {
    this.path = path.toAbsolutePath().normalize();
    this.warmer = warmer;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "podsearch-index-refresher");
              t.setDaemon(true);
              return t;
            });
  }

  /** Serves the index in {@code path}, which may not exist yet; starts the background refresher. */
  public static EpisodeIndex open(Path path) {
    return open(path, s -> {});
  }

  /**
   * Serves the index in {@code path}; {@code warmer} prepares each new searcher (fills its caches) before it is
   * served, on the refresher thread rather than in a user's request.
   */
  public static EpisodeIndex open(Path path, Consumer<EpisodeSearcher> warmer) {
    EpisodeIndex index = new EpisodeIndex(path, warmer);
    index.tryOpen();
    index.refresher.scheduleWithFixedDelay(index::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    return index;
  }

  /** A function of a searcher that may read the index. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(EpisodeSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on the current searcher, acquired before and released after, whatever happens. */
  public <T> T withSearcher(SearcherFunction<T> work) {
    SearcherManager current = currentManager();
    IndexSearcher searcher;
    try {
      searcher = current.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      throw new IndexNotReadyException("the index at " + path + " is closing");
    }
    try {
      return work.apply((EpisodeSearcher) searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index at " + path, e);
    } finally {
      release(current, searcher);
    }
  }

  /** Whether there is a committed index to search. */
  public boolean available() {
    return !closed && (manager != null || tryOpen());
  }

  /** The index directory. */
  public Path path() {
    return path;
  }

  /** Bytes on disk of the index files (0 when there is no index). */
  public long sizeBytes() {
    Directory dir = directory;
    if (dir == null) {
      return 0;
    }
    long total = 0;
    try {
      for (String name : dir.listAll()) {
        total += fileSize(dir, name);
      }
    } catch (IOException e) {
      return total;
    }
    return total;
  }

  /** When the served commit was made: its recorded time, else the modification time of its segments file, or null. */
  public Instant lastCommit() {
    if (manager == null) {
      return null;
    }
    return withSearcher(s -> commitTime(s.getIndexReader()));
  }

  /** Checks for a new commit now rather than waiting for the refresher; true when a new one is being served. */
  public boolean refreshNow() {
    if (manager == null) {
      return tryOpen();
    }
    try {
      return manager.maybeRefresh();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // reverse order of opening: refresher, manager, directory
    // no interrupt: interrupting a thread in the middle of NIO reads closes the index files under everyone
    refresher.shutdown();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(manager);
    closeQuietly(directory);
  }

  private SearcherManager currentManager() {
    if (closed) {
      throw new IndexNotReadyException("the index at " + path + " is closing");
    }
    SearcherManager current = manager;
    if (current == null && tryOpen()) {
      current = manager;
    }
    if (current == null) {
      throw new IndexNotReadyException(
          "there is no index at " + path + " yet: run 'podsearch reindex' to build it");
    }
    return current;
  }

  private void refresh() {
    if (closed) {
      return;
    }
    try {
      if (manager == null) {
        tryOpen();
      } else {
        manager.maybeRefresh();
      }
    } catch (IOException | RuntimeException e) {
      // keep serving the last good commit; the next tick tries again
      LOG.log(Level.WARNING, "cannot refresh the index at " + path + ": " + e);
    }
  }

  private synchronized boolean tryOpen() {
    if (closed) {
      return false;
    }
    if (manager != null) {
      return true;
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    Directory dir = null;
    try {
      dir = FSDirectory.open(path);
      if (!DirectoryReader.indexExists(dir)) {
        dir.close();
        return false;
      }
      manager = new SearcherManager(InMemoryNorms.wrap(DirectoryReader.open(dir)), new Factory(warmer));
      directory = dir;
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "no usable index at " + path + " yet: " + e.getMessage());
      closeQuietly(dir);
      return false;
    }
  }

  private static void release(ReferenceManager<IndexSearcher> manager, IndexSearcher searcher) {
    try {
      manager.release(searcher);
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      LOG.log(Level.FINE, "release after close: " + e.getMessage());
    }
  }

  private static Instant commitTime(IndexReader reader) throws IOException {
    if (!(reader instanceof DirectoryReader dr) || !(dr.directory() instanceof FSDirectory fs)) {
      return null;
    }
    String committedAt = dr.getIndexCommit().getUserData().get(IndexUpdater.COMMITTED_AT);
    if (committedAt != null) {
      try {
        return Instant.parse(committedAt);
      } catch (java.time.format.DateTimeParseException e) {
        // fall back to the file time below
      }
    }
    String segments = dr.getIndexCommit().getSegmentsFileName();
    try {
      return Files.getLastModifiedTime(fs.getDirectory().resolve(segments)).toInstant();
    } catch (NoSuchFileException e) {
      return null; // the commit was replaced a moment ago
    }
  }

  private static long fileSize(Directory dir, String name) {
    try {
      return dir.fileLength(name);
    } catch (IOException e) {
      return 0; // deleted between listing and sizing
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot close " + c + ": " + e.getMessage());
    }
  }

  private static final class Factory extends SearcherFactory {
    private final Consumer<EpisodeSearcher> warmer;

    Factory(Consumer<EpisodeSearcher> warmer) {
      this.warmer = warmer;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      EpisodeSearcher searcher = new EpisodeSearcher(reader);
      try {
        warmer.accept(searcher);
      } catch (RuntimeException e) {
        // a cold cache is filled on first use instead; never refuse a new commit over it
        LOG.log(Level.WARNING, "cannot warm the new searcher: " + e.getMessage());
      }
      return searcher;
    }
  }
}
