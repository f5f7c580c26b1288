package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses JSON transcripts. */
final class JsonTranscriptParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    throw new ParseException(0, "JSON transcripts are not supported yet");
  }
}
