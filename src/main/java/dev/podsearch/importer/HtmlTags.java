package dev.podsearch.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Finds an episode's tags in the page: rel=tag links and links into tag or category pages. */
final class HtmlTags {
  private HtmlTags() {}

  private static final Pattern TAG_URL = Pattern.compile(
      "(?i).*(/(tags?|categor(y|ies)|topics?|labels?|keywords?|temas?|etiquetas?|assuntos?)/[^/?#]+/?(\\.html?)?"
          + "|[?&](tag|category|topic)=[^&#]+)([?#].*)?$");

  /** Whether a URL leads to a tag, category or topic page. */
  static boolean isTagUrl(String url) {
    return url != null && TAG_URL.matcher(url).matches();
  }

  /**
   * The tags linked within {@code scope}. A tag link counts only where it sits among other tag links (a tag list), so
   * that a link to a tag page from inside the show notes does not become a tag.
   */
  static List<String> links(Element scope) {
    List<String> out = new ArrayList<>();
    for (Element a : scope.select("a[href]")) {
      String text = HtmlText.line(a.text()).replaceFirst("^#", "");
      boolean tagLink = a.attr("rel").toLowerCase().contains("tag") || isTagUrl(a.attr("href"))
          || a.hasClass("p-category");
      if (tagLink && !text.isEmpty() && text.length() <= 60 && inTagList(a)) {
        out.add(text);
      }
    }
    return out;
  }

  private static boolean inTagList(Element a) {
    Element box = a.parent();
    while (box != null && box.is("li, span, b, i, em, strong, small, a")) {
      box = box.parent();
    }
    if (box == null) {
      return true;
    }
    List<Element> links = box.select("a[href]");
    long tags = links.stream().filter(l -> l.attr("rel").toLowerCase().contains("tag") || isTagUrl(l.attr("href")))
        .count();
    return tags * 2 >= links.size();
  }

  /** Splits a keywords value ("a, b; c") into tags. */
  static List<String> split(String keywords) {
    List<String> out = new ArrayList<>();
    if (keywords != null) {
      for (String k : keywords.split("[,;]")) {
        if (!k.isBlank() && k.strip().length() <= 60) {
          out.add(k.strip());
        }
      }
    }
    return out;
  }
}
