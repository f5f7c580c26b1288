package dev.podsearch.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the text parsers: whitespace, shortening, names from file names, timestamps. */
final class Texts {
  private Texts() {}

  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F\\u200B]+");
  private static final Pattern MANY_BREAKS = Pattern.compile("\\n{3,}");
  /** Words kept lower case inside a title (not at its start). */
  private static final Set<String> MINOR_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
      "on", "or", "the", "to", "with", "vs");

  /** True when the string is null or only whitespace, counting no-break spaces as whitespace. */
  static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  /** Collapses runs of spaces (including no-break spaces) and trims; keeps no line breaks. */
  static String clean(String s) {
    return s == null ? "" : SPACES.matcher(s.replace('\n', ' ').replace('\r', ' ')).replaceAll(" ").strip();
  }

  /** Trims every line, collapses spaces inside lines and keeps at most one blank line between paragraphs. */
  static String cleanLines(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      String l = SPACES.matcher(line).replaceAll(" ").strip();
      out.append(l).append('\n');
    }
    return MANY_BREAKS.matcher(out).replaceAll("\n\n").strip();
  }

  /** Cuts {@code s} to at most {@code max} characters at a word boundary, adding an ellipsis when cut. */
  static String shorten(String s, int max) {
    String c = clean(s);
    if (c.length() <= max) {
      return c;
    }
    int cut = c.lastIndexOf(' ', max - 1);
    String head = c.substring(0, cut > max / 2 ? cut : max - 1);
    return head.replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
  }

  /** The first sentence of a paragraph (up to the first ". ", "? " or "! "), or the whole paragraph. */
  static String firstSentence(String paragraph) {
    String p = clean(paragraph);
    Matcher m = Pattern.compile("[.?!](\\s+)(?=[A-Z\"“(])").matcher(p);
    return m.find() ? p.substring(0, m.start() + 1) : p;
  }

  /** Turns a slug or folder name ("go-time", "some_show") into words with capitals ("Go Time", "Some Show"). */
  static String prettify(String slug) {
    List<String> words = new ArrayList<>();
    for (String w : slug.split("[-_.\\s]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String lower = w.toLowerCase(Locale.ROOT);
      String word = i > 0 && MINOR_WORDS.contains(lower) ? lower
          : w.equals(lower) ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
      out.append(i == 0 ? "" : " ").append(word);
    }
    return out.toString();
  }

  /** The file name without its extensions ("go-time-12.md" gives "go-time-12", "talk.es.md" gives "talk"). */
  static String baseName(String fileName) {
    String name = fileName;
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    // A language suffix as in "talk.es" is a translation of the same episode, not part of the name.
    return name.replaceFirst("\\.[a-z]{2}(-[A-Za-z]{2})?$", "");
  }

  /**
   * Seconds of a clock time "ss", "mm:ss" or "hh:mm:ss" (minutes may exceed 59 as in "100:20"), or -1 when it is not
   * one.
   */
  static int clockSeconds(String time) {
    String[] parts = time.trim().split(":");
    if (parts.length < 1 || parts.length > 3) {
      return -1;
    }
    int total = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      total = total * 60 + Integer.parseInt(part);
    }
    return total;
  }

  /** The 1-based line number of a character offset in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
