package dev.podsearch.web;

import dev.podsearch.search.IndexStatus;
import dev.podsearch.search.IndexUnavailableException;
import dev.podsearch.search.SearchService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;

/** HTTP for liveness: whether there is an index to answer from. */
final class HealthController {
  private final SearchService service;

  HealthController(SearchService service) {
    this.service = service;
  }

  /** The body of /health. */
  record Health(String status, long episodes, Instant lastCommit) {}

  void health(Context ctx) {
    IndexStatus status = status(service);
    boolean ok = status != null && status.available();
    ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    ctx.json(ok ? new Health("ok", status.episodes(), status.lastCommit()) : new Health("unavailable", 0, null));
  }

  /** The service's status, or null when it cannot tell (no index, closing). */
  static IndexStatus status(SearchService service) {
    try {
      return service.status();
    } catch (IndexUnavailableException e) {
      return null;
    }
  }
}
