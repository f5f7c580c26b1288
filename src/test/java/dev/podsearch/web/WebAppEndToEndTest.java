package dev.podsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.index.SourceInfo;
import dev.podsearch.search.LuceneSearchService;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app over a real Lucene index in a temporary folder. */
class WebAppEndToEndTest {
  @TempDir Path index;

  private static Episode episode(String id, String title, LocalDate published, List<String> tags, String text) {
    return Episode.builder()
        .id(id)
        .podcast("Cloud Talk")
        .title(title)
        .url("https://example.org/" + id)
        .audioUrl("https://example.org/" + id + ".mp3")
        .published(published)
        .people(List.of(new Person("Lars Kamp", Role.HOST)))
        .tags(tags)
        .text(text)
        .transcript(List.of(new Cue(0, 5, "Lars", "Welcome to Cloud Talk."), new Cue(5, 12, "Lars", text)))
        .source(id + ".md")
        .contentHash(id)
        .build();
  }

  private static final List<Episode> EPISODES =
      List.of(
          episode("iceberg", "Apache Iceberg table format", LocalDate.of(2024, 5, 31), List.of("data", "lakehouse"),
              "Iceberg is an open table format for huge analytic tables."),
          episode("postgres", "Scaling Postgres replicas", LocalDate.of(2023, 3, 1), List.of("databases"),
              "Replicas, failover and the table bloat problem."),
          episode("finops", "Cloud cost estimates in pull requests", LocalDate.of(2022, 1, 9), List.of("finops", "data"),
              "Infracost posts cost estimates on Terraform pull requests."));

  private void write(List<Episode> episodes) throws IOException {
    try (IndexUpdater updater = IndexUpdater.open(index, false)) {
      for (Episode e : episodes) {
        SourceInfo info = new SourceInfo("/data", e.source(), "markdown", e.contentHash());
        updater.replaceSource(info.key(), List.of(EpisodeSchema.toDocument(e, info)));
      }
      updater.commit(Map.of());
    }
  }

  private TestServer server() {
    return new TestServer(LuceneSearchService.open(index));
  }

  @Test
  void searchesARealIndexWithFacetsHighlightsAndFilters() throws Exception {
    write(EPISODES);
    try (LuceneSearchService service = LuceneSearchService.open(index);
        TestServer server = new TestServer(service)) {
      JsonNode all = TestServer.json(server.get("/api/search?q=table"));
      JsonNode filtered = TestServer.json(server.get("/api/search?q=table&tag=lakehouse"));

      assertThat(all.get("total").asLong()).isEqualTo(2);
      assertThat(all.get("hits").get(0).get("snippet").asText()).contains("<mark>");
      assertThat(all.get("facets").get("tag").findValuesAsText("value")).contains("data", "lakehouse", "databases");
      assertThat(filtered.get("total").asLong()).isEqualTo(1);
      assertThat(filtered.get("hits").get(0).get("id").asText()).isEqualTo("iceberg");
      assertThat(filtered.get("facets").get("tag").findValues("selected").stream().filter(JsonNode::asBoolean)).hasSize(1);
    }
  }

  @Test
  void servesEpisodesTagsSuggestionsAndHealthFromARealIndex() throws Exception {
    write(EPISODES);
    try (LuceneSearchService service = LuceneSearchService.open(index);
        TestServer server = new TestServer(service)) {
      JsonNode episode = TestServer.json(server.get("/api/episodes/iceberg"));
      JsonNode tags = TestServer.json(server.get("/api/tags"));
      HttpResponse<String> suggest = server.get("/api/suggest?q=ice");
      JsonNode health = TestServer.json(server.get("/health"));

      assertThat(episode.get("title").asText()).isEqualTo("Apache Iceberg table format");
      assertThat(episode.get("related").isArray()).isTrue();
      assertThat(tags.get(0).get("tag").asText()).isEqualTo("data");
      assertThat(tags.get(0).get("count").asLong()).isEqualTo(2);
      assertThat(suggest.statusCode()).isEqualTo(200);
      assertThat(TestServer.json(suggest).size()).isLessThanOrEqualTo(10);
      assertThat(health.get("status").asText()).isEqualTo("ok");
      assertThat(health.get("episodes").asLong()).isEqualTo(3);
      assertThat(server.get("/api/episodes/nothing-like-this").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutAnIndexSearchIs503UntilOneIsCommitted() throws Exception {
    try (LuceneSearchService service = LuceneSearchService.open(index);
        TestServer server = new TestServer(service)) {
      HttpResponse<String> search = server.get("/api/search?q=table");
      assertThat(search.statusCode()).isEqualTo(503);
      assertThat(TestServer.json(search).get("details").asText()).contains("podsearch reindex");
      assertThat(server.get("/health").statusCode()).isEqualTo(503);

      write(EPISODES);

      assertThat(pollUntil(server, "/health", 200)).isTrue();
    }
  }

  @Test
  void aReindexByAnotherWriterIsServedWithinTwoSecondsWithoutAFailedRequest() throws Exception {
    write(EPISODES);
    try (LuceneSearchService service = LuceneSearchService.open(index);
        TestServer server = new TestServer(service)) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger requests = new AtomicInteger();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread load =
          new Thread(
              () -> {
                while (running.get()) {
                  HttpResponse<String> r = server.get("/api/search?q=table");
                  requests.incrementAndGet();
                  if (r.statusCode() != 200) {
                    failures.add(r.statusCode() + " " + r.body());
                  }
                }
              });
      load.start();

      write(List.of(episode("kafka", "Kafka as the table of record", LocalDate.of(2025, 2, 2), List.of("streaming"),
          "Streams and the table duality.")));
      long committed = System.nanoTime();
      boolean served = pollUntilFound(server, "/api/search?q=kafka", "\"id\":\"kafka\"");
      long tookMs = (System.nanoTime() - committed) / 1_000_000;
      awaitMoreRequests(requests, 10);
      running.set(false);
      load.join();

      assertThat(served).as("new commit served").isTrue();
      assertThat(tookMs).as("ms until the new commit was served").isLessThan(2_000);
      assertThat(failures).isEmpty();
      assertThat(requests.get()).isGreaterThanOrEqualTo(10);
    }
  }

  // Lets the load run across the switch to the new commit, not just up to it.
  private static void awaitMoreRequests(AtomicInteger requests, int more) throws InterruptedException {
    int target = requests.get() + more;
    for (int i = 0; i < 100 && requests.get() < target; i++) {
      Thread.sleep(20);
    }
  }

  // Polls at most ~3 s: long enough to tell "served within 2 s" from "never".
  private static boolean pollUntil(TestServer server, String path, int status) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      if (server.get(path).statusCode() == status) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static boolean pollUntilFound(TestServer server, String path, String text) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      if (server.get(path).body().contains(text)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
