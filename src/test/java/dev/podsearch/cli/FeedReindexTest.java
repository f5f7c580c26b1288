package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.importer.FeedFetcher;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** podsearch reindex of a feed URL served by a Javalin app on port 0 that answers conditional GETs as real hosts do. */
class FeedReindexTest {
  /** What the server answers: a feed body with its ETag, or a bare status. */
  private record Answer(int status, String body, String etag) {}

  @TempDir Path tmp;
  private final AtomicReference<Answer> answer = new AtomicReference<>();
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();
  private Javalin app;
  private String index;
  private String url;

  @BeforeEach
  void start() {
    app = Javalin.create(config -> {
      config.routes.get("/files/{name}", ctx -> {
        // the importer tests' remote chapters and transcripts; absent ones answer 404
        try (InputStream in = FeedReindexTest.class.getResourceAsStream("/feeds/remote/" + ctx.pathParam("name"))) {
          if (in == null) {
            ctx.status(404);
          } else {
            ctx.result(in.readAllBytes());
          }
        }
      });
      config.routes.get("/feed.xml", ctx -> {
        Answer a = answer.get();
        if (a.etag() != null && a.etag().equals(ctx.header("If-None-Match"))) {
          ctx.status(304);
        } else if (a.status() != 200) {
          ctx.status(a.status());
        } else {
          if (a.etag() != null) {
            ctx.header("ETag", a.etag());
          }
          ctx.contentType("application/rss+xml").result(a.body());
        }
        statuses.add(ctx.statusCode());
      });
    }).start(0);
    url = "http://localhost:" + app.port() + "/feed.xml";
    index = tmp.resolve("index").toString();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = FeedReindexTest.class.getResourceAsStream("feeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void serve(String fixture, String etag) throws IOException {
    answer.set(new Answer(200, fixture(fixture), etag));
  }

  private CliRun reindex(String source) {
    return CliRun.podsearch("reindex", "-q", "--index", index, source);
  }

  private String stats() {
    return CliRun.podsearch("stats", "--index", index).out();
  }

  private String search(String q) {
    return CliRun.podsearch("search", "--index", index, q).out();
  }

  @Test
  void aFeedIsImportedThenAnswers304ThenFailsAndKeepsItsEpisodesThenChanges() throws IOException {
    serve("v1.xml", "\"v1\"");
    CliRun first = reindex(url);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("feed\\s+2 \\(1\\)");
    assertThat(Path.of(index, FeedFetcher.CACHE_FILE)).content().contains(url, "\\\"v1\\\"");

    CliRun again = reindex(url);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(statuses).containsExactly(200, 304);
    assertThat(again.out()).containsPattern("feed\\s+0\\s+0\\s+2 \\(1\\)");

    answer.set(new Answer(404, null, null));
    CliRun gone = reindex(url);
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.SOURCES_FAILED);
    assertThat(gone.err().lines()).containsExactly("failed: " + url + ": not found (HTTP 404)");
    assertThat(stats()).contains("episodes:     2 from 1 sources");
    assertThat(search("rooftops")).contains("Beekeeping on rooftops");

    serve("v2.xml", "\"v2\"");
    CliRun changed = reindex(url);
    assertThat(changed.exitCode()).as(changed.err()).isZero();
    assertThat(changed.out()).containsPattern("feed\\s+0\\s+3 \\(1\\)");
    assertThat(stats()).contains("episodes:     3 from 1 sources");
    assertThat(search("skyscrapers")).contains("Beekeeping on skyscrapers");
    assertThat(search("rooftops")).doesNotContain("Beekeeping");
    assertThat(Path.of(index, FeedFetcher.CACHE_FILE)).content().contains("\\\"v2\\\"");
  }

  @Test
  void remoteChaptersAndTranscriptsAreFetchedSoTheirWordsAreSearchable() throws IOException {
    String feed;
    try (InputStream in = getClass().getResourceAsStream("/feeds/remote/feed.xml")) {
      feed = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", "http://localhost:" + app.port());
    }
    answer.set(new Answer(200, feed, null));
    String before = System.getProperty("podsearch.feeds.fetchAttachments");
    System.setProperty("podsearch.feeds.fetchAttachments", "true"); // the build switches it off for corpus tests
    try {
      CliRun run = reindex(url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(stats()).contains("episodes:     3 from 1 sources");
      assertThat(search("\"parsed as SRT\"")).contains("One: chapters and a choice of transcripts");
      assertThat(search("\"resolved against the feed URL\"")).contains("Two: a relative WebVTT link");
      assertThat(search("gone")).contains("Three: a transcript that is gone");
    } finally {
      if (before == null) {
        System.clearProperty("podsearch.feeds.fetchAttachments");
      } else {
        System.setProperty("podsearch.feeds.fetchAttachments", before);
      }
    }
  }

  @Test
  void aFeedThatIsNoLongerXmlKeepsItsEpisodesAndIsReported() throws IOException {
    serve("v1.xml", null);
    assertThat(reindex(url).exitCode()).isZero();
    answer.set(new Answer(200, "<!DOCTYPE html><html><body>Moved to a new host</body></html>", null));

    CliRun broken = reindex(url);

    assertThat(broken.exitCode()).as(broken.out() + broken.err()).isEqualTo(ExitCodes.SOURCES_FAILED);
    assertThat(broken.err().lines()).singleElement().asString()
        .startsWith("failed: " + url + ": not an RSS or Atom feed");
    assertThat(stats()).contains("episodes:     2 from 1 sources");
  }

  @Test
  void aSourcesFileListsPathsAndUrlsWithComments() throws IOException {
    serve("v1.xml", "\"v1\"");
    Path show = Files.createDirectories(tmp.resolve("lists/show"));
    try (InputStream in = getClass().getResourceAsStream("sources/show/2024-03-01-tracing.md")) {
      Files.copy(in, show.resolve("2024-03-01-tracing.md"));
    }
    Path list = Files.writeString(tmp.resolve("lists/sources.txt"),
        "# what podsearch indexes\n\nshow\n  " + url + "  \n# the end\n");

    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, "--sources", list.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stats()).contains("episodes:     3 from 2 sources");
  }

  @Test
  void aMissingPathInTheSourcesFileIsAUsageErrorNamingItsLine() throws IOException {
    Path list = Files.writeString(tmp.resolve("sources.txt"), "# comment\nnowhere/at/all\n");

    CliRun run = CliRun.podsearch("reindex", "-q", "--index", index, "--sources", list.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(list + ":2: no such source: nowhere/at/all");
  }
}
