package dev.podsearch.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's head: meta tags (OpenGraph, Twitter, article:*, name=...), canonical link and title, plus the site's brand
 * as its header and footer show it (read before the chrome is stripped).
 */
final class HtmlMeta {
  private static final String[] SEPARATORS = {" | ", " — ", " – ", " - ", " :: ", " · ", " » ", " • ", ": "};
  private static final Pattern COPYRIGHT = Pattern.compile(
      "(?iu)(?:©|\\(c\\)|copyright)\\s*(?:copyright\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?)?\\s*,?\\s*(?:by\\s+)?"
          + "([\\p{L}][^.|•©\\n]{1,58})");

  private final Map<String, List<String>> metas = new LinkedHashMap<>();
  private final String canonical;
  private final String title;
  private final List<String> brands = new ArrayList<>();
  private final String siteHost;
  private final boolean hasH1;

  /** The parts of a page title: the episode's own title and the site name around it (null when unknown). */
  record TitleParts(String title, String site) {}

  private HtmlMeta(Document doc) {
    for (Element m : doc.select("meta[content]")) {
      String key = !m.attr("property").isEmpty() ? m.attr("property")
          : !m.attr("name").isEmpty() ? m.attr("name") : m.attr("itemprop");
      String value = HtmlText.line(m.attr("content"));
      if (!key.isEmpty() && !value.isEmpty()) {
        metas.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      }
    }
    Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    canonical = link == null ? null : link.attr("href").strip();
    Element t = doc.selectFirst("title");
    title = t == null ? null : HtmlText.line(t.text());
    for (Element b : doc.select(".navbar-brand, .navbar__title, .site-title, .site-name, .brand, .logo, "
        + "[rel=home], [class*=site-title], [class*=brand]")) {
      addBrand(b.text());
      b.select("img[alt]").forEach(img -> addBrand(img.attr("alt")));
    }
    siteHost = siteHost(doc);
    hasH1 = doc.selectFirst("body h1") != null;
    for (Element f : doc.select("footer, [role=contentinfo], [class*=copyright]")) {
      Matcher m = COPYRIGHT.matcher(HtmlText.render(f));
      while (m.find()) {
        addBrand(m.group(1));
      }
    }
  }

  /** The site's host: the canonical URL's, else the host most of the page's absolute links go to. */
  private String siteHost(Document doc) {
    String own = HtmlListing.host(pageUrl());
    if (own != null) {
      return own;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Element a : doc.select("a[href], link[href]")) {
      String h = HtmlListing.host(a.attr("href").strip());
      if (h != null) {
        counts.merge(h, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  /** Whether the page has an h1 at all, the strongest sign of which heading is the page's own. */
  boolean hasH1() {
    return hasH1;
  }

  String siteHost() {
    return siteHost;
  }

  private void addBrand(String s) {
    String b = HtmlText.line(s);
    if (b != null && b.length() >= 2 && b.length() <= 60 && !brands.contains(b)) {
      brands.add(b);
    }
  }

  /** Reads the head and brand of a parsed (not yet stripped) page. */
  static HtmlMeta read(Document doc) {
    return new HtmlMeta(doc);
  }

  /** The first non-blank value among the keys (lower-case property or name), or null. */
  String first(String... keys) {
    for (String k : keys) {
      List<String> v = metas.get(k);
      if (v != null && !v.isEmpty()) {
        return v.get(0);
      }
    }
    return null;
  }

  /** Every value of a key, in page order. */
  List<String> all(String key) {
    return metas.getOrDefault(key, List.of());
  }

  /** The page's own URL: canonical link, else og:url; null when the page does not say. */
  String pageUrl() {
    String u = canonical != null && !canonical.isEmpty() ? canonical : first("og:url");
    return u == null || u.isBlank() ? null : u;
  }

  String title() {
    return title;
  }

  List<String> brands() {
    return brands;
  }

  /**
   * Splits "Episode Title | Site" (or "Site - Episode Title") into its parts. A side counts as the site when it is a
   * known site name or brand, or when the other side is the page's heading; without such evidence only a " | " suffix
   * is cut, and the site is then left unknown.
   */
  static TitleParts split(String raw, List<String> siteNames, String heading) {
    if (raw == null || raw.isBlank()) {
      return new TitleParts(null, null);
    }
    for (String sep : SEPARATORS) {
      int last = raw.lastIndexOf(sep);
      if (last <= 0) {
        continue;
      }
      int first = raw.indexOf(sep);
      String head = raw.substring(0, last).strip();
      String tail = raw.substring(last + sep.length()).strip();
      String head2 = raw.substring(0, first).strip();
      String tail2 = raw.substring(first + sep.length()).strip();
      if (matches(tail, siteNames) || heading != null && head.equalsIgnoreCase(heading)) {
        return new TitleParts(head, tail);
      }
      if (matches(head2, siteNames) || heading != null && tail2.equalsIgnoreCase(heading)) {
        return new TitleParts(tail2, head2);
      }
    }
    int bar = raw.lastIndexOf(" | ");
    return new TitleParts(bar > 0 ? raw.substring(0, bar).strip() : raw.strip(), null);
  }

  private static boolean matches(String part, List<String> names) {
    String p = HtmlValues.plain(part);
    return !p.isEmpty() && names.stream().anyMatch(n -> n != null && HtmlValues.plain(n).equals(p));
  }
}
