package dev.podsearch.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BiConsumer;

/** Headers that every response carries, so the page cannot be framed, sniffed or fed injected script. */
final class SecurityHeaders {
  /** Only our own scripts and styles; images may also be data: URIs (inline icons). */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    each(ctx::header);
  }

  /** Hands each header name and value to {@code sink}. */
  static void each(BiConsumer<String, String> sink) {
    HEADERS.forEach(sink);
  }
}
