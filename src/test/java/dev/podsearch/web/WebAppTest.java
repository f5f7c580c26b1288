package dev.podsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.search.InvalidQueryException;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SortOrder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppTest {
  private final FakeSearchService service = new FakeSearchService();
  private TestServer server;

  @BeforeAll
  void start() {
    server = new TestServer(service, WebOptions.defaults().withPageDirectory("/web-test-page"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    service.available = true;
    service.failure = null;
    service.lastRequest = null;
    service.suggestions = 3;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void aSearchLeavesInOneWriteWithItsLengthAndIsStillCompressedForBrowsers() throws Exception {
    String typical = "/api/search?q=" + encode(FakeSearchService.TYPICAL_PAGE);
    HttpResponse<String> plain = server.get(typical);
    HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.uri(typical)).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(plain.body().length()).isBetween(8 * 1024, 32 * 1024);

    assertThat(plain.headers().firstValue("Content-Length")).contains(
        String.valueOf(plain.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(plain.headers().firstValue("Transfer-Encoding")).isEmpty();
    String unpacked = gzipped.headers().firstValue("Content-Encoding").isPresent()
        ? new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes(),
            StandardCharsets.UTF_8)
        : new String(gzipped.body(), StandardCharsets.UTF_8);
    JsonNode expected = TestServer.json(plain);
    JsonNode actual = dev.podsearch.json.Json.mapper().readTree(unpacked);
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("tookMs");
    ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("tookMs");
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void searchAnswersWithTheDocumentedJsonShape() {
    HttpResponse<String> response = server.get("/api/search?q=iceberg");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = TestServer.json(response);
    assertThat(fieldNames(body)).containsExactly("query", "total", "page", "size", "tookMs", "hits", "facets", "didYouMean");
    JsonNode hit = body.get("hits").get(0);
    assertThat(fieldNames(hit))
        .containsExactly(
            "id", "title", "podcast", "url", "audioUrl", "published", "durationSeconds", "tags", "people", "snippet",
            "score", "moments", "mentions");
    assertThat(hit.get("published").asText()).isEqualTo("2024-05-31");
    assertThat(hit.get("people").get(0).toString()).isEqualTo("{\"name\":\"Ada Host\",\"role\":\"host\"}");
    assertThat(hit.get("moments").get(0).get("link").asText()).endsWith("#t=61");
    assertThat(fieldNames(body.get("facets"))).containsExactly("tag", "person", "podcast", "year");
    assertThat(body.get("facets").get("tag").get(0).toString()).isEqualTo("{\"value\":\"data\",\"count\":2,\"selected\":false}");
    assertThat(body.get("didYouMean").asText()).isEqualTo("iceberg");
  }

  @Test
  void searchPassesEveryParameterToTheService() {
    server.get(
        "/api/search?q=" + encode("table format") + "&tag=data&tag=lake+house&person=Ada+Host&podcast=Some+Engineering"
            + "&from=2024-01-01&to=2024-12-31&sort=date&page=2&size=20");

    assertThat(service.lastRequest)
        .isEqualTo(
            new SearchRequest(
                "table format", List.of("data", "lake house"), List.of("Ada Host"), List.of("Some Engineering"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), SortOrder.DATE, 2, 20));
  }

  @Test
  void searchWithoutParametersAsksForTheFirstTenByRelevance() {
    assertThat(server.get("/api/search").statusCode()).isEqualTo(200);

    assertThat(service.lastRequest).isEqualTo(SearchRequest.of(""));
  }

  @ParameterizedTest
  @CsvSource({
    "from=2024-13-01, from",
    "to=yesterday, to",
    "from=2024-06-01&to=2024-01-01, from",
    "page=abc, page",
    "page=0, page",
    "page=99999999999, page",
    "page=200&size=100, page",
    "size=101, size",
    "size=x, size",
    "size=0, size",
    "sort=popular, sort",
  })
  void badSearchParametersAre400NamingTheParameter(String query, String parameter) {
    HttpResponse<String> response = server.get("/api/search?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = TestServer.json(response);
    assertThat(fieldNames(body)).containsExactly("title", "status", "details");
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("details").asText()).startsWith(parameter + " ");
    assertThat(service.lastRequest).isNull();
  }

  @Test
  void aQueryLongerThanAThousandCharactersIs400() {
    HttpResponse<String> response = server.get("/api/search?q=" + "a".repeat(1001));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(response).get("details").asText()).startsWith("q is 1001 characters long");
  }

  @Test
  void aQueryOfExactlyAThousandCharactersIsAccepted() {
    assertThat(server.get("/api/search?q=" + "a".repeat(1000)).statusCode()).isEqualTo(200);
  }

  @Test
  void queryMistakesFoundByTheServiceAre400WithItsMessage() {
    service.failure = new InvalidQueryException("q", "has an unbalanced quote");

    HttpResponse<String> response = server.get("/api/search?q=%22oops");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(response).get("details").asText()).isEqualTo("q has an unbalanced quote");
  }

  @Test
  void aMissingIndexIs503SayingHowToBuildIt() {
    service.available = false;

    HttpResponse<String> response = server.get("/api/search?q=x");

    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("title").asText()).isEqualTo("Index unavailable");
    assertThat(body.get("details").asText()).contains("no index at /tmp/index").contains("./podsearch reindex");
  }

  @Test
  void anUnexpectedFailureIs500WithoutInternals() {
    service.failure = new IllegalStateException("secret internal detail");

    HttpResponse<String> response = server.get("/api/tags");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at dev.");
  }

  @Test
  void episodeHasItsFieldsAtTheTopWithRelatedHits() {
    HttpResponse<String> response = server.get("/api/episodes/ep-1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(response);
    assertThat(fieldNames(body)).startsWith("id", "podcast", "title").endsWith("related");
    assertThat(body.get("title").asText()).isEqualTo("Iceberg tables");
    assertThat(body.get("related").get(0).get("id").asText()).isEqualTo("ep-1");
  }

  @Test
  void anUnknownEpisodeIs404Json() {
    HttpResponse<String> response = server.get("/api/episodes/no-such-episode");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = TestServer.json(response);
    assertThat(body.get("title").asText()).isEqualTo("Not Found");
    assertThat(body.get("details").asText()).isEqualTo("no episode with id 'no-such-episode'");
  }

  @Test
  void tagsAreSortedByCountThenName() {
    HttpResponse<String> response = server.get("/api/tags");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "[{\"tag\":\"big\",\"count\":9},{\"tag\":\"alpha\",\"count\":2},{\"tag\":\"zeta\",\"count\":2},"
                + "{\"tag\":\"rare\",\"count\":1}]");
  }

  @Test
  void suggestReturnsCompletionsOfWhatWasTyped() {
    HttpResponse<String> response = server.get("/api/suggest?q=ice");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(service.lastSuggestPrefix).isEqualTo("ice");
    assertThat(response.body()).startsWith("[{\"text\":\"ice 0\",\"kind\":\"title\"}");
  }

  @Test
  void suggestNeverReturnsMoreThanTen() {
    service.suggestions = 25;

    assertThat(TestServer.json(server.get("/api/suggest?q=a"))).hasSize(10);
  }

  @Test
  void suggestForNothingTypedIsEmptyAndATooLongPrefixIs400() {
    assertThat(server.get("/api/suggest").body()).isEqualTo("[]");
    assertThat(server.get("/api/suggest?q=+").body()).isEqualTo("[]");
    HttpResponse<String> tooLong = server.get("/api/suggest?q=" + "b".repeat(1001));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(tooLong).get("details").asText()).startsWith("q ");
  }

  @Test
  void healthReportsTheServedIndex() {
    HttpResponse<String> response = server.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"episodes\":42,\"lastCommit\":\"2026-11-20T10:15:30Z\"}");
  }

  @Test
  void healthIs503WithoutAnIndex() {
    service.available = false;

    HttpResponse<String> response = server.get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(TestServer.json(response).get("status").asText()).isEqualTo("unavailable");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/nothing", "/api", "/nothing.html", "/api/episodes/", "/api/search/extra"})
  void unknownRoutesAre404Json(String path) {
    HttpResponse<String> response = server.get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void nothingAcceptsWrites() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("/api/search")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(response.statusCode()).isIn(404, 405);
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(response.statusCode());
  }

  @Test
  void thePageIsServedAtTheRoot() {
    HttpResponse<String> page = server.get("/");
    HttpResponse<String> script = server.get("/app.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("stand-in page for the web tests");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../web-test-secret.txt", "/%2e%2e/web-test-secret.txt", "/web-test-page/../../x"})
  void pathsAboveTheRootAreRefusedBeforeRouting(String path) {
    HttpResponse<String> response = server.get(path);

    // Jetty rejects these while parsing the request line, before any handler could look for a file.
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("not for the web");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/..%2fweb-test-secret.txt",
        "/%2e%2e%2fweb-test-secret.txt",
        "/web-test-page/../web-test-secret.txt",
        "/..%5cweb-test-secret.txt",
      })
  void pathTraversalFindsNothing(String path) {
    HttpResponse<String> response = server.get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("not for the web");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/search?q=x", "/api/episodes/nope", "/", "/missing", "/health", "/metrics", "/api/search?size=x"})
  void everyResponseCarriesSecurityHeaders(String path) {
    HttpResponse<String> response = server.get(path);

    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:")
                .doesNotContain("unsafe-inline"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void oversizedRequestHeadersAreRefused() {
    HttpResponse<String> response =
        server.send(HttpRequest.newBuilder(server.uri("/health")).header("X-Padding", "p".repeat(20_000)).build());

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(TestServer.json(response).get("status").asInt()).isEqualTo(431);
    assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void anOversizedRequestLineIsRefused() {
    HttpResponse<String> response = server.get("/api/search?q=" + "a".repeat(20_000));

    assertThat(response.statusCode()).isIn(414, 431);
  }
}
