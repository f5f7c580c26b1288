package dev.podsearch.importer;

import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the people of an episode in a page: sections or lines labelled Hosts, Guests, Panel (also in Portuguese,
 * Spanish, French and German), bylines, and a trailing "with Jane Doe" in the title.
 */
final class HtmlPeople {
  private HtmlPeople() {}

  private static final String LABEL = "(?:co-?hosts?|hosts?|hosted by|your hosts?|presenters?|presented by|"
      + "special guests?|guests?|featuring|feat\\.|panel|panel(?:l)?ists?|with|"
      + "apresentador(?:es|as|a)?|apresentação|convidad[oa]s?|participantes?|participants?|"
      + "anfitri(?:ón|ones)|presentador(?:es|as|a)?|invitad[oa]s?|"
      + "animat(?:eur|eurs|rice|rices)|invité(?:e|s|es)?|gäste|gasten|gast|moderation|moderator(?:en|in)?|"
      + "ospit[ei]|conduttor[ei]|presentator(?:en)?)";
  private static final String PREFIX =
      "(?:(?:episode|special|our|today'?s|this week'?s|your|os|as|nossos?|nossas?)\\s+)?";
  private static final Pattern LABEL_ONLY =
      Pattern.compile("(?iu)^\\W{0,3}" + PREFIX + LABEL + "(?:\\s+(?:do|da|de|of the)\\s+epis[oó]dio)?\\s*[:：]?$");
  private static final Pattern LABEL_LINE =
      Pattern.compile("(?iu)^\\W{0,3}(" + PREFIX + LABEL + ")\\s*[:：]\\s*(.+)$");
  private static final Pattern LABEL_PHRASE = Pattern.compile(
      "(?iu)^\\W{0,3}(hosted by|presented by|featuring|with special guests?|apresentado por|com participação de|"
          + "com (?:os |as |o |a )?convidad[oa]s?)\\s+(.+)$");
  private static final Pattern WITH_IN_TITLE = Pattern.compile(
      "(?u)\\s(?:with|com|con|avec|mit)\\s+((?:\\p{Lu}[\\p{L}'’.-]*\\s?){2,4}"
          + "(?:(?:,|\\s&|\\sand|\\se|\\sy|\\set|\\sund)\\s*(?:\\p{Lu}[\\p{L}'’.-]*\\s?){2,4})*)$");
  private static final int MAX_TITLE = 300;
  private static final Set<String> PARTICLES =
      Set.of("da", "de", "do", "dos", "das", "di", "du", "del", "der", "den", "van", "von", "la", "le", "y", "bin");
  private static final Set<String> NOT_NAMES = Set.of("tba", "tbd", "none", "n/a", "admin", "administrator",
      "anonymous", "unknown", "staff", "team", "editor", "episode", "sponsor", "transcript");
  private static final String BYLINE = "[rel=author], [itemprop=author], .byline, .author, .authors, .post-author, "
      + ".post-authors, .entry-author, .author-name, .posted-by";

  /** The role a label stands for: hosts and panels host, guests and "featuring" are guests. */
  static Role roleOf(String label) {
    String l = HtmlValues.plain(label);
    if (l.matches(".*(host|present|apresent|anfitri|animat|moderat|condutt|panel).*")) {
      return Role.HOST;
    }
    if (l.matches(".*(guest|convidad|invit|gast|gaste|ospit|featuring|feat|with).*")) {
      return Role.GUEST;
    }
    return Role.UNKNOWN;
  }

  /** People named in labelled sections and lines within {@code scope}, in page order. */
  static List<Person> labelled(Element scope) {
    List<Person> out = new ArrayList<>();
    Set<Element> shallow = shallowElements(scope);
    for (Element e : scope.select("h1, h2, h3, h4, h5, h6, dt, th, p, div, li, dd, td, strong, b, span, label")) {
      if (!shallow.contains(e)) {
        continue;
      }
      String text = HtmlText.line(e.text());
      if (text.isEmpty() || text.length() > 300) {
        continue;
      }
      if (LABEL_ONLY.matcher(text).matches() && e.is("h1, h2, h3, h4, h5, h6, dt, th, p, div, strong, b")) {
        Role role = roleOf(text);
        for (String name : namesAfterLabel(e)) {
          out.add(new Person(name, role));
        }
      } else if (!hasBlockChild(e)) {
        out.addAll(fromLines(HtmlText.render(e).split("\n")));
      }
    }
    return out;
  }

  /** No page nests a label this deep; only hostile markup does, and there text() of every element is quadratic. */
  static final int MAX_LABEL_DEPTH = 100;

  // One walk that records depth; identity, because equal-looking elements are different labels.
  private static Set<Element> shallowElements(Element scope) {
    Set<Element> shallow = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
      if (depth <= MAX_LABEL_DEPTH && node instanceof Element element) {
        shallow.add(element);
      }
    }, scope);
    return shallow;
  }

  /** "Label: names" lines, "Hosted by names" lines, and a label line followed by a line of names. */
  private static List<Person> fromLines(String[] lines) {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LABEL_LINE.matcher(lines[i]);
      if (!m.matches()) {
        m = LABEL_PHRASE.matcher(lines[i]);
      }
      if (m.matches()) {
        Role role = roleOf(m.group(1));
        split(m.group(2)).forEach(name -> out.add(new Person(name, role)));
      } else if (i + 1 < lines.length && LABEL_ONLY.matcher(lines[i]).matches()) {
        Role role = roleOf(lines[i]);
        split(lines[i + 1]).forEach(name -> out.add(new Person(name, role)));
      }
    }
    return out;
  }

  private static boolean hasBlockChild(Element e) {
    return e.selectFirst("> p, > div, > ul, > ol, > li, > h1, > h2, > h3, > h4, > h5, > h6, > table, > dl") != null;
  }

  /** Names that follow a label element: the rest of its line, or the list or paragraph after a heading. */
  private static List<String> namesAfterLabel(Element label) {
    if (label.is("strong, b") && label.parent() != null) {
      String rest = HtmlText.line(label.parent().text()).replaceFirst("^.*?" + Pattern.quote(label.text()), "");
      return split(rest.replaceFirst("^\\s*[:：]", ""));
    }
    List<String> names = new ArrayList<>();
    Element next = label.nextElementSibling();
    for (int i = 0; next != null && i < 3 && !next.is("h1, h2, h3, h4, h5, h6, dt, hr"); i++) {
      if (next.is("ul, ol") || next.children().size() >= 2 && !next.is("p")) {
        for (Element item : next.children()) {
          names.addAll(split(firstPart(item)));
        }
        return names;
      }
      names.addAll(split(firstPart(next)));
      if (!names.isEmpty() && !next.is("dd")) {
        return names;
      }
      next = next.nextElementSibling();
    }
    return names;
  }

  /** A list item's name part: its leading link, or its text up to the first dash, colon or parenthesis. */
  private static String firstPart(Element li) {
    Element heading = li.selectFirst("h1, h2, h3, h4, h5, h6, strong, b, [class*=name]");
    if (heading != null && !heading.text().isBlank()) {
      return heading.text();
    }
    Element a = li.selectFirst("a");
    String text = HtmlText.line(li.text());
    if (a != null && text.startsWith(HtmlText.line(a.text())) && !a.text().isBlank()) {
      return a.text();
    }
    return text.split("\\s[-–—:|]\\s|\\(|:")[0];
  }

  /** People named by bylines (author elements) within {@code scope}, as hosts. */
  static List<Person> bylines(Element scope) {
    List<Person> out = new ArrayList<>();
    for (Element e : scope.select(BYLINE)) {
      String text = HtmlText.line(e.text()).replaceFirst("(?iu)^(by|por|von|par|autor(es)?|authors?)\\s*:?\\s+", "");
      for (String name : split(text)) {
        out.add(new Person(name, Role.HOST));
      }
    }
    return out;
  }

  /** Guests named at the end of a title: "Observability in CI/CD with Adriana Villela". */
  static List<Person> fromTitle(String title) {
    List<Person> out = new ArrayList<>();
    // Titles longer than a few lines are not titles; the name-list regex recurses once per name.
    Matcher m = title == null || title.length() > MAX_TITLE ? null : WITH_IN_TITLE.matcher(title.strip());
    if (m != null && m.find()) {
      for (String name : split(m.group(1))) {
        out.add(new Person(name, Role.GUEST));
      }
    }
    return out;
  }

  /** Splits "Jane Doe, John Roe and Max Mustermann (Acme)" into names, dropping anything that is not a name. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    String cleaned = s.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ")
        .replaceAll("\\b(?:Dr|Mr|Mrs|Ms|Prof|Sr|Sra|Dra)\\.?\\s+", "")
        .split("\\s[-–—|]\\s|(?<=\\p{Ll}{2})[.!?](\\s|$)")[0];
    for (String part : cleaned.split(",|;|/|&|\\s+(?:and|e|y|et|und)\\s+")) {
      String name = leadingName(part.strip().replaceFirst("^(?i)(and|e|y|et|und)\\s+", "").replaceFirst("^@", ""));
      if (name != null && looksLikeName(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** The capitalised words a phrase starts with ("Tom Baker from Acme" gives "Tom Baker"); null if not a name. */
  private static String leadingName(String phrase) {
    String[] words = phrase.strip().split("\\s+");
    int n = 0;
    while (n < words.length && !words[n].isEmpty()
        && (Character.isUpperCase(words[n].codePointAt(0)) || n > 0 && PARTICLES.contains(words[n].toLowerCase()))) {
      n++;
    }
    while (n > 0 && PARTICLES.contains(words[n - 1].toLowerCase())) {
      n--;
    }
    if (n == 0 || n == 1 && words.length > 1) {
      return null;
    }
    return String.join(" ", Arrays.copyOf(words, n));
  }

  /** One to six words, each capitalised (name particles aside), no digits, links or common non-names. */
  static boolean looksLikeName(String s) {
    if (s.length() < 2 || s.length() > 60 || s.matches(".*(\\d|http|www\\.|@).*")
        || NOT_NAMES.contains(s.toLowerCase())) {
      return false;
    }
    String[] words = s.split("\\s+");
    if (words.length > 6 || !Character.isUpperCase(s.codePointAt(0))
        || words.length == 1 && s.length() <= 5 && s.equals(s.toUpperCase())) {
      return false;
    }
    for (String w : words) {
      if (!Character.isUpperCase(w.codePointAt(0)) && !PARTICLES.contains(w.toLowerCase())) {
        return false;
      }
    }
    return true;
  }
}
