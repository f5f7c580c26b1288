package dev.podsearch.web;

import static dev.podsearch.web.ApiRoute.get;

import dev.podsearch.json.Json;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;

/** Builds the podsearch web app: JSON API, health, metrics, OpenAPI and the static search page. */
public final class WebApp {
  private WebApp() {}

  /** A configured, not yet started app answering from {@code service}; the caller starts, stops and closes. */
  public static Javalin create(SearchService service, WebOptions options) {
    Metrics metrics = new Metrics(service);
    List<ApiRoute> routes = routes(service, metrics, new OpenApi());
    return Javalin.create(config -> configure(config, options, routes, metrics));
  }

  private static void configure(JavalinConfig config, WebOptions options, List<ApiRoute> routes, Metrics metrics) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new JavalinJackson(Json.mapper(), false));
    config.http.maxRequestSize = options.maxBodyBytes();
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(options.maxHeaderBytes());
          http.setSendServerVersion(false);
          // Javalin copies a response to the servlet in 8 KB pieces, each at Jetty's default aggregation size and so
          // each written out on its own, chunked; gathered into the 32 KB buffer, a typical search response (10-30 KB)
          // leaves in one write with a Content-Length: a tenth off a search's median over HTTP, measured with wrk
          http.setOutputAggregationSize(http.getOutputBufferSize());
        });
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    // Without the page on the classpath the API still serves (and Javalin would refuse a missing folder).
    if (WebApp.class.getResource(options.pageDirectory()) != null) {
      config.staticFiles.add(options.pageDirectory(), Location.CLASSPATH);
    }
    config.routes.before(metrics::start);
    config.routes.before(SecurityHeaders::apply);
    routes.forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
    ErrorMapping.register(config.routes);
    config.routes.after(metrics::finish);
  }

  /** The route table: every route with what openapi.json says about it. */
  static List<ApiRoute> routes(SearchService service, Metrics metrics, OpenApi openApi) {
    SearchController search = new SearchController(service);
    EpisodeController episodes = new EpisodeController(service);
    HealthController health = new HealthController(service);
    Map<Integer, String> searchable =
        OpenApi.errors(Map.of(200, "OK", 400, "A parameter is wrong (details names it)", 503, "No index yet"));
    List<ApiRoute> routes =
        List.of(
            get("/api/search", "Searches episodes; returns one page of hits with facets", search::search)
                .params(
                    ApiParam.query("q", "string", "The words to search for (at most " + SearchRequest.MAX_QUERY_LENGTH + " characters); empty matches every episode"),
                    ApiParam.repeatable("tag", "Only episodes with one of these tags"),
                    ApiParam.repeatable("person", "Only episodes with one of these people"),
                    ApiParam.repeatable("podcast", "Only episodes of one of these podcasts"),
                    ApiParam.date("from", "Only episodes published on or after this day (YYYY-MM-DD)"),
                    ApiParam.date("to", "Only episodes published on or before this day (YYYY-MM-DD)"),
                    ApiParam.oneOf("sort", List.of("relevance", "date"), "Order of hits (default relevance)"),
                    ApiParam.query("page", "integer", "1-based page number (default 1)"),
                    ApiParam.query("size", "integer", "Hits per page, 1 to " + SearchRequest.MAX_SIZE + " (default 10)"))
                .responses(searchable)
                .schema("SearchResults"),
            get("/api/episodes/{id}", "One episode with its related episodes", episodes::episode)
                .params(ApiParam.path("id", "The episode id, as in a hit"))
                .responses(OpenApi.errors(Map.of(200, "OK", 404, "No episode with this id", 503, "No index yet")))
                .schema("Episode"),
            get("/api/tags", "Every tag with its count, by count then name", search::tags)
                .responses(OpenApi.errors(Map.of(200, "OK", 503, "No index yet")))
                .schema("[TagCount]"),
            get("/api/suggest", "Up to " + SearchController.MAX_SUGGESTIONS + " completions of what was typed", search::suggest)
                .params(ApiParam.query("q", "string", "What the user has typed so far"))
                .responses(searchable)
                .schema("[Suggestion]"),
            get("/health", "Whether an index is served, with its episode count and last commit", health::health)
                .responses(Map.of(200, "Serving an index", 503, "No index to serve"))
                .schema("Health"),
            get("/metrics", "Request counts, latency histograms and index size (Prometheus text format)", metrics::serve)
                .produces(Metrics.CONTENT_TYPE),
            get("/openapi.json", "This description of the API", openApi::serve));
    openApi.describe(routes);
    return routes;
  }
}
