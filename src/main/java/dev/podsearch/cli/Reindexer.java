package dev.podsearch.cli;

import dev.podsearch.cli.ImportReport.Change;
import dev.podsearch.episode.Episode;
import dev.podsearch.importer.FeedFetchException;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceContent;
import dev.podsearch.importer.SourceRef;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.index.IndexedSource;
import dev.podsearch.index.SourceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;

/**
 * Brings an index up to date with its sources in one commit: unchanged sources (same hash) are only hashed, changed
 * and new ones parsed in parallel and replaced, vanished ones deleted, but only within the folders scanned, so that
 * reindexing one folder leaves the others alone.
 */
final class Reindexer {
  private final SourceReader reader;
  private final int threads;
  private final Progress.Factory progress;
  private final Writers writers;
  /** The reader bound to the index of the current run (its feed cache lives there). */
  private SourceReader sources;

  /** Opens the index writer; tests pass one whose storage fails. */
  @FunctionalInterface
  interface Writers {
    IndexUpdater open(Path dir, boolean full) throws IOException;
  }

  Reindexer(SourceReader sources, int threads, Progress.Factory progress) {
    this(sources, threads, progress, IndexUpdater::open);
  }

  Reindexer(SourceReader sources, int threads, Progress.Factory progress, Writers writers) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.reader = sources;
    this.sources = sources;
    this.threads = threads;
    this.progress = progress;
    this.writers = writers;
  }

  /** The real importer, one thread per core. */
  static Reindexer withImporter(Progress.Factory progress) {
    return new Reindexer(SourceReader.importer(), Runtime.getRuntime().availableProcessors(), progress);
  }

  /**
   * Imports {@code roots} into the index at {@code indexDir} and commits once.
   *
   * @param full rebuild from nothing: every source is parsed and the index holds only these roots afterwards
   * @throws IllegalArgumentException naming a root that does not exist
   * @throws dev.podsearch.index.IndexLockedException when another reindex holds the index
   * @throws ReindexAbortedException on an unexpected error; nothing was committed
   */
  ImportReport run(List<String> roots, Path indexDir, boolean full) throws IOException, ReindexAbortedException {
    long start = System.nanoTime();
    sources = reader.forIndex(indexDir);
    List<SourceRef> refs = scan(roots);
    ImportReport report = new ImportReport();
    try (IndexUpdater updater = writers.open(indexDir, full)) {
      try {
        Set<String> folders = folderOrigins(roots, refs);
        Set<String> origins = new LinkedHashSet<>(folders);
        refs.forEach(r -> origins.add(r.origin()));
        Map<String, IndexedSource> known = known(updater, origins);
        UnindexedSources unindexed = UnindexedSources.from(updater.committedData());
        importAll(refs, known, unindexed, updater, report);
        deleteVanished(refs, known(updater, folders), updater, report);
        report.took(Duration.ofNanos(System.nanoTime() - start));
        Map<String, String> data = new HashMap<>(report.commitData());
        data.put(UnindexedSources.KEY, unindexed.toJson(keys(refs), folders));
        updater.commit(data);
        sources.committed();
      } catch (IOException | RuntimeException | ReindexAbortedException e) {
        updater.rollback();
        throw e instanceof ReindexAbortedException r ? r : aborted("reindex failed", e);
      }
    }
    return report;
  }

  private List<SourceRef> scan(List<String> roots) throws ReindexAbortedException {
    try {
      // A file named on its own, or inside a folder named as well as an outer one, is still one source: the one of
      // the outermost named folder (the shortest origin), so "reindex data data/2023" indexes each episode once.
      Map<Object, SourceRef> byFile = new java.util.LinkedHashMap<>();
      for (SourceRef ref : sources.scan(roots)) {
        Object file = ref.path() != null ? ref.path() : ref.key();
        byFile.merge(file, ref, (kept, other) -> other.origin().length() < kept.origin().length() ? other : kept);
      }
      return List.copyOf(byFile.values());
    } catch (IllegalArgumentException usage) {
      throw usage;
    } catch (RuntimeException e) {
      throw aborted("cannot list the sources", e);
    }
  }

  /**
   * The origins whose every source was scanned: roots that are folders (or URLs). A single file's origin is its folder,
   * whose other sources were not scanned, so they must not count as vanished.
   */
  private static Set<String> folderOrigins(List<String> roots, List<SourceRef> refs) {
    Set<String> named = new HashSet<>();
    Set<String> folders = new LinkedHashSet<>();
    for (String root : roots) {
      named.add(root);
      if (Defaults.isUrl(root)) {
        folders.add(root);
        continue;
      }
      Path path = Path.of(root).toAbsolutePath().normalize();
      named.add(path.toString());
      if (Files.isDirectory(path)) {
        folders.add(path.toString());
      }
    }
    refs.stream().map(SourceRef::origin).filter(named::contains).forEach(folders::add);
    return folders;
  }

  private static Map<String, IndexedSource> known(IndexUpdater updater, Set<String> origins) throws IOException {
    Map<String, IndexedSource> known = new HashMap<>();
    for (String origin : origins) {
      known.putAll(updater.knownSources(origin));
    }
    return known;
  }

  private static Set<String> keys(List<SourceRef> refs) {
    Set<String> keys = new HashSet<>();
    refs.forEach(r -> keys.add(r.key()));
    return keys;
  }

  private void importAll(List<SourceRef> refs, Map<String, IndexedSource> known, UnindexedSources unindexed,
      IndexUpdater updater, ImportReport report) throws ReindexAbortedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try (Progress bar = progress.start("reindex", refs.size())) {
      ExecutorCompletionService<SourceRef> done = new ExecutorCompletionService<>(pool);
      for (SourceRef ref : refs) {
        done.submit(() -> importOne(ref, known.get(ref.key()), unindexed, updater, report), ref);
      }
      for (int i = 0; i < refs.size(); i++) {
        await(done);
        bar.step();
      }
    } finally {
      stop(pool);
    }
  }

  // After a failure, queued sources are dropped and running ones finish before the caller rolls the writer back.
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(ExecutorCompletionService<SourceRef> done) throws ReindexAbortedException {
    try {
      done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw aborted("reindex interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SourceException s ? aborted("reindex stopped at " + s.source, s.getCause())
          : aborted("reindex failed", cause);
    }
  }

  private void importOne(SourceRef ref, IndexedSource prior, UnindexedSources unindexed, IndexUpdater updater,
      ImportReport report) {
    try {
      SourceContent content;
      try {
        content = sources.load(ref, prior != null);
      } catch (FeedFetchException e) {
        report.fail(prior == null ? null : prior.format(), e.getMessage()); // names the URL and the reason
        return;
      } catch (IOException e) {
        report.fail(prior == null ? null : prior.format(), ref.source() + ": cannot read: " + describe(e));
        return;
      }
      report.read(content.bytes().length);
      if (prior != null && (content.isNotModified() || content.hash().equals(prior.hash()))) {
        report.count(prior.format(), Change.UNCHANGED, prior.episodes());
        return;
      }
      UnindexedSources.Entry before = unindexed.unchanged(ref.key(), content.hash());
      if (before != null) {
        replay(ref, before, prior, unindexed, report);
        return;
      }
      report.parsed();
      apply(sources.parse(content), content.hash(), prior, unindexed, updater, report);
    } catch (IOException | RuntimeException e) {
      throw new SourceException(ref.source(), e);
    }
  }

  // Same bytes as when it last gave no episodes: the same outcome, without parsing again.
  private static void replay(SourceRef ref, UnindexedSources.Entry entry, IndexedSource prior,
      UnindexedSources unindexed, ImportReport report) {
    unindexed.remember(ref.key(), entry);
    String format = prior == null ? null : prior.format();
    if (entry.failed()) {
      report.fail(format, entry.message());
    } else {
      report.skip(format, entry.message());
    }
  }

  private static void apply(ParseOutcome outcome, String hash, IndexedSource prior, UnindexedSources unindexed,
      IndexUpdater updater, ImportReport report) throws IOException {
    SourceRef ref = outcome.ref();
    String priorFormat = prior == null ? null : prior.format();
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      String format = formatName(parsed);
      SourceInfo info = new SourceInfo(ref.origin(), ref.source(), format, hash);
      List<Document> docs = new ArrayList<>(parsed.episodes().size());
      for (Episode episode : parsed.episodes()) {
        docs.add(EpisodeSchema.toDocument(episode, info));
      }
      updater.replaceSource(ref.key(), docs);
      report.count(format, prior == null ? Change.ADDED : Change.UPDATED, docs.size());
    } else if (outcome instanceof ParseOutcome.Skipped skipped) {
      if (prior != null) {
        // It used to be an episode and is not any more: its old episodes would be stale.
        updater.deleteSource(ref.key());
        report.count(priorFormat, Change.DELETED, prior.episodes());
      }
      String message = ref.source() + ": " + skipped.reason();
      unindexed.remember(ref.key(), new UnindexedSources.Entry(hash, false, message));
      report.skip(priorFormat, message);
    } else if (outcome instanceof ParseOutcome.Failed failed) {
      // A source that fails keeps its previously indexed episodes: better stale than gone because of a typo.
      unindexed.remember(ref.key(), new UnindexedSources.Entry(hash, true, failed.message()));
      report.fail(priorFormat, failed.message());
    }
  }

  private static void deleteVanished(List<SourceRef> refs, Map<String, IndexedSource> known, IndexUpdater updater,
      ImportReport report) throws IOException {
    Set<String> present = new HashSet<>();
    refs.forEach(r -> present.add(r.key()));
    for (Map.Entry<String, IndexedSource> entry : known.entrySet()) {
      if (!present.contains(entry.getKey())) {
        updater.deleteSource(entry.getKey());
        report.count(entry.getValue().format(), Change.DELETED, entry.getValue().episodes());
      }
    }
  }

  static String formatName(ParseOutcome.Parsed parsed) {
    return parsed.format() == null ? ImportReport.NO_FORMAT : parsed.format().name().toLowerCase(Locale.ROOT);
  }

  private static String describe(Throwable e) {
    // The disk's own words first: after a write fails, other threads see only "this IndexWriter is closed" (whose cause
    // is that failure), and whichever thread reports first must still name the full or read-only disk.
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static ReindexAbortedException aborted(String what, Throwable cause) {
    return new ReindexAbortedException(what + ": " + describe(cause) + "; nothing was committed, the index is as before",
        cause);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "reindex-worker");
      t.setDaemon(true);
      return t;
    };
  }

  /** Carries the source an unexpected error happened on to the thread that aborts the run. */
  private static final class SourceException extends RuntimeException {
    final String source;

    SourceException(String source, Throwable cause) {
      super(cause);
      this.source = source;
    }
  }
}
