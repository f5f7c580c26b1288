package dev.podsearch.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the many ways front matter and pages write a publication date, and durations. */
final class Dates {
  private Dates() {}

  private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:$|[T\\s_])");
  private static final Pattern PATH_DATE = Pattern.compile("(?:^|[/_-])((?:19|20)\\d{2})[-/](\\d{2})[-/](\\d{2})(?=[-/_.]|$)");
  private static final List<DateTimeFormatter> TEXT_FORMATS = List.of(
      formatter("EEE, d MMM yyyy"),
      formatter("EEEE, d MMMM yyyy"),
      formatter("d MMM yyyy"),
      formatter("d MMMM yyyy"),
      formatter("MMM d, yyyy"),
      formatter("MMMM d, yyyy"),
      formatter("MMM d yyyy"),
      formatter("MMMM d yyyy"),
      formatter("EEEE, MMMM d, yyyy"),
      formatter("EEE, MMM d, yyyy"));
  private static final Pattern DURATION_WORDS = Pattern.compile(
      "(?i)^(?:(\\d+)\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d+)\\s*m(?:in(?:utes?|s)?)?)?\\s*(?:(\\d+)\\s*s(?:ec(?:onds?|s)?)?)?$");

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
  }

  /**
   * A date from a front matter value: ISO dates and date-times, "2022/10/18", "Oct 18, 2022", RFC 1123, or epoch
   * seconds or milliseconds; null when it is none of these.
   */
  static LocalDate parse(Object value) {
    if (value instanceof Number n) {
      return fromEpoch(n.longValue());
    }
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    String v = Texts.clean(s);
    if (v.matches("\\d{9,13}")) {
      return fromEpoch(Long.parseLong(v));
    }
    Matcher iso = ISO_PREFIX.matcher(v);
    if (iso.find()) {
      return of(iso.group(1), iso.group(2), iso.group(3));
    }
    String words = v.replaceAll("(\\d)(st|nd|rd|th)\\b", "$1").replaceAll("\\s+\\d{1,2}:\\d{2}.*$", "");
    for (DateTimeFormatter f : TEXT_FORMATS) {
      try {
        return LocalDate.parse(words, f);
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    return null;
  }

  /** A date written into a path, as Docusaurus and Jekyll do: "2022/02-25-slug", "2022-02-25-slug", "2022/02/25/". */
  static LocalDate fromPath(String path) {
    Matcher m = PATH_DATE.matcher(path);
    LocalDate found = null;
    while (m.find()) {
      found = of(m.group(1), m.group(2), m.group(3));
    }
    return found;
  }

  private static LocalDate fromEpoch(long n) {
    // Values past the year 2286 in seconds are milliseconds.
    long seconds = n > 9_999_999_999L ? n / 1000 : n;
    return seconds <= 0 ? null : Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate of(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Seconds of a duration: "1:02:03", "62:03", "3723", "PT1H2M3S", "1h 2m", "45 min"; null when unreadable. */
  static Integer durationSeconds(Object value) {
    if (value instanceof Number n) {
      return n.intValue() > 0 ? n.intValue() : null;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    String v = Texts.clean(s);
    if (v.contains(":")) {
      int secs = Texts.clockSeconds(v.replaceAll("\\.\\d+$", ""));
      return secs > 0 ? secs : null;
    }
    if (v.matches("\\d+")) {
      return Integer.parseInt(v);
    }
    if (v.startsWith("PT") || v.startsWith("pt")) {
      try {
        return (int) java.time.Duration.parse(v.toUpperCase(Locale.ROOT)).getSeconds();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = DURATION_WORDS.matcher(v);
    if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
      return 3600 * num(m.group(1)) + 60 * num(m.group(2)) + num(m.group(3));
    }
    return null;
  }

  private static int num(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }
}
