package dev.podsearch.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.json.Json;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The OpenAPI 3 description of the route table, built by hand so it says exactly what the routes do. */
final class OpenApi {
  private String document = "{}";

  /** Builds the document for these routes; called once, after the table (which includes this route) is complete. */
  void describe(List<ApiRoute> routes) {
    document = Json.write(document(routes));
  }

  void serve(Context ctx) {
    ctx.contentType("application/json").result(document);
  }

  static ObjectNode document(List<ApiRoute> routes) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("openapi", "3.0.3");
    root.putObject("info")
        .put("title", "podsearch")
        .put("version", "0.1.0")
        .put("description", "Full-text search over podcast episodes. Errors are JSON: {title, status, details}.");
    ObjectNode paths = root.putObject("paths");
    for (ApiRoute route : routes) {
      ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
      item.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    root.putObject("components").set("schemas", Schemas.all());
    return root;
  }

  private static ObjectNode operation(ApiRoute route) {
    ObjectNode op = Json.mapper().createObjectNode();
    op.put("summary", route.summary());
    op.put("operationId", operationId(route));
    ArrayNode params = op.putArray("parameters");
    route.params().forEach(p -> params.add(parameter(p)));
    ObjectNode responses = op.putObject("responses");
    new TreeMap<>(route.responses()).forEach((status, text) -> responses.set(status.toString(), response(route, status, text)));
    return op;
  }

  private static ObjectNode parameter(ApiParam param) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("name", param.name()).put("in", param.in()).put("required", param.required());
    node.put("description", param.description());
    ObjectNode schema = schema(param);
    if (param.repeatable()) {
      node.put("explode", true);
      node.putObject("schema").put("type", "array").set("items", schema);
    } else {
      node.set("schema", schema);
    }
    return node;
  }

  private static ObjectNode schema(ApiParam param) {
    ObjectNode schema = Json.mapper().createObjectNode().put("type", param.type());
    if (param.format() != null) {
      schema.put("format", param.format());
    }
    if (!param.values().isEmpty()) {
      param.values().forEach(schema.putArray("enum")::add);
    }
    return schema;
  }

  private static ObjectNode response(ApiRoute route, int status, String description) {
    ObjectNode node = Json.mapper().createObjectNode().put("description", description);
    ObjectNode content = node.putObject("content");
    // /health answers 503 with its own body, every other failure with an Error
    boolean ownBody = status < 400 || "Health".equals(route.schema());
    if (!ownBody) {
      content.putObject("application/json").set("schema", Schemas.ref("Error"));
    } else if (route.schema() != null) {
      content.putObject(route.produces()).set("schema", schemaOf(route.schema()));
    } else {
      content.putObject(route.produces()).putObject("schema").put("type", route.produces().contains("json") ? "object" : "string");
    }
    return node;
  }

  // "Hit" is a reference to that component, "[Hit]" a list of them.
  private static ObjectNode schemaOf(String name) {
    if (name.startsWith("[") && name.endsWith("]")) {
      ObjectNode array = Json.mapper().createObjectNode().put("type", "array");
      array.set("items", Schemas.ref(name.substring(1, name.length() - 1)));
      return array;
    }
    return Schemas.ref(name);
  }

  // "/api/episodes/{id}" -> "getApiEpisodesId": unique per method and path, stable across builds.
  private static String operationId(ApiRoute route) {
    StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
    for (String part : route.path().split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }

  static Map<Integer, String> errors(Map<Integer, String> ok) {
    Map<Integer, String> all = new TreeMap<>(ok);
    all.put(500, "Unexpected failure (logged; no details leak)");
    return all;
  }
}
