package dev.podsearch.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The start and end of one SRT or WebVTT cue, read from its {@code start --> end [settings]} line. */
record TranscriptTiming(double start, double end) {
  private static final Pattern LINE = Pattern.compile("^\\s*(\\S+)\\s*-->\\s*(\\S+)(?:\\s+.*)?$");

  /** The times, or null (with a warning naming the line) when either is unreadable. */
  static TranscriptTiming parse(String line, int lineNumber, List<String> warnings) {
    Matcher m = LINE.matcher(line);
    Double start = m.matches() ? TranscriptTimes.seconds(m.group(1)) : null;
    Double end = m.matches() ? TranscriptTimes.seconds(m.group(2)) : null;
    if (start == null || end == null) {
      warnings.add("line " + lineNumber + ": unreadable cue time '" + FeedText.shorten(line.strip()) + "', cue skipped");
      return null;
    }
    return new TranscriptTiming(start, end);
  }
}
