package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.json.Json;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.web.WebApp;
import dev.podsearch.web.WebOptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile sources imported for real and served by the real app, and misuse of the HTTP server spoken as raw bytes:
 * markup from sources stays inert, nothing outside the page is served, oversized requests are refused with 4xx, and
 * no route writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContentTest {
  static final String WORD = "zanzibarquux";

  private LuceneSearchService service;
  private Javalin app;

  @BeforeAll
  void importAndServe(@TempDir Path tmp) throws IOException {
    Path sources = tmp.resolve("sources");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("hostile.md"), """
        ---
        title: "<script>alert('title')</script> Hostile <img src=x onerror=alert(1)> episode"
        date: 2024-01-02
        tags: ["<svg onload=alert(2)>", "javascript:alert(3)"]
        guests: ["<b onmouseover=alert(4)>Mallory</b>"]
        audio: "javascript:alert(5)"
        url: "javascript:alert(6)"
        ---

        Show notes about %1$s with <script>alert("notes")</script> and <img src=x onerror=alert(7)>,
        a [link](javascript:alert(8)) and <a href="javascript:alert(9)" onclick="alert(10)">a click</a>.
        <iframe src="https://evil.example/"></iframe> More %1$s %1$s here &lt;script&gt;.
        """.formatted(WORD));
    Files.writeString(sources.resolve("hostile.html"), """
        <!doctype html><html><head><title>&lt;script&gt;alert(11)&lt;/script&gt; Page episode</title>
        <meta property="og:audio" content="javascript:alert(12)"></head>
        <body><article><h1>"&gt;&lt;img src=x onerror=alert(13)&gt; Page episode</h1>
        <p>Hosts: <a href="javascript:alert(14)">Eve</a></p>
        <p onmouseover="alert(15)">The page talks about %1$s at length, <script>alert(16)</script> twice: %1$s.</p>
        </article></body></html>
        """.formatted(WORD));
    Files.writeString(sources.resolve("hostile.vtt"), """
        WEBVTT

        00:00:01.000 --> 00:00:05.000
        <v <script>alert(17)</script>>Cue about %1$s <img src=x onerror=alert(18)> &lt;b&gt;bold&lt;/b&gt;
        """.formatted(WORD));
    Path index = tmp.resolve("index");
    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index.toString(), sources.toString());
    assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.SOURCES_FAILED);
    service = LuceneSearchService.open(index);
    app = WebApp.create(service, WebOptions.defaults()).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    app.stop();
    service.close();
  }

  @Test
  void snippetsAndMomentsCarryNoMarkupButTheServersMarks() throws IOException {
    Raw response = get("/api/search?q=" + WORD);
    JsonNode hits = Json.mapper().readTree(response.body).get("hits");

    assertThat(response.status).isEqualTo(200);
    assertThat(response.header("content-type")).startsWith("application/json");
    assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
    assertThat(hits).isNotEmpty();
    List<String> highlighted = new ArrayList<>();
    hits.forEach(hit -> {
      highlighted.add(hit.path("snippet").asText(""));
      hit.path("moments").forEach(m -> highlighted.add(m.path("text").asText("")));
    });
    assertThat(highlighted).anySatisfy(s -> assertThat(s).contains("<mark>"));
    assertThat(highlighted).allSatisfy(s -> assertThat(s.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<"));
  }

  @Test
  void linksFromSourcesAreNeverScriptUrls() throws IOException {
    JsonNode hits = Json.mapper().readTree(get("/api/search?q=" + WORD).body).get("hits");

    List<String> links = new ArrayList<>();
    hits.forEach(hit -> {
      links.add(hit.path("url").asText(""));
      links.add(hit.path("audioUrl").asText(""));
      hit.path("moments").forEach(m -> links.add(m.path("link").asText("")));
    });
    assertThat(links).allSatisfy(l -> assertThat(l.strip().toLowerCase()).doesNotStartWith("javascript:"));
  }

  @Test
  void theEpisodeViewSendsPlainTextThatThePageOnlySetsAsText() throws IOException {
    JsonNode hits = Json.mapper().readTree(get("/api/search?q=" + WORD).body).get("hits");
    String id = hits.get(0).get("id").asText();
    Raw episode = get("/api/episodes/" + URLEncoder.encode(id, StandardCharsets.UTF_8));

    assertThat(episode.status).isEqualTo(200);
    assertThat(episode.header("content-type")).startsWith("application/json");
    // The page never turns strings into markup: no HTML sinks anywhere in its scripts.
    try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/public"))) {
      for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
        assertThat(Files.readString(script)).as(script.toString())
            .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/public/../pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml",
      "/public/%2e%2e/%2e%2e/pom.xml", "/index.html/../../pom.xml", "/..\\pom.xml", "/%252e%252e/pom.xml",
      "//etc/passwd", "/../../../../etc/passwd", "/app.js%00.html", "/public/index.html", "/dev/podsearch/cli/Main.class",
      "/META-INF/MANIFEST.MF", "/.git/config"})
  void nothingOutsideThePageIsServed(String path) throws IOException {
    Raw response = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(response.status).isIn(400, 404);
    assertThat(response.body).doesNotContain("<project", "root:", "Main-Class", "[core]");
  }

  @Test
  void hugeHeadersAre431() throws IOException {
    Raw one = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
    StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 400; i++) {
      many.append("X-H").append(i).append(": ").append("v".repeat(60)).append("\r\n");
    }
    Raw lots = raw(many.append("Connection: close\r\n\r\n").toString());

    assertThat(one.status).isEqualTo(431);
    assertThat(lots.status).isEqualTo(431);
  }

  @Test
  void hugeUrlsAreRefusedWith4xx() throws IOException {
    Raw path = raw("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    Raw query = raw("GET /api/search?q=" + "%41".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(path.status).isIn(400, 414, 431);
    assertThat(query.status).isIn(400, 414, 431);
  }

  @Test
  void hugeBodiesAreRefusedAndNeverRead() throws IOException {
    Raw declared = raw("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000000000\r\nConnection: close\r\n\r\n{\"q\":");
    Raw sent = raw("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\nConnection: close\r\n\r\n"
        + "x".repeat(200_000));

    assertThat(declared.status).isIn(404, 405, 413);
    assertThat(sent.status).isIn(404, 405, 413);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET\r\n\r\n",
      "GET /api/search?q=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /api/search?q=%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /api/search?q=%00%01 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /api/episodes/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /api/search?tag=%FF&from=9999-99-99&page=-1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n"})
  void malformedRequestsAre4xxNever5xx(String request) throws IOException {
    Raw response = raw(request);

    assertThat(response.status).isBetween(200, 499);
  }

  @Test
  void anUnknownHttpVersionIsRefusedAsSuch() throws IOException {
    // 505 is the one 5xx a client earns: it names the client's mistake, not a server failure.
    assertThat(raw("GET / HTTP/9.9\r\nHost: x\r\n\r\n").status).isIn(400, 505);
  }

  @Test
  void noMethodButGetWritesOrAnswersOnAnyRoute() throws IOException {
    long before = service.status().episodes();
    String id = Json.mapper().readTree(get("/api/search?q=" + WORD).body).get("hits").get(0).get("id").asText();
    List<String> routes = List.of("/api/search", "/api/episodes/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
        "/api/tags", "/api/suggest?q=a", "/health", "/metrics", "/openapi.json", "/", "/index.html");
    for (String route : routes) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE")) {
        Raw response = raw(method + " " + route + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(response.status).as(method + " " + route).isIn(404, 405);
        assertThat(response.body).as(method + " " + route).doesNotContain("Content-Length: 2");
      }
    }
    assertThat(service.status().episodes()).isEqualTo(before);
  }

  /** A raw HTTP exchange: the status and body of whatever the server answered. */
  private record Raw(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }
  }

  /** A GET through a real HTTP client, which decodes chunked bodies. */
  private Raw get(String pathAndQuery) throws IOException {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build();
    try {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      StringBuilder head = new StringBuilder();
      response.headers().map().forEach((k, v) -> head.append(k).append(": ").append(String.join(",", v)).append("\r\n"));
      return new Raw(response.statusCode(), head.toString(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Sends bytes as they are (no client cleans them up) and reads the answer until the server closes. */
  private Raw raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException refusedMidRequest) {
        // The server may answer and close before a huge request is sent in full; its answer is still there to read.
      }
      InputStream in = socket.getInputStream();
      byte[] bytes;
      try {
        bytes = in.readAllBytes();
      } catch (java.net.SocketException reset) {
        bytes = new byte[0];
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String[] statusLine = head.split(" ", 3);
      int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
      return new Raw(status, head, end < 0 ? "" : text.substring(end + 4));
    }
  }
}
