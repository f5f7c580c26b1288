package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Parses HTML transcripts. */
final class HtmlTranscriptParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    throw new ParseException(0, "HTML transcripts are not supported yet");
  }
}
