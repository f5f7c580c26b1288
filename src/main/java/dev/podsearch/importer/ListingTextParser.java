package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import dev.podsearch.episode.EpisodeBuilder;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the rendered text of an episode listing page: page chrome, then one entry per episode, each a block of one to
 * three people's names followed by the episode's paragraphs.
 *
 * <p>The text has no titles, dates or roles, so they are inferred: a name found on every entry is the host; the other
 * names are guests (or, when the names block has none, the person the text introduces as "Jane Doe is ..."); the
 * title is made from the guest and the sentence that introduces them.
 */
final class ListingTextParser implements EpisodeParser {

  private static final int MAX_TITLE = 100;
  /** Footer lines ("Have feedback? Contact us!") are shorter than this; episode paragraphs mostly longer. */
  private static final int SHORT = 160;
  /** Words that make a short capitalised line page chrome rather than a person's name. */
  private static final Set<String> CHROME_WORDS = Set.of("podcast", "podcasts", "episode", "episodes", "tag", "tags",
      "all", "view", "contact", "us", "skip", "main", "content", "home", "menu", "search", "blog", "about", "inc",
      "inc.", "llc", "ltd", "newsletter", "subscribe", "privacy", "terms", "copyright", "share", "next", "previous",
      "older", "newer", "posts", "read", "more", "page", "the", "our", "your", "sign", "log", "in", "up", "login",
      "docs", "pricing", "careers", "company", "products", "features", "follow", "latest", "recent", "archive",
      "listen", "watch", "on", "to", "we", "and", "or", "for", "with", "this", "that");
  private static final Set<String> NAME_PARTICLES = Set.of("de", "da", "di", "del", "van", "von", "der", "den", "la",
      "le", "du", "bin", "al", "el", "dos", "das", "ten", "ter", "y");
  private static final Pattern NAME_WORD = Pattern.compile("[\"“']?\\p{Lu}[\\p{L}'’.\\-]*[\"”']?");
  private static final Pattern CHROME_LINE = Pattern.compile(
      "(?i)^(skip to|view all|toggle|menu$|search$|home$|navigation|all posts|tags?$|main menu|close$)");
  private static final Pattern TITLE_SUFFIX = Pattern.compile(
      "(?i)\\s*[-–—|:]?\\s*(all\\s+)?(episodes?( list)?|archive|posts|show notes)$");
  private static final Pattern INTRODUCTION = Pattern.compile(
      "(?:^|[.!?]\\s+)(\\p{Lu}[\\p{L}'’\\-]+(?: \\p{Lu}[\\p{L}'’.\\-]*){1,2}) is (?:a |an |the )?"
          + "(?i:(?:co-?)?founder|ceo|cto|cfo|coo|vp|vice|head|director|engineer|manager|lead|senior|staff|principal|"
          + "chief|president|partner|developer|devops|architect|product|professor|researcher|author|maintainer|creator|"
          + "consultant|analyst|scientist|advocate|evangelist|member|owner|software|data|security|site|cloud|"
          + "general|executive|technical|open)");

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws NotAnEpisodeException {
    List<Paragraph> paragraphs = paragraphs(source.text());
    List<Integer> headers = headers(paragraphs);
    if (headers.isEmpty()) {
      throw new NotAnEpisodeException("listing text without entries (no block of names followed by a paragraph)");
    }
    Set<String> hosts = hosts(paragraphs, headers);
    String podcast = podcastName(paragraphs.subList(0, headers.get(0)));
    List<Episode> episodes = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      int from = headers.get(i) + 1;
      int to = i + 1 < headers.size() ? headers.get(i + 1) : withoutFooter(paragraphs, from);
      List<Paragraph> body = paragraphs.subList(from, to);
      episodes.add(entry(source, i + 1, paragraphs.get(headers.get(i)).lines(), body, hosts, podcast));
    }
    return episodes;
  }

  /** True when the text has at least one entry: a block of names followed by a prose paragraph. */
  static boolean looksLikeListing(String text) {
    return !headers(paragraphs(text)).isEmpty();
  }

  /** A run of non-blank lines; {@code line} is the 1-based line it starts on. */
  record Paragraph(List<String> lines, int line) {
    String text() {
      return String.join("\n", lines);
    }

    int length() {
      return lines.stream().mapToInt(String::length).sum();
    }
  }

  static List<Paragraph> paragraphs(String text) {
    List<Paragraph> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    String[] lines = text.split("\\r?\\n", -1);
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      if (Texts.isBlank(lines[i])) {
        if (!current.isEmpty()) {
          out.add(new Paragraph(List.copyOf(current), start + 1));
          current.clear();
        }
      } else {
        if (current.isEmpty()) {
          start = i;
        }
        current.add(lines[i].replace('\u00A0', ' ').stripTrailing());
      }
    }
    if (!current.isEmpty()) {
      out.add(new Paragraph(List.copyOf(current), start + 1));
    }
    return out;
  }

  /** Indexes of the paragraphs that start entries: blocks of names followed by a paragraph of prose. */
  private static List<Integer> headers(List<Paragraph> paragraphs) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i + 1 < paragraphs.size(); i++) {
      if (isNameBlock(paragraphs.get(i)) && isProse(paragraphs.get(i + 1))) {
        out.add(i);
      }
    }
    return out;
  }

  static boolean isNameBlock(Paragraph p) {
    return p.lines().size() <= 3 && p.lines().stream().allMatch(ListingTextParser::isPersonName);
  }

  /** Two to four capitalised words (particles like "van" allowed), no sentence punctuation, no chrome words. */
  static boolean isPersonName(String line) {
    String l = Texts.clean(line);
    if (l.length() > 40 || l.endsWith(":") || l.endsWith("?") || l.endsWith("!") || l.endsWith(",")) {
      return false;
    }
    String[] words = l.split(" ");
    if (words.length < 2 || words.length > 4) {
      return false;
    }
    for (String w : words) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (CHROME_WORDS.contains(lower)) {
        return false;
      }
      if (!NAME_PARTICLES.contains(lower) && !NAME_WORD.matcher(w).matches()) {
        return false;
      }
    }
    return !l.endsWith(".") || words[words.length - 1].length() <= 3;
  }

  /** A paragraph of running text rather than a label: long, or a sentence. */
  private static boolean isProse(Paragraph p) {
    String t = Texts.clean(p.text());
    return t.length() >= 80 || (t.length() >= 20 && t.matches(".*[.!?:]$") && t.contains(" "));
  }

  /** Names on every entry host the show; with a single entry, its first name does. */
  private static Set<String> hosts(List<Paragraph> paragraphs, List<Integer> headers) {
    Set<String> common = null;
    for (int h : headers) {
      Set<String> names = new LinkedHashSet<>();
      paragraphs.get(h).lines().forEach(l -> names.add(Texts.clean(l)));
      if (common == null) {
        common = names;
      } else {
        common.retainAll(names);
      }
    }
    if (headers.size() == 1 || common.isEmpty()) {
      return Set.of();
    }
    return common;
  }

  /** The page title above the first entry, without "Episodes" and the like: the podcast's name. */
  private static String podcastName(List<Paragraph> chrome) {
    for (Paragraph p : chrome) {
      for (String line : p.lines()) {
        String l = Texts.clean(line);
        if (!CHROME_LINE.matcher(l).find() && l.length() <= 100) {
          String name = TITLE_SUFFIX.matcher(l).replaceFirst("").strip();
          return name.isEmpty() ? l : name;
        }
      }
    }
    return null;
  }

  /**
   * The end of the last entry: the page footer starts at a short heading-like line ("Contact Us") after which there
   * are only short lines.
   */
  private static int withoutFooter(List<Paragraph> paragraphs, int from) {
    int end = paragraphs.size();
    int lastLong = from;
    for (int k = from; k < end; k++) {
      lastLong = paragraphs.get(k).length() >= SHORT ? k : lastLong;
    }
    for (int k = Math.max(from + 1, lastLong + 1); k < end; k++) {
      if (isHeadingLike(paragraphs.get(k))) {
        return k;
      }
    }
    return end;
  }

  private static boolean isHeadingLike(Paragraph p) {
    String t = Texts.clean(p.text());
    return p.lines().size() == 1 && t.split(" ").length <= 5 && !t.matches(".*[.!?:,;]$") && !t.startsWith("•");
  }

  private static Episode entry(SourceText source, int n, List<String> names, List<Paragraph> body, Set<String> hosts,
      String podcast) {
    EpisodeBuilder b = Episode.builder()
        .id(Ids.episodeId(source.ref().source(), "entry-" + n))
        .podcast(podcast);
    String guest = null;
    for (int i = 0; i < names.size(); i++) {
      String name = Texts.clean(names.get(i));
      boolean host = hosts.isEmpty() ? i == 0 : hosts.contains(name);
      b.addPerson(new Person(name, host ? Role.HOST : Role.GUEST));
      guest = guest == null && !host ? name : guest;
    }
    if (guest == null) {
      guest = introducedPerson(body);
      if (guest != null) {
        b.addPerson(new Person(guest, Role.GUEST));
      }
    }
    String text = String.join("\n\n", body.stream().map(ListingTextParser::paragraphText).toList());
    String first = body.isEmpty() ? "" : Texts.clean(body.get(0).text());
    return b.title(title(guest, body, first, n))
        .description(first.isEmpty() ? null : first)
        .text(text)
        .build();
  }

  /** Keeps bullet lines on their own lines; joins wrapped prose lines. */
  private static String paragraphText(Paragraph p) {
    return String.join("\n", p.lines().stream().map(String::strip).toList());
  }

  /** The first person a paragraph introduces as "Jane Doe is Head of ...". */
  private static String introducedPerson(List<Paragraph> body) {
    for (Paragraph p : body) {
      Matcher m = INTRODUCTION.matcher(Texts.clean(p.text()));
      if (m.find() && isPersonName(m.group(1))) {
        return m.group(1);
      }
    }
    return null;
  }

  /** "Guest, Role at Company" from the sentence introducing the guest; else the guest and the first sentence. */
  static String title(String guest, List<Paragraph> body, String firstParagraph, int n) {
    if (guest != null) {
      String role = guestRole(guest, body);
      if (role != null) {
        return Texts.shorten(guest + ", " + role, MAX_TITLE);
      }
      String sentence = Texts.firstSentence(firstParagraph).replaceAll("[.!?]$", "");
      return sentence.isEmpty() ? guest : Texts.shorten(guest + ": " + sentence, MAX_TITLE);
    }
    String sentence = Texts.firstSentence(firstParagraph).replaceAll("[.!?]$", "");
    return sentence.isEmpty() ? "Episode " + n : Texts.shorten(sentence, MAX_TITLE);
  }

  /** "Co-founder and CEO of Rill Data" from "Michael Driscoll is the co-founder and CEO of Rill Data." */
  private static String guestRole(String guest, List<Paragraph> body) {
    Pattern intro = Pattern.compile(Pattern.quote(guest) + " is (?:a |an |the )?([^,.;:—(]{3,90}?(?: at | of )"
        + "\\p{Lu}[^,.;:—(]{0,40})(?:[,.;:—(]|$)");
    for (Paragraph p : body) {
      Matcher m = intro.matcher(Texts.clean(p.text()));
      if (m.find()) {
        String role = m.group(1).strip();
        return Character.toUpperCase(role.charAt(0)) + role.substring(1);
      }
    }
    return null;
  }
}
