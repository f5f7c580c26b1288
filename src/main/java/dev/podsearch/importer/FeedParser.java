package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses RSS and Atom feeds. */
final class FeedParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    throw new ParseException(0, "RSS and Atom feeds are not supported yet");
  }
}
