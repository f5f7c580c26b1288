package dev.podsearch.importer;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code itunes:duration} in the forms feeds use: seconds, mm:ss, hh:mm:ss, "1h 2m 3s", "62 min", PT1H2M. */
final class FeedDurations {
  private static final Pattern UNIT =
      Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b");
  private static final Pattern UNITS_ONLY = Pattern.compile("(?:\\s*\\d+(?:[.,]\\d+)?\\s*[a-z]+\\.?)+\\s*");

  /** "1 hour 2 minutes 3 seconds" is 30 characters; longer text is prose, and the units regex recurses per unit. */
  private static final int MAX_UNITS_LENGTH = 60;

  private FeedDurations() {}

  /** Whole seconds (rounded), or null when the text is blank or not a duration. */
  static Integer seconds(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    Double clock = TranscriptTimes.seconds(t);
    if (clock != null) {
      return (int) Math.round(clock);
    }
    if (t.startsWith("pt")) {
      return iso(t);
    }
    return t.length() <= MAX_UNITS_LENGTH && UNITS_ONLY.matcher(t).matches() ? withUnits(t) : null;
  }

  private static Integer iso(String t) {
    try {
      return Math.toIntExact(Duration.parse(t.toUpperCase(Locale.ROOT)).toSeconds());
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  private static Integer withUnits(String t) {
    Matcher m = UNIT.matcher(t);
    double total = 0;
    boolean any = false;
    while (m.find()) {
      double n = Double.parseDouble(m.group(1).replace(',', '.'));
      char unit = m.group(2).charAt(0);
      total += unit == 'h' ? n * 3600 : unit == 'm' ? n * 60 : n;
      any = true;
    }
    return any ? (int) Math.round(total) : null;
  }
}
