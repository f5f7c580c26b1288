package dev.podsearch.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads feed dates leniently: RFC 822 with or without weekday and comma, full or short month names, any zone, and ISO
 * 8601. Only the date as the publisher wrote it is kept: converting zones would move late-evening episodes to the next
 * day.
 */
final class FeedDates {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2}).*");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?:\\p{L}+\\.?,?\\s+)?(\\d{1,2})\\s+(\\p{L}+)\\.?,?\\s+(\\d{2,4})\\b.*");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?:\\p{L}+,?\\s+)?(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b.*");
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

  private FeedDates() {}

  /** The date, or null when the text is blank or not a date. */
  static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replaceAll("\\s+", " ");
    Matcher m = ISO.matcher(t);
    if (m.matches()) {
      return date(m.group(1), month(m.group(2)), m.group(3));
    }
    m = DAY_MONTH_YEAR.matcher(t);
    if (m.matches()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = MONTH_DAY_YEAR.matcher(t);
    if (m.matches()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    return null;
  }

  private static int month(String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(name);
    }
    String n = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (n.startsWith(MONTHS[i])) {
        return i + 1;
      }
    }
    return -1;
  }

  private static LocalDate date(String year, int month, String day) {
    int y = Integer.parseInt(year);
    // Two-digit years (RFC 822 allows them): 70-99 are last century.
    y = year.length() == 2 ? (y >= 70 ? 1900 + y : 2000 + y) : y;
    try {
      return LocalDate.of(y, month, Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
