package dev.podsearch.importer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The schema.org JSON-LD blocks of a page, flattened ({@code @graph}, arrays) into a list of typed nodes. */
final class HtmlJsonLd {
  static final Set<String> EPISODE_TYPES = Set.of("PodcastEpisode", "Episode", "RadioEpisode", "TVEpisode");
  static final Set<String> ARTICLE_TYPES =
      Set.of("BlogPosting", "Article", "NewsArticle", "SocialMediaPosting", "TechArticle", "Report");
  static final Set<String> LISTING_TYPES = Set.of("Blog", "CollectionPage", "ItemList", "SearchResultsPage");

  // Hand-written JSON-LD is often slightly broken; be as lenient as Jackson allows.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  private final List<JsonNode> nodes;
  private final Map<String, JsonNode> byId;

  private HtmlJsonLd(List<JsonNode> nodes) {
    this.nodes = nodes;
    this.byId = new HashMap<>();
    for (JsonNode n : nodes) {
      if (n.hasNonNull("@id") && n.size() > 1) {
        byId.putIfAbsent(n.get("@id").asText(), n);
      }
    }
  }

  /** Reads every {@code application/ld+json} script; a block that is not JSON becomes a warning. */
  static HtmlJsonLd read(Document doc, List<String> warnings) {
    List<JsonNode> nodes = new ArrayList<>();
    int block = 0;
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      block++;
      try {
        flatten(MAPPER.readTree(script.data().trim()), nodes);
      } catch (Exception e) {
        warnings.add("JSON-LD block " + block + " is not valid JSON, ignored");
      }
    }
    return new HtmlJsonLd(nodes);
  }

  private static void flatten(JsonNode n, List<JsonNode> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> flatten(c, out));
    } else if (n.isObject()) {
      if (n.has("@type")) {
        out.add(n);
      }
      if (n.has("@graph")) {
        flatten(n.get("@graph"), out);
      }
    }
  }

  /** The first node with one of the types, or null. */
  JsonNode first(Set<String> types) {
    return nodes.stream().filter(n -> hasType(n, types)).findFirst().orElse(null);
  }

  /**
   * The distinct episodes and articles the page describes at top level; a PodcastEpisode and a BlogPosting with the
   * same URL count once, and nodes without a URL or id are not counted. More than one means the page lists them.
   */
  List<JsonNode> describedItems() {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (JsonNode n : nodes) {
      if (hasType(n, EPISODE_TYPES) || hasType(n, ARTICLE_TYPES)) {
        String key = text(n, "url") != null ? text(n, "url") : text(n, "@id");
        if (key != null) {
          byKey.putIfAbsent(key.replaceAll("[#?].*$", "").replaceAll("^https?://(www\\.)?", "")
              .replaceAll("/+$", ""), n);
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  static boolean hasType(JsonNode n, Set<String> types) {
    return n != null && types(n).stream().anyMatch(types::contains);
  }

  static Set<String> types(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode t = n.get("@type");
    if (t == null) {
      return out;
    }
    for (JsonNode x : t.isArray() ? t : List.of(t)) {
      String s = x.asText();
      out.add(s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1));
    }
    return out;
  }

  /** Follows an {@code {"@id": ...}} reference to the full node in the same page, if there is one. */
  JsonNode resolve(JsonNode n) {
    if (n != null && n.isObject() && n.size() == 1 && n.has("@id")) {
      return byId.getOrDefault(n.get("@id").asText(), n);
    }
    return n;
  }

  /** The values of a field as a list (a single value, or each element of an array), references resolved. */
  List<JsonNode> all(JsonNode n, String field) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      return out;
    }
    for (JsonNode x : v.isArray() ? v : List.of(v)) {
      out.add(resolve(x));
    }
    return out;
  }

  /** A field as text: a string, a number, or the {@code name}/{@code @value} of an object; null when absent. */
  String text(JsonNode n, String field) {
    for (JsonNode v : all(n, field)) {
      String s = v.isObject() ? (v.hasNonNull("name") ? v.get("name").asText() : v.path("@value").asText(null))
          : v.isValueNode() ? v.asText() : null;
      if (s != null && !s.isBlank()) {
        return s.trim();
      }
    }
    return null;
  }

  /** The entries of a listing node: blogPost, itemListElement (ListItem or item), hasPart, episode. */
  List<JsonNode> listingItems(JsonNode listing) {
    List<JsonNode> out = new ArrayList<>();
    for (String f : List.of("blogPost", "itemListElement", "hasPart", "episode", "mainEntity")) {
      for (JsonNode x : all(listing, f)) {
        if (hasType(x, Set.of("ItemList"))) {
          out.addAll(listingItems(x));
        } else if (hasType(x, Set.of("ListItem")) && x.has("item")) {
          out.add(resolve(x.get("item")));
        } else if (x.isObject()) {
          out.add(x);
        }
      }
    }
    return out;
  }
}
