package dev.podsearch.cli;

import dev.podsearch.importer.Importer;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceContent;
import dev.podsearch.importer.SourceRef;
import dev.podsearch.importer.SourceScanner;
import java.io.IOException;
import java.util.List;

/** What reindexing needs from the importer: list, read and parse sources. Tests replace it with hand-made sources. */
interface SourceReader {

  /** The sources under the roots the operator named; IllegalArgumentException names a missing root. */
  List<SourceRef> scan(List<String> roots);

  /** A source's bytes and hash. */
  SourceContent load(SourceRef ref) throws IOException;

  /** The source's episodes, skip or failure. */
  ParseOutcome parse(SourceContent content);

  /** The real importer. */
  static SourceReader importer() {
    SourceScanner scanner = new SourceScanner();
    Importer importer = new Importer();
    return new SourceReader() {
      @Override
      public List<SourceRef> scan(List<String> roots) {
        return scanner.scan(roots);
      }

      @Override
      public SourceContent load(SourceRef ref) throws IOException {
        return importer.load(ref);
      }

      @Override
      public ParseOutcome parse(SourceContent content) {
        return importer.parse(content);
      }
    };
  }
}
