package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses SRT transcripts. */
final class SrtParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    throw new ParseException(0, "SRT transcripts are not supported yet");
  }
}
