package dev.podsearch.web;

import dev.podsearch.search.IndexStatus;
import dev.podsearch.search.SearchService;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/** Request counts and latency histograms per route, and the size of the index, in Prometheus text format. */
final class Metrics {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  // Fixed buckets keep the output small and comparable across runs; search is expected well under 50 ms.
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofSeconds(2), Duration.ofSeconds(5)
  };

  private static final String STARTED = "podsearch.started-nanos";
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  Metrics(SearchService service) {
    gauge("podsearch.index.episodes", null, "episodes in the served index", service, IndexStatus::episodes);
    gauge("podsearch.index.size", "bytes", "size of the served index on disk", service, IndexStatus::sizeBytes);
  }

  /** Notes when a request started; a before-handler. */
  void start(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  /**
   * Records a finished request; an after-handler, which runs before the response is sent, so a client that has its
   * answer finds the request already counted.
   */
  void finish(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started != null) {
      record(ctx, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private void record(Context ctx, Duration elapsed) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route, method and status")
        .tag("route", route(ctx))
        .tag("method", ctx.method().name())
        .tag("status", Integer.toString(ctx.statusCode()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(elapsed);
  }

  void serve(Context ctx) {
    ctx.contentType(CONTENT_TYPE).result(registry.scrape());
  }

  // The matched route path ("/api/episodes/{id}"), never the raw URL, so the number of series stays bounded.
  private static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return ctx.statusCode() == 404 ? "unmatched" : "static";
  }

  private void gauge(
      String name, String unit, String help, SearchService service, ToDoubleFunction<IndexStatus> value) {
    Gauge.builder(name, service, s -> read(s, value)).baseUnit(unit).description(help).register(registry);
  }

  private static double read(SearchService service, ToDoubleFunction<IndexStatus> value) {
    IndexStatus status = HealthController.status(service);
    return status == null || !status.available() ? 0 : value.applyAsDouble(status);
  }
}
