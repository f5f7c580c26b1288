package dev.podsearch.web;

import dev.podsearch.search.IndexUnavailableException;
import dev.podsearch.search.InvalidQueryException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON {@link ApiError}, in one place, so handlers never catch. */
final class ErrorMapping {
  static final String REINDEX_HINT = "Build the index with ./podsearch reindex, then retry.";
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  // Marks a response whose error body is already written, so the status-code handler leaves it alone.
  private static final String WRITTEN = "podsearch.error-written";

  private ErrorMapping() {}

  /** Registers the exception and status handlers on a Javalin configuration. */
  static void register(RoutesConfig routes) {
    routes.exception(InvalidQueryException.class, (e, ctx) -> respond(ctx, 400, "Bad request", naming(e)));
    routes.exception(IndexUnavailableException.class, (e, ctx) -> respond(ctx, 503, "Index unavailable", unavailable(e)));
    routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), title(e.getStatus()), e.getMessage()));
    routes.exception(Exception.class, ErrorMapping::unexpected);
    routes.error(404, ctx -> fallback(ctx, "no such resource: " + ctx.path()));
    routes.error(405, ctx -> fallback(ctx, ctx.method() + " is not allowed on " + ctx.path()));
    routes.error(413, ctx -> fallback(ctx, "the request body is too large"));
  }

  private static void unexpected(Exception e, Context ctx) {
    String query = ctx.queryString();
    LOG.error("{} {}{} failed", ctx.method(), ctx.path(), query == null ? "" : "?" + query, e);
    respond(ctx, 500, "Internal server error", "the server failed to answer this request; it has been logged");
  }

  private static void fallback(Context ctx, String details) {
    if (ctx.attribute(WRITTEN) == null) {
      respond(ctx, ctx.statusCode(), title(ctx.statusCode()), details);
    }
  }

  private static void respond(Context ctx, int status, String title, String details) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status).json(new ApiError(title, status, details));
  }

  // Services word messages either way ("q is too long", "is too long"); the client always gets the parameter first.
  private static String naming(InvalidQueryException e) {
    String message = e.getMessage() == null ? "is not valid" : e.getMessage().strip();
    String parameter = e.parameter();
    boolean named = parameter == null || parameter.isBlank() || message.startsWith(parameter + " ");
    return named ? message : parameter + " " + message;
  }

  private static String unavailable(IndexUnavailableException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    return message.contains("podsearch reindex") ? message : (message + " " + REINDEX_HINT).strip();
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    return known == HttpStatus.UNKNOWN ? "Error " + status : known.getMessage();
  }
}
