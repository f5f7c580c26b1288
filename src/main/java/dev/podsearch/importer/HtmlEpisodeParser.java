package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses HTML episode pages. */
final class HtmlEpisodeParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    throw new ParseException(0, "HTML episode pages are not supported yet");
  }
}
