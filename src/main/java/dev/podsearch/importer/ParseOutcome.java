package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** What became of one source: its episodes, a deliberate skip, or a failure with its reason. */
public sealed interface ParseOutcome {

  SourceRef ref();

  /** The source parsed; {@code warnings} are problems that were worked around (each names a line when known). */
  record Parsed(SourceRef ref, Format format, List<Episode> episodes, List<String> warnings) implements ParseOutcome {}

  /** The source is not an episode (a README, a licence, a listing page with no entries); not an error. */
  record Skipped(SourceRef ref, String reason) implements ParseOutcome {}

  /** The source could not be parsed; {@code line} is 0 when unknown. */
  record Failed(SourceRef ref, int line, String reason) implements ParseOutcome {
    /** "file:line: reason", the one line an operator reads. */
    public String message() {
      return ref.source() + (line > 0 ? ":" + line : "") + ": " + reason;
    }
  }
}
