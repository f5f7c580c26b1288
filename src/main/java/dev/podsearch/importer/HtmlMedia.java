package dev.podsearch.importer;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Finds an episode's audio file in the page: audio players, their sources, and links to audio files. */
final class HtmlMedia {
  private HtmlMedia() {}

  /** Audio URLs within {@code scope} in preference order: players first, then MP3/M4A links, then other audio links. */
  static List<String> audioUrls(Element scope) {
    List<String> players = new ArrayList<>();
    List<String> common = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Element e : scope.select("audio[src], audio source[src], source[type^=audio][src]")) {
      players.add(abs(e, "src"));
    }
    // Lazy and scripted players (Squarespace, theme players) keep the file in a data attribute.
    for (Element e : scope.getAllElements()) {
      for (Attribute attr : e.attributes()) {
        if (attr.getKey().startsWith("data-") && HtmlValues.isAudioUrl(attr.getValue())) {
          players.add(abs(e, attr.getKey()));
        }
      }
    }
    for (Element e : scope.select("a[href], link[rel=enclosure][href]")) {
      String url = abs(e, "href");
      if (HtmlValues.isAudioUrl(url) || e.attr("type").startsWith("audio/")) {
        (url.toLowerCase().matches(".*\\.(mp3|m4a)([?#].*)?$") ? common : other).add(url);
      }
    }
    List<String> out = new ArrayList<>(players);
    out.addAll(common);
    out.addAll(other);
    return out;
  }

  private static String abs(Element e, String attr) {
    String abs = e.absUrl(attr);
    return abs.isEmpty() ? e.attr(attr).strip() : abs;
  }
}
