package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.json.Json;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.web.WebApp;
import dev.podsearch.web.WebOptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random and hostile parameters over real HTTP to a real index: always 200 or a 400 naming a parameter, never 5xx. */
class HttpQueryFuzzTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Path dir;
  private static LuceneSearchService service;
  private static Javalin app;

  @BeforeContainer
  static void serve() throws IOException {
    dir = Files.createTempDirectory("podsearch-httpfuzz");
    ReindexStorageFailureTest.writeEpisodes(dir.resolve("corpus"), 0, 20);
    CliRun run = CliRun.podsearch("reindex", "-q", "--index", dir.resolve("index").toString(),
        dir.resolve("corpus").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    service = LuceneSearchService.open(dir.resolve("index"));
    app = WebApp.create(service, WebOptions.defaults()).start("127.0.0.1", 0);
  }

  @AfterContainer
  static void stop() throws IOException {
    app.stop();
    service.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 150)
  void searchIsAnsweredOrRefusedWith400(@ForAll("searches") String query) throws Exception {
    HttpResponse<String> response = get("/api/search?" + query);

    assertThat(response.statusCode()).as(query).isIn(200, 400);
    JsonNode body = Json.mapper().readTree(response.body());
    if (response.statusCode() == 400) {
      assertThat(body.get("details").asText()).isNotBlank();
    } else {
      assertThat(body.get("total").asLong()).isGreaterThanOrEqualTo(body.get("hits").size());
    }
  }

  @Property(tries = 80)
  void suggestAndEpisodeNeverFail(@ForAll("text") String text) throws Exception {
    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);

    assertThat(get("/api/suggest?q=" + encoded).statusCode()).as(text).isIn(200, 400);
    assertThat(get("/api/episodes/" + encoded.replace("+", "%20")).statusCode()).as(text).isIn(200, 400, 404);
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.of("*", "/a.*/", "((((((", "\"", "title:", "tag:()", "a OR ".repeat(150), "w".repeat(1001),
            "\u0000", "\ud800", "<script>", "../../etc/passwd", "%00", "{{x}}"));
  }

  @Provide
  Arbitrary<String> searches() {
    Arbitrary<String> names = Arbitraries.of("q", "tag", "person", "podcast", "from", "to", "sort", "page", "size", "x");
    Arbitrary<String> values = Arbitraries.oneOf(text(),
        Arbitraries.of("", "0", "-1", "101", "2147483648", "1e3", "2024-02-30", "2024-13-01", "date", "relevance",
            "DATE", "queues", "t3"));
    Arbitrary<String> pair = Combinators.combine(names, values)
        .as((n, v) -> n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
    return pair.list().ofMaxSize(6).map(l -> String.join("&", l));
  }
}
