package dev.podsearch.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the clock times of transcripts and feeds: {@code 01:02:03,500}, {@code 02:03.5}, {@code 1:02}, {@code 0.860}. */
final class TranscriptTimes {
  // Digit counts are bounded so that no time overflows a long (a garbled "99999999999999999999" is simply no time).
  private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,6}):)?(\\d{1,7}):(\\d{1,2})(?:[.,](\\d{1,9}))?");
  private static final Pattern PLAIN_SECONDS = Pattern.compile("(\\d{1,10})(?:[.,](\\d{1,9}))?");

  private TranscriptTimes() {}

  /** Seconds from a clock time or plain seconds, or null when the text is not a time. */
  static Double seconds(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    Matcher clock = CLOCK.matcher(t);
    if (clock.matches()) {
      return fromClock(clock);
    }
    Matcher plain = PLAIN_SECONDS.matcher(t);
    if (plain.matches()) {
      return withFraction(Long.parseLong(plain.group(1)), plain.group(2));
    }
    return null;
  }

  private static Double fromClock(Matcher m) {
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = Long.parseLong(m.group(2));
    long secs = Long.parseLong(m.group(3));
    // Minutes may run past 59 ("75:30", "00:60:05" in real feeds); seconds past 59 mean a garbled time.
    if (secs > 59) {
      return null;
    }
    return withFraction(hours * 3600 + minutes * 60 + secs, m.group(4));
  }

  /** Whole seconds plus decimal digits, parsed as one decimal so that 7.738 stays 7.738 (not 7.7379999...). */
  private static double withFraction(long whole, String digits) {
    return digits == null ? whole : Double.parseDouble(whole + "." + digits);
  }
}
