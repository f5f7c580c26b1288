package dev.podsearch.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.episode.EpisodeBuilder;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;

/**
 * Reads one episode's fields from what a page offers, most trusted first: JSON-LD nodes, meta tags, then the content
 * element ({@code scope}). Shared by whole episode pages and the entries of listing pages.
 */
final class HtmlFields {
  private static final java.util.regex.Pattern NOT_WEB_SCHEME =
      java.util.regex.Pattern.compile("\\s*(?!https?:)[a-zA-Z][a-zA-Z0-9+.-]*:(?!//)|\\s*(?i:javascript|data|vbscript):");

  private HtmlFields() {}

  static final int SUMMARY_MIN = 40;
  private static final Pattern DURATION_LINE = Pattern.compile(
      "(?iu)^(?:duration|length|running time|runtime|duração|duracion|duración|durée|dauer|länge)"
          + "\\s*:\\s*(.{1,30})$");
  private static final int DESCRIPTION_MAX = 500;
  private static final String[] DATE_META = {"article:published_time", "og:article:published_time",
      "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "pubdate",
      "publish_date", "article:published", "sailthru.date", "parsely-pub-date"};

  static String firstText(HtmlJsonLd ld, List<JsonNode> nodes, String field) {
    return nodes.stream().map(n -> ld.text(n, field)).filter(Objects::nonNull).findFirst().orElse(null);
  }

  static LocalDate published(HtmlJsonLd ld, List<JsonNode> nodes, HtmlMeta meta, Element root) {
    for (String f : List.of("datePublished", "uploadDate", "dateCreated")) {
      LocalDate d = HtmlValues.date(firstText(ld, nodes, f));
      if (d != null) {
        return d;
      }
    }
    LocalDate d = HtmlValues.date(meta.first(DATE_META));
    return d != null ? d : domDate(root);
  }

  /** A date shown in the content: a time element, a datePublished property, or a short element that is a date. */
  static LocalDate domDate(Element scope) {
    for (Element t : scope.select("time[datetime], [itemprop=datePublished]")) {
      LocalDate d = HtmlValues.date(Stream.of(t.attr("datetime"), t.attr("content"), t.text())
          .filter(s -> !s.isBlank()).findFirst().orElse(null));
      if (d != null) {
        return d;
      }
    }
    for (Element e : scope.select("time, [class*=date], [class*=time], [class*=meta] span, small, span, "
        + "div:not(:has(div, p))")) {
      String t = HtmlText.line(e.text());
      if (!t.isEmpty() && t.length() <= 40) {
        LocalDate d = HtmlValues.date(t);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  static Integer duration(HtmlJsonLd ld, List<JsonNode> nodes, HtmlMeta meta, Element root) {
    List<JsonNode> carriers = new ArrayList<>(nodes);
    for (JsonNode n : nodes) {
      carriers.addAll(ld.all(n, "associatedMedia"));
      carriers.addAll(ld.all(n, "audio"));
    }
    for (JsonNode n : carriers) {
      Integer s = HtmlValues.seconds(ld.text(n, "duration"));
      if (s != null) {
        return s;
      }
    }
    String m = meta.first("music:duration", "og:audio:duration", "duration");
    if (m != null) {
      Integer s = m.matches("\\d+") ? HtmlValues.integer(m) : HtmlValues.seconds(m);
      if (s != null) {
        return s;
      }
    }
    Element e = root.selectFirst("[itemprop=duration]");
    Integer s = e == null ? null : HtmlValues.seconds(e.hasAttr("content") ? e.attr("content") : e.text());
    return s != null ? s : statedDuration(root);
  }

  /** A duration the notes state: an element classed "duration", or a line "Duration: 1:02:03" / "Length: 45 min". */
  static Integer statedDuration(Element root) {
    for (Element e : root.select("[class*=duration], [class*=runtime]")) {
      Integer s = HtmlValues.seconds(HtmlText.line(e.text()).replaceFirst("(?iu)^[\\p{L} ]{0,20}:\\s*", ""));
      if (s != null) {
        return s;
      }
    }
    for (String line : HtmlText.render(root).split("\n")) {
      Matcher m = DURATION_LINE.matcher(line);
      if (m.matches()) {
        return HtmlValues.seconds(m.group(1));
      }
    }
    return null;
  }

  /**
   * The audio file: JSON-LD audio objects, then (for a whole page, when {@code meta} is given) og:audio and microdata,
   * then players and audio links in the content. Links without a file name or shared by several entries are skipped.
   */
  static String audio(HtmlJsonLd ld, List<String> warnings, List<JsonNode> nodes, HtmlMeta meta, Element root,
      Element body, Map<String, Integer> sharedCounts) {
    List<String> candidates = new ArrayList<>();
    for (JsonNode n : nodes) {
      for (String f : List.of("audio", "associatedMedia", "encoding")) {
        for (JsonNode media : ld.all(n, f)) {
          String u = media.isTextual() ? media.asText() : ld.text(media, "contentUrl");
          String format = media.isObject() ? media.path("encodingFormat").asText("") : "";
          boolean audioType = media.isObject() && HtmlJsonLd.hasType(media, Set.of("AudioObject"));
          if (u != null && (audioType || format.startsWith("audio") || HtmlValues.isAudioUrl(u))) {
            candidates.add(u);
          }
        }
      }
    }
    if (meta != null) {
      Stream.of("og:audio", "og:audio:url", "og:audio:secure_url").map(meta::all).forEach(candidates::addAll);
      // A Twitter player stream or a microdata contentUrl may be video; only an audio file counts.
      Stream.of("twitter:player:stream", "contenturl").map(meta::all).flatMap(List::stream)
          .filter(HtmlValues::isAudioUrl).forEach(candidates::add);
      JsonNode audioObject = ld.first(Set.of("AudioObject"));
      if (audioObject != null && ld.text(audioObject, "contentUrl") != null) {
        candidates.add(ld.text(audioObject, "contentUrl"));
      }
    }
    candidates.addAll(HtmlMedia.audioUrls(root));
    if (root != body && candidates.isEmpty()) {
      candidates.addAll(HtmlMedia.audioUrls(body));
    }
    for (String u : candidates) {
      if (u.isBlank() || NOT_WEB_SCHEME.matcher(u).lookingAt()) {
        continue; // javascript:, data: and the like are no audio file, and would reach pages as links
      }
      if (HtmlValues.isBrokenAudioUrl(u)) {
        warnOnce(warnings, "audio link " + u + " has no file name, ignored");
      } else if (sharedCounts.getOrDefault(u, 0) > 1) {
        warnOnce(warnings, "audio link " + u + " is shared by " + sharedCounts.get(u) + " entries, ignored");
      } else {
        return u;
      }
    }
    return null;
  }

  static void warnOnce(List<String> warnings, String warning) {
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  static void numbers(EpisodeBuilder b, HtmlJsonLd ld, List<JsonNode> nodes, String title, Element scope) {
    Integer episode = HtmlValues.integer(firstText(ld, nodes, "episodeNumber"));
    Integer season = null;
    for (JsonNode n : nodes) {
      for (JsonNode s : ld.all(n, "partOfSeason")) {
        season = season != null ? season : HtmlValues.integer(ld.text(s, "seasonNumber"));
      }
    }
    List<String> texts = new ArrayList<>();
    texts.add(title);
    for (Element h : scope.select("h1, h2, h3, h4, h5, h6, [class*=episode-number], [class*=episode_number]")) {
      String t = HtmlText.line(h.text());
      if (t.length() <= 80) {
        texts.add(t);
      }
    }
    for (String t : texts) {
      episode = episode != null ? episode : HtmlValues.episodeNumber(t);
      season = season != null ? season : HtmlValues.seasonNumber(t);
    }
    b.episodeNumber(episode).season(season);
  }

  static void tags(EpisodeBuilder b, HtmlJsonLd ld, List<JsonNode> nodes, HtmlMeta meta, Element scope) {
    for (JsonNode n : nodes) {
      for (JsonNode k : ld.all(n, "keywords")) {
        HtmlTags.split(k.isObject() ? k.path("name").asText("") : k.asText()).forEach(b::addTag);
      }
    }
    meta.all("article:tag").forEach(b::addTag);
    HtmlTags.links(scope).forEach(b::addTag);
    if (b.build().tags().isEmpty()) {
      HtmlTags.split(meta.first("keywords", "news_keywords")).forEach(b::addTag);
    }
  }

  static String description(HtmlJsonLd ld, List<JsonNode> nodes, HtmlMeta meta, String text, String title) {
    String d = firstText(ld, nodes, "description");
    if (d == null) {
      d = meta.first("og:description", "description", "twitter:description");
    }
    if (d == null || d.equalsIgnoreCase(title) || text.startsWith(d) && d.length() < SUMMARY_MIN) {
      d = text.lines().filter(l -> l.length() >= SUMMARY_MIN && !l.equalsIgnoreCase(title)).findFirst().orElse(null);
    }
    return d == null ? null : shorten(HtmlText.line(d));
  }

  static String shorten(String s) {
    if (s.length() <= DESCRIPTION_MAX) {
      return s;
    }
    int cut = s.lastIndexOf(' ', DESCRIPTION_MAX);
    return s.substring(0, cut > DESCRIPTION_MAX / 2 ? cut : DESCRIPTION_MAX) + " …";
  }

  /** People from JSON-LD, labelled sections, bylines (as hosts, when no host is named otherwise) and the title. */
  static void people(EpisodeBuilder b, HtmlJsonLd ld, List<JsonNode> nodes, Element scope, String title,
      String podcast) {
    List<Person> found = new ArrayList<>();
    Map<String, Role> fields = Map.of("author", Role.HOST, "creator", Role.HOST, "actor", Role.GUEST,
        "performer", Role.GUEST, "contributor", Role.UNKNOWN);
    for (JsonNode n : nodes) {
      for (String f : List.of("author", "creator", "actor", "performer", "contributor")) {
        for (JsonNode p : ld.all(n, f)) {
          String name = p.isTextual() ? p.asText() : HtmlJsonLd.hasType(p, Set.of("Organization")) ? null
              : ld.text(p, "name");
          Role role = p.isObject() && p.has("roleName") ? Role.parse(p.path("roleName").asText()) : fields.get(f);
          if (name != null && HtmlPeople.looksLikeName(name.strip())) {
            found.add(new Person(name.strip(), role == Role.UNKNOWN ? fields.get(f) : role));
          }
        }
      }
    }
    found.addAll(HtmlPeople.labelled(scope));
    if (found.stream().noneMatch(p -> p.role() == Role.HOST)) {
      found.addAll(HtmlPeople.bylines(scope));
    }
    found.addAll(HtmlPeople.fromTitle(title));
    for (Person p : found) {
      if (podcast == null || !HtmlValues.plain(p.name()).equals(HtmlValues.plain(podcast))) {
        b.addPerson(p);
      }
    }
  }
}
