package dev.podsearch.cli;

import dev.podsearch.importer.FeedFetcher;
import dev.podsearch.importer.Importer;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceContent;
import dev.podsearch.importer.SourceRef;
import dev.podsearch.importer.SourceScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What reindexing needs from the importer: list, read and parse sources. Tests replace it with hand-made sources. */
interface SourceReader {

  /** The sources under the roots the operator named; IllegalArgumentException names a missing root. */
  List<SourceRef> scan(List<String> roots);

  /** A source's bytes and hash. */
  SourceContent load(SourceRef ref) throws IOException;

  /**
   * A source's bytes and hash; a feed the index already holds ({@code indexed}) may be fetched conditionally and come
   * back {@link SourceContent#notModified}.
   */
  default SourceContent load(SourceRef ref, boolean indexed) throws IOException {
    return load(ref);
  }

  /** The source's episodes, skip or failure. */
  ParseOutcome parse(SourceContent content);

  /** This reader for a reindex of the index in {@code indexDir}: feeds are fetched with that index's feed cache. */
  default SourceReader forIndex(Path indexDir) {
    return this;
  }

  /** Called once the reindex is committed: keeps what is worth remembering for the next run (feed validators). */
  default void committed() {}

  /** The real importer. */
  static SourceReader importer() {
    return new ImporterReader(null);
  }

  /** The importer, with feed URLs fetched conditionally when {@code feeds} is given. */
  final class ImporterReader implements SourceReader {
    private final SourceScanner scanner = new SourceScanner();
    private final Importer importer = new Importer();
    private final FeedFetcher feeds;

    ImporterReader(FeedFetcher feeds) {
      this.feeds = feeds;
    }

    @Override
    public List<SourceRef> scan(List<String> roots) {
      return scanner.scan(roots);
    }

    @Override
    public SourceContent load(SourceRef ref) throws IOException {
      return load(ref, false);
    }

    @Override
    public SourceContent load(SourceRef ref, boolean indexed) throws IOException {
      return feeds != null && ref.path() == null ? feeds.load(ref, indexed) : importer.load(ref);
    }

    @Override
    public ParseOutcome parse(SourceContent content) {
      ParseOutcome outcome = importer.parse(content);
      if (feeds != null && content.ref().path() == null && outcome instanceof ParseOutcome.Failed) {
        feeds.forget(content.ref().source());
      }
      return outcome;
    }

    @Override
    public SourceReader forIndex(Path indexDir) {
      return new ImporterReader(new FeedFetcher(indexDir));
    }

    @Override
    public void committed() {
      if (feeds == null) {
        return;
      }
      try {
        feeds.saveCache();
      } catch (IOException e) {
        // The index is committed; a cache that could not be written only costs full downloads next time.
      }
    }
  }
}
