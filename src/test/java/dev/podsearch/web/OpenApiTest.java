package dev.podsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiTest {

  @Test
  void describesEveryRouteJavalinRegistered() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      JsonNode paths = TestServer.json(server.get("/openapi.json")).get("paths");
      List<Endpoint> endpoints =
          server.app.unsafe.internalRouter.allHttpHandlers().stream()
              .map(parsed -> parsed.endpoint)
              .filter(e -> e.method.isHttpMethod())
              .toList();

      assertThat(endpoints).hasSizeGreaterThanOrEqualTo(7);
      List<String> missing = new ArrayList<>();
      for (Endpoint e : endpoints) {
        if (!paths.has(e.path) || !paths.get(e.path).has(e.method.name().toLowerCase(Locale.ROOT))) {
          missing.add(e.method + " " + e.path);
        }
      }
      assertThat(missing).as("routes missing from openapi.json").isEmpty();
    }
  }

  @Test
  void isAnOpenApi3DocumentWithTheSearchParameters() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      JsonNode doc = TestServer.json(server.get("/openapi.json"));

      assertThat(doc.get("openapi").asText()).startsWith("3.");
      JsonNode search = doc.get("paths").get("/api/search").get("get");
      List<String> names = new ArrayList<>();
      search.get("parameters").forEach(p -> names.add(p.get("name").asText()));
      assertThat(names).containsExactly("q", "tag", "person", "podcast", "from", "to", "sort", "page", "size");
      assertThat(search.get("parameters").get(1).get("schema").get("type").asText()).isEqualTo("array");
      assertThat(search.get("parameters").get(4).get("schema").get("format").asText()).isEqualTo("date");
      assertThat(search.get("responses").fieldNames()).toIterable().containsExactly("200", "400", "500", "503");
      assertThat(search.get("responses").get("400").get("content").get("application/json").get("schema").get("$ref").asText())
          .isEqualTo("#/components/schemas/Error");
    }
  }

  @Test
  void describesThePathParameterOfAnEpisode() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      JsonNode episode = TestServer.json(server.get("/openapi.json")).get("paths").get("/api/episodes/{id}").get("get");

      JsonNode id = episode.get("parameters").get(0);
      assertThat(id.get("name").asText()).isEqualTo("id");
      assertThat(id.get("in").asText()).isEqualTo("path");
      assertThat(id.get("required").asBoolean()).isTrue();
      assertThat(episode.get("responses").has("404")).isTrue();
    }
  }

  @Test
  void everyReferenceNamesAComponent() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      JsonNode doc = TestServer.json(server.get("/openapi.json"));

      List<String> refs = doc.findValuesAsText("$ref");
      assertThat(refs).isNotEmpty();
      JsonNode schemas = doc.get("components").get("schemas");
      assertThat(refs).allSatisfy(ref -> assertThat(schemas.has(ref.replace("#/components/schemas/", ""))).as(ref).isTrue());
    }
  }

  @Test
  void theSearchSchemasNameExactlyTheFieldsTheApiSends() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      JsonNode schemas = TestServer.json(server.get("/openapi.json")).get("components").get("schemas");
      JsonNode results = TestServer.json(server.get("/api/search?q=x"));

      assertThat(results.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(names(schemas.get("SearchResults")));
      assertThat(results.get("hits").get(0).fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(names(schemas.get("Hit")));
      assertThat(results.get("hits").get(0).get("moments").get(0).fieldNames()).toIterable()
          .containsExactlyInAnyOrderElementsOf(names(schemas.get("Moment")));
      assertThat(results.get("facets").get("tag").get(0).fieldNames()).toIterable()
          .containsExactlyInAnyOrderElementsOf(names(schemas.get("FacetValue")));
    }
  }

  private static List<String> names(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void onlyReadingRoutesExist() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      assertThat(server.app.unsafe.internalRouter.allHttpHandlers())
          .extracting(parsed -> parsed.endpoint.method)
          .filteredOn(HandlerType::isHttpMethod)
          .containsOnly(HandlerType.GET);
    }
  }
}
