package dev.podsearch.importer;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SubRip (SRT) transcripts: numbered cues, {@code 00:00:01,000 --> 00:00:04,000}, wrapped text lines. A cue
 * starting "Name: " names its speaker, who keeps speaking in the following cues until another name appears.
 */
final class SrtParser implements EpisodeParser {

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    return List.of(TranscriptCues.episode(source, cues(source.text(), warnings)));
  }

  /** The cues of an SRT text; malformed cues become warnings. */
  List<Cue> cues(String text, List<String> warnings) throws ParseException {
    int warningsBefore = warnings.size();
    List<Cue> cues = new ArrayList<>();
    String speaker = null;
    for (TranscriptBlocks.Block block : TranscriptBlocks.read(text)) {
      int timing = block.timingIndex();
      if (timing < 0 && block.lines().size() == 1 && block.first().matches("\\d+")) {
        continue; // a cue number cut off from its cue by a blank line
      }
      if (timing < 0) {
        warnings.add("line " + block.firstLine() + ": text without a cue time, skipped: " + FeedText.shorten(block.first()));
        continue;
      }
      int line = block.firstLine() + timing;
      TranscriptTiming times = TranscriptTiming.parse(block.lines().get(timing), line, warnings);
      if (times == null) {
        continue;
      }
      String body = String.join(" ", block.lines().subList(timing + 1, block.lines().size()));
      body = body.replaceAll("<[^>]{1,40}>", "").replaceAll("\\{\\\\[^}]*}", "").strip();
      TranscriptCues.Prefixed prefixed = TranscriptCues.speakerPrefix(body);
      if (prefixed != null) {
        speaker = prefixed.speaker();
        body = prefixed.rest();
      }
      Cue cue = TranscriptCues.cue(times.start(), times.end(), speaker, body, line, warnings);
      if (cue != null) {
        cues.add(cue);
      }
    }
    if (cues.isEmpty()) {
      throw TranscriptCues.nothingUsable("SRT", warnings, warningsBefore);
    }
    return cues;
  }
}
