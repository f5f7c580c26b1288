package dev.podsearch.importer;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Parses WebVTT transcripts: the WEBVTT header, optional cue ids, cue settings after the times, {@code <v Speaker>}
 * voice tags, NOTE/STYLE/REGION blocks (skipped), and the non-standard times some tools write ({@code 0.860 -->
 * 7.380}, or mm:ss.ttt without hours).
 */
final class WebVttParser implements EpisodeParser {
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ \\t>]*)?[ \\t]+([^>]+)>");

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    return List.of(TranscriptCues.episode(source, cues(source.text(), warnings)));
  }

  /** The cues of a WebVTT text; malformed cues become warnings. */
  List<Cue> cues(String text, List<String> warnings) throws ParseException {
    int warningsBefore = warnings.size();
    List<TranscriptBlocks.Block> blocks = TranscriptBlocks.read(text);
    if (blocks.isEmpty() || !blocks.get(0).first().startsWith("WEBVTT")) {
      warnings.add("line 1: no WEBVTT header; reading the cues anyway");
    }
    List<Cue> cues = new ArrayList<>();
    String speaker = null;
    for (TranscriptBlocks.Block block : blocks) {
      int timing = block.timingIndex();
      if (timing < 0) {
        warnUnlessMeta(block, warnings);
        continue;
      }
      int line = block.firstLine() + timing;
      TranscriptTiming times = TranscriptTiming.parse(block.lines().get(timing), line, warnings);
      if (times == null) {
        continue;
      }
      String raw = String.join(" ", block.lines().subList(timing + 1, block.lines().size()));
      Matcher voice = VOICE.matcher(raw);
      String cueSpeaker = voice.find() ? voice.group(1).strip() : null;
      String body = Parser.unescapeEntities(raw.replaceAll("<[^<>]*>", ""), false).strip();
      if (cueSpeaker != null) {
        speaker = cueSpeaker;
      } else {
        TranscriptCues.Prefixed prefixed = TranscriptCues.speakerPrefix(body);
        if (prefixed != null) {
          speaker = prefixed.speaker();
          body = prefixed.rest();
        }
      }
      Cue cue = TranscriptCues.cue(times.start(), times.end(), speaker, body, line, warnings);
      if (cue != null) {
        cues.add(cue);
      }
    }
    if (cues.isEmpty()) {
      throw TranscriptCues.nothingUsable("WebVTT", warnings, warningsBefore);
    }
    return cues;
  }

  private static void warnUnlessMeta(TranscriptBlocks.Block block, List<String> warnings) {
    String first = block.first();
    boolean meta = first.startsWith("WEBVTT") || first.startsWith("NOTE") || first.startsWith("STYLE")
        || first.startsWith("REGION");
    if (!meta) {
      warnings.add("line " + block.firstLine() + ": text without a cue time, skipped: " + FeedText.shorten(first));
    }
  }
}
