package dev.podsearch.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.json.Json;
import java.util.List;

/** The JSON shapes of the API's answers, as OpenAPI component schemas. */
final class Schemas {
  private Schemas() {}

  /** A reference to the component {@code name}. */
  static ObjectNode ref(String name) {
    return Json.mapper().createObjectNode().put("$ref", "#/components/schemas/" + name);
  }

  /** Every component, by name. */
  static ObjectNode all() {
    ObjectNode all = Json.mapper().createObjectNode();
    all.set("Error", object(List.of("title", "status", "details"))
        .put("description", "Every error; details names the parameter at fault"));
    props(all.get("Error")).set("title", type("string"));
    props(all.get("Error")).set("status", type("integer"));
    props(all.get("Error")).set("details", type("string"));
    all.set("Person", person());
    all.set("Moment", moment());
    all.set("Hit", hit());
    all.set("FacetValue", facetValue());
    all.set("SearchResults", searchResults());
    all.set("Episode", episode());
    all.set("TagCount", pair("tag", "string", "count", "integer"));
    all.set("Suggestion", pair("text", "string", "kind", "string"));
    all.set("Health", health());
    return all;
  }

  private static ObjectNode person() {
    ObjectNode node = object(List.of("name", "role"));
    props(node).set("name", type("string"));
    ObjectNode role = type("string");
    role.putArray("enum").add("host").add("guest").add("unknown");
    props(node).set("role", role);
    return node;
  }

  private static ObjectNode moment() {
    ObjectNode node = object(List.of("start", "end", "text", "link"));
    props(node).set("start", type("number").put("description", "seconds from the start of the audio"));
    props(node).set("end", type("number"));
    props(node).set("speaker", nullable("string"));
    props(node).set("text", type("string").put("description", "HTML-escaped cue text, matches in <mark>"));
    props(node).set("link", type("string").put("description", "the audio URL with #t=SECONDS, or the page URL"));
    props(node).set("chapter", nullable("string"));
    props(node).set("chapterStart", nullable("number"));
    return node;
  }

  private static ObjectNode hit() {
    ObjectNode node = object(List.of("id", "title", "tags", "people", "snippet", "score", "moments", "mentions"));
    ObjectNode p = props(node);
    p.set("id", type("string"));
    p.set("title", type("string"));
    p.set("podcast", nullable("string"));
    p.set("url", nullable("string"));
    p.set("audioUrl", nullable("string"));
    p.set("published", nullable("string").put("format", "date"));
    p.set("durationSeconds", nullable("integer"));
    p.set("tags", array(type("string")));
    p.set("people", array(ref("Person")));
    p.set("snippet", type("string").put("description", "HTML-escaped text, matches in <mark>, passages joined by …"));
    p.set("score", type("number"));
    p.set("moments", array(ref("Moment")));
    p.set("mentions", type("integer"));
    return node;
  }

  private static ObjectNode facetValue() {
    ObjectNode node = pair("value", "string", "count", "integer");
    props(node).set("selected", type("boolean"));
    node.withArray("required").add("selected");
    return node;
  }

  private static ObjectNode searchResults() {
    ObjectNode node = object(List.of("query", "total", "page", "size", "tookMs", "hits", "facets"));
    ObjectNode p = props(node);
    p.set("query", type("string"));
    p.set("total", type("integer"));
    p.set("page", type("integer"));
    p.set("size", type("integer"));
    p.set("tookMs", type("integer"));
    p.set("hits", array(ref("Hit")));
    ObjectNode facets = object(List.of());
    for (String dimension : List.of("tag", "person", "podcast", "year")) {
      props(facets).set(dimension, array(ref("FacetValue")));
    }
    p.set("facets", facets);
    p.set("didYouMean", nullable("string").put("description", "a corrected query when a word is unknown"));
    return node;
  }

  private static ObjectNode episode() {
    ObjectNode node = object(List.of("id", "title", "related"))
        .put("description", "Every stored field of the episode (people, tags, description, text, transcript, chapters, ...)");
    props(node).set("id", type("string"));
    props(node).set("title", type("string"));
    props(node).set("related", array(ref("Hit")));
    node.put("additionalProperties", true);
    return node;
  }

  private static ObjectNode health() {
    ObjectNode node = object(List.of("status", "episodes"));
    ObjectNode status = type("string");
    status.putArray("enum").add("ok").add("unavailable");
    props(node).set("status", status);
    props(node).set("episodes", type("integer"));
    props(node).set("lastCommit", nullable("string").put("format", "date-time"));
    return node;
  }

  private static ObjectNode pair(String first, String firstType, String second, String secondType) {
    ObjectNode node = object(List.of(first, second));
    props(node).set(first, type(firstType));
    props(node).set(second, type(secondType));
    return node;
  }

  private static ObjectNode object(List<String> required) {
    ObjectNode node = type("object");
    if (!required.isEmpty()) {
      required.forEach(node.putArray("required")::add);
    }
    node.putObject("properties");
    return node;
  }

  private static ObjectNode props(com.fasterxml.jackson.databind.JsonNode node) {
    return (ObjectNode) node.get("properties");
  }

  private static ObjectNode type(String type) {
    return Json.mapper().createObjectNode().put("type", type);
  }

  private static ObjectNode nullable(String type) {
    return type(type).put("nullable", true);
  }

  private static ObjectNode array(ObjectNode items) {
    ObjectNode node = type("array");
    node.set("items", items);
    return node;
  }
}
