package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP against a Javalin app on port 0 that serves fixture feeds the way real servers do. */
class FeedFetcherTest {
  private static final String ETAG = "\"v1\"";
  private static final String FEED = "<?xml version=\"1.0\"?><rss><channel><title>T</title>"
      + "<item><title>One</title></item></channel></rss>";

  private static final List<String> seenIfNoneMatch = new CopyOnWriteArrayList<>();
  private static final CountDownLatch release = new CountDownLatch(1);
  private static Javalin app;

  @TempDir Path cacheDir;

  @BeforeAll
  static void start() throws IOException {
    byte[] atom = Files.readAllBytes(FeedTestSupport.fixtures().resolve("atom.xml"));
    app = Javalin.create(config -> {
      config.routes.get("/feed.xml", ctx -> {
        String condition = ctx.header("If-None-Match");
        seenIfNoneMatch.add(condition == null ? "-" : condition);
        if (ETAG.equals(condition)) {
          ctx.status(304);
          return;
        }
        ctx.header("ETag", ETAG).header("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT");
        ctx.contentType("application/rss+xml").result(FEED);
      });
      config.routes.get("/atom", ctx -> ctx.contentType("application/atom+xml").result(atom));
      config.routes.get("/moved", ctx -> ctx.redirect("/feed.xml"));
      config.routes.get("/slow", ctx -> {
        release.await(5, TimeUnit.SECONDS);
        ctx.result(FEED);
      });
      config.routes.get("/huge", ctx -> ctx.result(new byte[64 * 1024]));
      // Streamed without a Content-Length: the cap must trip while reading, not from the header.
      config.routes.get("/huge-streamed", ctx -> ctx.result(new java.io.ByteArrayInputStream(new byte[256 * 1024])));
      config.routes.get("/page", ctx -> ctx.html("<!DOCTYPE html><html><body>Not a feed</body></html>"));
      config.routes.get("/boom", ctx -> ctx.status(500));
      config.routes.get("/latin1", ctx -> ctx.contentType("application/rss+xml").result(
          ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\u00e9 M\u00fcller</title>"
              + "<item><title>\u00c4rger</title></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1)));
    }).start(0);
  }

  @AfterAll
  static void stop() {
    release.countDown();
    app.stop();
  }

  @BeforeEach
  void forgetRequests() {
    seenIfNoneMatch.clear();
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + app.port() + path);
  }

  private FeedFetcher fetcher() {
    return new FeedFetcher(cacheDir, Duration.ofSeconds(5), Duration.ofSeconds(10), 16 * 1024);
  }

  @Test
  void fetchesAFeedWithItsValidatorsThenGetsUnchangedOnAConditionalGet() throws IOException {
    FeedFetcher first = fetcher();
    FeedFetcher.FetchResult fetched = first.fetch(url("/feed.xml"));

    assertThat(fetched).isInstanceOfSatisfying(FeedFetcher.FetchResult.Fetched.class, f -> {
      assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
      assertThat(f.etag()).isEqualTo(ETAG);
      assertThat(f.lastModified()).isEqualTo("Tue, 05 Mar 2024 10:00:00 GMT");
    });
    first.saveCache();
    assertThat(cacheDir.resolve(FeedFetcher.CACHE_FILE)).content().contains(url("/feed.xml").toString(), "v1");

    FeedFetcher.FetchResult again = fetcher().fetch(url("/feed.xml"));
    assertThat(again).isEqualTo(new FeedFetcher.FetchResult.Unchanged(url("/feed.xml")));
    assertThat(seenIfNoneMatch).containsExactly("-", ETAG);
  }

  @Test
  void keepsValidatorsOutOfTheCacheFileUntilSaved() throws IOException {
    fetcher().fetch(url("/feed.xml"));

    assertThat(fetcher().fetch(url("/feed.xml"))).isInstanceOf(FeedFetcher.FetchResult.Fetched.class);
    assertThat(cacheDir.resolve(FeedFetcher.CACHE_FILE)).doesNotExist();
  }

  @Test
  void followsRedirectsAndFetchesAtom() throws IOException {
    assertThat(fetcher().fetch(url("/moved"))).isInstanceOf(FeedFetcher.FetchResult.Fetched.class);
    assertThat(fetcher().fetch(url("/atom"))).isInstanceOfSatisfying(FeedFetcher.FetchResult.Fetched.class,
        f -> assertThat(f.etag()).isNull());
  }

  @Test
  void reportsNotFoundServerErrorsAndUnreachableHostsClearly() throws IOException {
    assertThatThrownBy(() -> fetcher().fetch(url("/nothing-here.xml")))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage(url("/nothing-here.xml") + ": not found (HTTP 404)");
    assertThatThrownBy(() -> fetcher().fetch(url("/boom")))
        .hasMessage(url("/boom") + ": server error (HTTP 500)");
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI closed = URI.create("http://localhost:" + closedPort + "/feed.xml");
    assertThatThrownBy(() -> fetcher().fetch(closed)).isInstanceOf(FeedFetchException.class)
        .hasMessage(closed + ": connection refused");
  }

  @Test
  void givesUpOnASlowServer() {
    FeedFetcher impatient = new FeedFetcher(cacheDir, Duration.ofSeconds(5), Duration.ofMillis(500), 16 * 1024);
    assertThatThrownBy(() -> impatient.fetch(url("/slow")))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage(url("/slow") + ": no answer within 500 ms");
  }

  @Test
  void refusesABodyPastTheSizeCap() {
    assertThatThrownBy(() -> fetcher().fetch(url("/huge")))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage(url("/huge") + ": larger than the 16384 bytes limit for feeds");
    assertThatThrownBy(() -> fetcher().fetch(url("/huge-streamed")))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage(url("/huge-streamed") + ": larger than the 16384 bytes limit for feeds");
  }

  @Test
  void refusesAnAnswerThatIsNotAFeed() {
    assertThatThrownBy(() -> fetcher().fetch(url("/page")))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage(url("/page") + ": not an RSS or Atom feed (the answer starts with "
            + "'<!DOCTYPE html><html><body>Not a feed</body></html>')");
  }

  @Test
  void refusesOtherSchemes() {
    assertThatThrownBy(() -> fetcher().fetch(URI.create("file:///etc/hosts")))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage("file:///etc/hosts: only http and https feed URLs can be fetched");
  }

  @Test
  void letsTheImporterImportAFeedByUrl() throws IOException {
    String feedUrl = url("/atom").toString();
    SourceRef ref = new SourceRef(feedUrl, feedUrl, null);
    Importer importer = new Importer();

    ParseOutcome outcome = importer.parse(importer.load(ref));

    assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.Parsed.class, parsed -> {
      assertThat(parsed.format()).isEqualTo(Format.FEED);
      assertThat(parsed.episodes()).extracting(e -> e.title())
          .containsExactly("Second: Atom & Enclosures", "First: Hello Atom");
      assertThat(parsed.episodes().get(0).source()).isEqualTo(feedUrl);
    });
    String missing = url("/gone.xml").toString();
    assertThatThrownBy(() -> importer.load(new SourceRef(missing, missing, null)))
        .isInstanceOf(FeedFetchException.class)
        .hasMessage(missing + ": not found (HTTP 404)");
  }

  @Test
  void reEncodesFeedsInOtherCharsetsAsUtf8() throws IOException {
    FeedFetcher.FetchResult result = fetcher().fetch(url("/latin1"));

    assertThat(result).isInstanceOfSatisfying(FeedFetcher.FetchResult.Fetched.class, f ->
        assertThat(new String(f.body(), StandardCharsets.UTF_8))
            .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .contains("<title>Caf\u00e9 M\u00fcller</title>", "\u00c4rger"));
    assertThat(FeedFetcher.toUtf8("<rss>\u00e9</rss>".getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8"))
        .asString(StandardCharsets.UTF_8).isEqualTo("<rss>\u00e9</rss>");
  }
}
