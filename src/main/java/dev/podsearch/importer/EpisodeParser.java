package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses the sources of one format into episodes; one implementation per {@link Format}. */
interface EpisodeParser {

  /**
   * Parses a decoded source. Problems that can be worked around are added to {@code warnings} ("line 12: ..."); the
   * rest throw.
   *
   * @throws ParseException when the source is broken beyond use (names the line when known)
   * @throws NotAnEpisodeException when the source is deliberately not imported (e.g. a listing with no entries)
   */
  List<Episode> parse(SourceText source, List<String> warnings) throws ParseException, NotAnEpisodeException;
}
