package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses WebVTT transcripts. */
final class WebVttParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    throw new ParseException(0, "WebVTT transcripts are not supported yet");
  }
}
