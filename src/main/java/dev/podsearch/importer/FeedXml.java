package dev.podsearch.importer;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Element lookups on a feed parsed by Jsoup's XML parser, with the namespace prefixes the feed itself declares: a
 * feed may bind the iTunes or Podcasting 2.0 namespace to any prefix, so names are built from the declared ones.
 */
record FeedXml(String itunes, String podcast, String content, String media, String dc) {

  /** The prefixes declared on the root element, falling back to the usual ones. */
  static FeedXml of(Element root) {
    String itunes = "itunes";
    String podcast = "podcast";
    String content = "content";
    String media = "media";
    String dc = "dc";
    for (Attribute a : root.attributes()) {
      if (!a.getKey().startsWith("xmlns:")) {
        continue;
      }
      String prefix = a.getKey().substring("xmlns:".length());
      String uri = a.getValue().toLowerCase(Locale.ROOT);
      if (uri.contains("itunes.com/dtds/podcast-1.0.dtd")) {
        itunes = prefix;
      } else if (uri.contains("podcastindex")) {
        podcast = prefix;
      } else if (uri.contains("purl.org/rss/1.0/modules/content")) {
        content = prefix;
      } else if (uri.contains("search.yahoo.com/mrss")) {
        media = prefix;
      } else if (uri.contains("purl.org/dc/elements")) {
        dc = prefix;
      }
    }
    return new FeedXml(itunes, podcast, content, media, dc);
  }

  String itunes(String local) {
    return itunes + ":" + local;
  }

  String podcast(String local) {
    return podcast + ":" + local;
  }

  /** The first child element with this qualified name (ignoring case), or null. */
  static Element child(Element parent, String name) {
    for (Element c : parent.children()) {
      if (c.tagName().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /** All child elements with this qualified name (ignoring case). */
  static List<Element> children(Element parent, String name) {
    return parent.children().stream().filter(c -> c.tagName().equalsIgnoreCase(name)).toList();
  }

  /** The stripped text of the first such child, or null when missing or blank. */
  static String text(Element parent, String name) {
    Element c = child(parent, name);
    return c == null ? null : blankToNull(c.wholeText());
  }

  /** The markup inside an element: its child elements if any (inline XHTML), else its text (escaped HTML or CDATA). */
  static String markup(Element e) {
    return e == null ? null : e.children().isEmpty() ? e.wholeText() : e.html();
  }

  /** The line an element starts on, or 0 when unknown. */
  static int line(Element e) {
    return e.sourceRange().isTracked() ? e.sourceRange().start().lineNumber() : 0;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
