package dev.podsearch.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses Podcasting 2.0 JSON transcripts: {@code {"version": ..., "segments": [{startTime, endTime, speaker, body}]}}.
 * Consecutive segments with the same times and speaker (tools split one caption into several lines) become one cue,
 * and word-by-word transcripts are grouped into phrases.
 */
final class JsonTranscriptParser implements EpisodeParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException, NotAnEpisodeException {
    if (FeedChapters.isChapters(source.text())) {
      throw new NotAnEpisodeException("a Podcasting 2.0 chapters file, not a transcript");
    }
    return List.of(TranscriptCues.episode(source, cues(source.text(), warnings)));
  }

  /** The cues of a JSON transcript; segments without usable times become warnings. */
  List<Cue> cues(String text, List<String> warnings) throws ParseException {
    int warningsBefore = warnings.size();
    List<Cue> cues = new ArrayList<>();
    boolean sawSegments = false;
    try (JsonParser p = MAPPER.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ParseException(line(p), "not a JSON transcript: expected an object with \"segments\"");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("segments".equals(field) && value == JsonToken.START_ARRAY) {
          sawSegments = true;
          readSegments(p, cues, warnings);
        } else {
          p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ParseException(line, "broken JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ParseException(0, "cannot read JSON: " + e.getMessage());
    }
    if (!sawSegments) {
      throw new ParseException(1, "not a JSON transcript: no \"segments\" array");
    }
    if (cues.isEmpty()) {
      throw TranscriptCues.nothingUsable("JSON transcript", warnings, warningsBefore);
    }
    return TranscriptCues.groupWords(cues);
  }

  private static void readSegments(JsonParser p, List<Cue> cues, List<String> warnings) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int line = line(p);
      JsonNode segment = p.readValueAsTree();
      Cue cue = segment != null && segment.isObject() ? cue(segment, line, warnings) : null;
      if (cue == null) {
        continue;
      }
      Cue last = cues.isEmpty() ? null : cues.get(cues.size() - 1);
      if (last != null && last.start() == cue.start() && last.end() == cue.end()
          && Objects.equals(last.speaker(), cue.speaker())) {
        cues.set(cues.size() - 1, new Cue(last.start(), last.end(), last.speaker(), last.text() + " " + cue.text()));
      } else {
        cues.add(cue);
      }
    }
  }

  private static Cue cue(JsonNode segment, int line, List<String> warnings) {
    Double start = time(segment.get("startTime"));
    Double end = segment.has("endTime") ? time(segment.get("endTime")) : start;
    if (start == null || end == null) {
      warnings.add("line " + line + ": segment without a readable startTime/endTime, skipped");
      return null;
    }
    String body = segment.path("body").asText("");
    return TranscriptCues.cue(start, end, segment.path("speaker").asText(null), body, line, warnings);
  }

  private static Double time(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isNumber() ? Double.valueOf(n.asDouble()) : TranscriptTimes.seconds(n.asText());
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
