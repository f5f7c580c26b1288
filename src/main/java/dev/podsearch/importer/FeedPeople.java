package dev.podsearch.importer;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits the free-text lists of feeds: author fields ("A, B and C", "john@example.com (John Doe)") and keywords. */
final class FeedPeople {
  private static final Pattern EMAIL_WITH_NAME = Pattern.compile("\\S+@\\S+\\s*\\(([^)]+)\\)");
  private static final Pattern NAME_WITH_EMAIL = Pattern.compile("([^<(]+?)\\s*[<(]\\S+@[^)>\\s]+[)>]");

  private FeedPeople() {}

  /** The names in an author field; bare e-mail addresses are dropped. */
  static List<String> names(String author) {
    if (author == null || author.isBlank()) {
      return List.of();
    }
    return Arrays.stream(author.split("\\s*(?:,|;|&|\\band\\b|\\bund\\b)\\s*"))
        .map(FeedPeople::nameOf)
        .filter(n -> !n.isEmpty() && !n.contains("@"))
        .distinct()
        .toList();
  }

  private static String nameOf(String part) {
    String p = part.strip();
    Matcher m = EMAIL_WITH_NAME.matcher(p);
    if (m.matches()) {
      return m.group(1).strip();
    }
    m = NAME_WITH_EMAIL.matcher(p);
    return m.matches() ? m.group(1).strip() : p;
  }

  /** The items of a comma-separated list (keywords), blanks dropped. */
  static List<String> splitList(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
