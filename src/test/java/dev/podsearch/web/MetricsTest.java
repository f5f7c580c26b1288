package dev.podsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void countsRequestsPerMatchedRouteNotPerUrl() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      server.get("/api/episodes/ep-1");
      server.get("/api/episodes/unknown-one");
      server.get("/api/episodes/unknown-two");
      server.get("/api/search?q=a");
      server.get("/no/such/page");

      String metrics = server.get("/metrics").body();

      assertThat(metrics)
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/episodes/{id}\",status=\"200\"} 1")
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/episodes/{id}\",status=\"404\"} 2")
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"} 1")
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1")
          .doesNotContain("unknown-one")
          .doesNotContain("/no/such/page");
    }
  }

  @Test
  void exposesLatencyHistogramBuckets() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      server.get("/api/tags");

      String metrics = server.get("/metrics").body();

      assertThat(metrics)
          .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/tags\",status=\"200\",le=\"0.05\"}")
          .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/tags\",status=\"200\",le=\"+Inf\"} 1");
    }
  }

  @Test
  void reportsIndexSizeAndEpisodeCount() {
    try (TestServer server = new TestServer(new FakeSearchService())) {
      HttpResponse<String> response = server.get("/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(response.body()).contains("podsearch_index_episodes 42.0").contains("podsearch_index_size_bytes 123456.0");
    }
  }

  @Test
  void reportsAnEmptyIndexWhenThereIsNone() {
    FakeSearchService service = new FakeSearchService();
    service.available = false;
    try (TestServer server = new TestServer(service)) {
      assertThat(server.get("/metrics").body()).contains("podsearch_index_episodes 0.0");
    }
  }
}
