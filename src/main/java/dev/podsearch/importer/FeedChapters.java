package dev.podsearch.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.episode.Chapter;
import java.util.ArrayList;
import java.util.List;

/** Reads Podcasting 2.0 chapters files: {@code {"version": ..., "chapters": [{"startTime": 0, "title": "Intro"}]}}. */
final class FeedChapters {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FeedChapters() {}

  /** Whether a text is a chapters file (and not, say, a JSON transcript). */
  static boolean isChapters(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      return root != null && root.path("chapters").isArray() && !root.has("segments");
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * The titled chapters, in file order; chapters without a title or start time (e.g. location-only markers) are left
   * out.
   *
   * @throws ParseException when the text is not JSON or has no "chapters" array
   */
  static List<Chapter> parse(String json) throws ParseException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ParseException(line, "broken chapters JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("chapters").isArray()) {
      throw new ParseException(1, "not a chapters file: no \"chapters\" array");
    }
    List<Chapter> chapters = new ArrayList<>();
    for (JsonNode c : root.get("chapters")) {
      Double start = c.path("startTime").isNumber()
          ? Double.valueOf(c.path("startTime").asDouble())
          : TranscriptTimes.seconds(c.path("startTime").asText(null));
      String title = c.path("title").asText("").strip();
      if (start != null && start >= 0 && !title.isEmpty()) {
        chapters.add(new Chapter(start, title));
      }
    }
    return chapters;
  }
}
