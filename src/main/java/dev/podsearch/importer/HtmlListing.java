package dev.podsearch.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Finds the entries of a listing page (blog index, archive, tag page): repeated blocks that each carry a heading
 * linking to a page of its own, article elements with a link, or like siblings each led by such a link.
 */
final class HtmlListing {
  private HtmlListing() {}

  /** One listed entry: the block that holds it, its link and its title. */
  record Entry(Element block, String url, String title) {}

  /** The entries under {@code root}, in page order; links back to the page itself do not count. */
  static List<Entry> entries(Element root, String pageUrl, String siteHost) {
    Map<String, Element> units = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (Element h : root.select("h1, h2, h3, h4, h5, h6")) {
      Element link = headingLink(h);
      String url = link == null ? null : url(link);
      if (url != null && isInternal(url, siteHost) && !samePage(url, pageUrl) && !HtmlTags.isTagUrl(url)
          && !units.containsKey(url)) {
        units.put(url, link.closest("h1, h2, h3, h4, h5, h6") != null ? h : link);
        titles.put(url, HtmlText.line(h.text()));
      }
    }
    for (Element article : root.select("article")) {
      if (article.selectFirst("article") != null || units.values().stream().anyMatch(u -> isInside(u, article))) {
        continue;
      }
      Element link = article.select("a[href]").stream().filter(a -> !a.text().isBlank()).findFirst().orElse(null);
      String url = link == null ? null : url(link);
      if (url != null && isInternal(url, siteHost) && !samePage(url, pageUrl) && !units.containsKey(url)) {
        units.put(url, link);
        titles.put(url, HtmlText.line(link.text()));
      }
    }
    if (units.size() < 2) {
      repeatedBlocks(root, pageUrl, siteHost, units, titles);
    }
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, Element> u : units.entrySet()) {
      out.add(new Entry(block(u.getValue(), root, u.getKey(), units), u.getKey(), titles.get(u.getKey())));
    }
    return out;
  }

  /**
   * Entries without headings: the children of lists (or of any container) where at least three children of the same
   * kind each lead with a link to another page of the site, and such children hold most of the region's text.
   */
  private static void repeatedBlocks(Element root, String pageUrl, String siteHost, Map<String, Element> units,
      Map<String, String> titles) {
    Map<String, Element> found = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    int textInBlocks = 0;
    for (Element box : root.select("ul, ol, div, section, tbody, dl")) {
      List<Element> kids = box.children().stream().filter(k -> !k.is("script, style, template")).toList();
      if (kids.size() < 3 || kids.stream().map(HtmlListing::signature).distinct().count() > 2) {
        continue;
      }
      List<Element> linked = new ArrayList<>();
      for (Element kid : kids) {
        Element a = leadingLink(kid);
        String url = a == null ? null : url(a);
        if (url != null && isInternal(url, siteHost) && !samePage(url, pageUrl) && !HtmlTags.isTagUrl(url)) {
          linked.add(kid);
          found.putIfAbsent(url, kid);
          names.putIfAbsent(url, HtmlText.line(a.text()));
        }
      }
      if (linked.size() >= 3 && linked.size() * 5 >= kids.size() * 4) {
        textInBlocks += linked.stream().mapToInt(k -> HtmlText.line(k.text()).length()).sum();
      } else {
        linked.forEach(k -> found.values().remove(k));
      }
    }
    if (found.size() >= 3 && textInBlocks * 2 > HtmlText.line(root.text()).length()) {
      units.clear();
      titles.clear();
      units.putAll(found);
      found.keySet().forEach(u -> titles.put(u, names.get(u)));
    }
  }

  private static String signature(Element e) {
    return e.normalName() + "." + e.className();
  }

  /** The first link of a block when it carries a title (some words of text), else null. */
  private static Element leadingLink(Element block) {
    for (Element a : block.select("a[href]")) {
      String t = HtmlText.line(a.text());
      if (t.length() >= 3 && t.chars().anyMatch(Character::isLetter)) {
        return a;
      }
    }
    return null;
  }

  /** The link a heading stands for: one inside it carrying most of its text, or one around it. */
  private static Element headingLink(Element h) {
    Element around = h.closest("a[href]");
    if (around != null) {
      return around;
    }
    String text = HtmlText.line(h.text());
    for (Element a : h.select("a[href]")) {
      if (!text.isEmpty() && HtmlText.line(a.text()).length() * 2 >= text.length()) {
        return a;
      }
    }
    return null;
  }

  /** The widest ancestor of {@code unit} (below root) that holds no other entry. */
  private static Element block(Element unit, Element root, String url, Map<String, Element> units) {
    Element b = unit;
    while (b.parent() != null && b.parent() != root && !holdsOther(b.parent(), url, units)) {
      b = b.parent();
    }
    return b;
  }

  private static boolean holdsOther(Element e, String url, Map<String, Element> units) {
    for (Map.Entry<String, Element> u : units.entrySet()) {
      if (!u.getKey().equals(url) && isInside(u.getValue(), e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** A link's absolute URL (or its raw href when the page has no base), or null for in-page and script links. */
  static String url(Element a) {
    String raw = a.attr("href").strip();
    if (raw.isEmpty() || raw.startsWith("#") || raw.matches("(?i)^(javascript|mailto|tel):.*")) {
      return null;
    }
    String abs = a.absUrl("href");
    return abs.isEmpty() ? raw : abs;
  }

  /** Whether two URLs name the same page, ignoring fragment, trailing slash, scheme and "index.html". */
  static boolean samePage(String a, String b) {
    return a != null && b != null && normal(a).equals(normal(b));
  }

  private static String normal(String u) {
    return u.replaceAll("#.*$", "").replaceAll("^https?://", "").replaceAll("/index\\.html?$", "")
        .replaceAll("/+$", "").replaceAll("(?<!:)//+", "/");
  }

  /**
   * Share of the region's text that is link text of links to other pages on the same site: near 1 for an archive of
   * titles, low for show notes.
   */
  static double linkDensity(Element region, String siteHost, int[] internalLinks) {
    int total = HtmlText.line(region.text()).length();
    int linked = 0;
    int count = 0;
    for (Element a : region.select("a[href]")) {
      String url = url(a);
      if (url != null && isInternal(url, siteHost)) {
        linked += HtmlText.line(a.text()).length();
        count++;
      }
    }
    internalLinks[0] = count;
    return total == 0 ? 0 : (double) linked / total;
  }

  /** Whether a link stays on the site: relative, or on the site's host (any host when that is unknown). */
  static boolean isInternal(String url, String siteHost) {
    String h = host(url);
    return h == null || siteHost == null || h.equals(siteHost);
  }

  /** The host of an absolute URL without "www.", or null for a relative one. */
  static String host(String url) {
    if (url == null || !url.matches("(?i)^([a-z][a-z0-9+.-]*:)?//.*")) {
      return null;
    }
    String h = url.replaceFirst("(?i)^([a-z][a-z0-9+.-]*:)?//", "").replaceAll("[/?#:].*$", "").toLowerCase();
    return h.startsWith("www.") ? h.substring(4) : h;
  }
}
