package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remote podcast:chapters and podcast:transcript files, fetched during import from a Javalin app on port 0. */
class FeedRemoteFilesTest {
  private static final Path FILES = FeedTestSupport.fixtures().resolve("remote");
  private static final List<String> requested = new CopyOnWriteArrayList<>();
  private static Javalin app;
  private static String base;

  @BeforeAll
  static void start() {
    app = Javalin.create(config -> {
      config.routes.get("/feed.xml", ctx -> ctx.contentType("application/rss+xml")
          .result(Files.readString(FILES.resolve("feed.xml")).replace("{base}", base)));
      config.routes.get("/files/{name}", ctx -> {
        requested.add(ctx.pathParam("name"));
        Path file = FILES.resolve(ctx.pathParam("name"));
        if (Files.isRegularFile(file)) {
          ctx.result(Files.readAllBytes(file));
        } else {
          ctx.status(404);
        }
      });
    }).start(0);
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @BeforeEach
  void clear() {
    requested.clear();
  }

  /** Loads and parses the served feed the way a reindex does, with the given parser for feeds. */
  private static ParseOutcome.Parsed importFeed(FeedParser parser) throws IOException {
    Importer importer = new Importer(Map.of(Format.FEED, parser));
    String url = base + "/feed.xml";
    ParseOutcome outcome = importer.parse(importer.load(new SourceRef(url, url, null)));
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return (ParseOutcome.Parsed) outcome;
  }

  private static FeedRemoteFiles bounded(int maxFetches, Duration budget) {
    return new FeedRemoteFiles(FeedFetcher.forAttachments(), maxFetches, budget);
  }

  @Test
  void remoteChaptersAndTheBestTranscriptAreFetchedAndAMissingOneIsOnlyAWarning() throws IOException {
    ParseOutcome.Parsed parsed = importFeed(new FeedParser(FeedRemoteFiles.standard()));
    List<Episode> episodes = parsed.episodes();

    assertThat(episodes).extracting(Episode::title).containsExactly(
        "One: chapters and a choice of transcripts", "Two: a relative WebVTT link", "Three: a transcript that is gone");
    Episode one = episodes.get(0);
    assertThat(one.chapters()).containsExactly(
        new Chapter(0, "Cold open"), new Chapter(95.5, "Remote chapters explained"), new Chapter(1800, "Listener mail"));
    assertThat(one.transcript()).extracting(Cue::start, Cue::end, Cue::speaker, Cue::text).containsExactly(
        tuple(1.0, 3.5, "Ada Host", "Welcome to the remote episode."),
        tuple(4.0, 7.25, "Bo Guest", "Fetched over HTTP, parsed as SRT."));
    assertThat(episodes.get(1).transcript()).extracting(Cue::start, Cue::end, Cue::speaker, Cue::text).containsExactly(
        tuple(2.0, 5.0, "Cy Host", "A relative link, resolved against the feed URL."));
    assertThat(episodes.get(2).transcript()).isEmpty();

    assertThat(parsed.warnings()).containsExactly(
        "line 20: transcript not fetched: " + base + "/files/gone.srt: not found (HTTP 404)");
    assertThat(requested).as("one transcript per item, SRT preferred over HTML")
        .containsExactlyInAnyOrder("one-chapters.json", "one.srt", "two.vtt", "gone.srt");
  }

  @Test
  void switchedOffNothingIsFetchedAndTheFeedSaysSoOnce() throws IOException {
    ParseOutcome.Parsed parsed = importFeed(new FeedParser(null));

    assertThat(parsed.episodes()).hasSize(3).allSatisfy(e -> {
      assertThat(e.chapters()).isEmpty();
      assertThat(e.transcript()).isEmpty();
    });
    assertThat(requested).isEmpty();
    assertThat(parsed.warnings()).containsExactly(
        "remote files not fetched while parsing: 1 chapters file(s) and 3 item(s) with only remote transcripts");
  }

  @Test
  void theFetchCapPerFeedSkipsTheRestWithOneWarning() throws IOException {
    ParseOutcome.Parsed parsed = importFeed(new FeedParser(bounded(2, FeedRemoteFiles.BUDGET)));

    assertThat(parsed.episodes()).hasSize(3);
    assertThat(parsed.episodes().get(0).chapters()).hasSize(3);
    assertThat(parsed.episodes().get(0).transcript()).hasSize(2);
    assertThat(parsed.episodes().get(1).transcript()).isEmpty();
    assertThat(requested).containsExactlyInAnyOrder("one-chapters.json", "one.srt");
    assertThat(parsed.warnings()).containsExactly(
        "2 remote chapters/transcript file(s) skipped: at most 2 are fetched per feed");
  }

  @Test
  void aSpentTimeBudgetSkipsTheRestWithOneWarningAndKeepsEveryEpisode() throws IOException {
    ParseOutcome.Parsed parsed = importFeed(new FeedParser(bounded(200, Duration.ZERO)));

    assertThat(parsed.episodes()).hasSize(3).allSatisfy(e -> assertThat(e.transcript()).isEmpty());
    assertThat(parsed.warnings()).containsExactly(
        "4 remote chapters/transcript file(s) skipped: the 0 s budget for fetching one feed's files ran out");
  }

  @Test
  void aRemoteFileOverTheSizeCapIsAWarningNamingItsUrl() throws IOException {
    FeedFetcher tiny = FeedFetcher.forAttachments(Duration.ofSeconds(5), Duration.ofSeconds(10), 180);
    ParseOutcome.Parsed parsed = importFeed(new FeedParser(new FeedRemoteFiles(tiny, 200, FeedRemoteFiles.BUDGET)));

    assertThat(parsed.episodes().get(0).chapters()).isEmpty();
    assertThat(parsed.episodes().get(0).transcript()).as("files under the cap still come").hasSize(2);
    assertThat(parsed.warnings()).contains("line 8: chapters file not fetched: " + base
        + "/files/one-chapters.json: larger than the 180 bytes limit for chapters and transcript files");
    assertThat(new String(Files.readAllBytes(FILES.resolve("one-chapters.json")), StandardCharsets.UTF_8))
        .as("the fixture really is over the cap").hasSizeGreaterThan(180);
  }
}
