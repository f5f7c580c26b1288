package dev.podsearch.importer;

import java.io.IOException;

/**
 * Reads sources and turns each into a {@link ParseOutcome}: detects the format from the content, then hands the text to
 * that format's parser. Thread-safe: the reindex command parses sources in parallel.
 */
public final class Importer {

  /** Reads a source's bytes (a file, or a URL for feeds) and hashes them, for the incremental reindex to compare. */
  public SourceContent load(SourceRef ref) throws IOException {
    throw new UnsupportedOperationException("TODO: importer helper");
  }

  /** Parses loaded content; never throws: a problem becomes {@link ParseOutcome.Failed}. */
  public ParseOutcome parse(SourceContent content) {
    throw new UnsupportedOperationException("TODO: importer helper");
  }
}
