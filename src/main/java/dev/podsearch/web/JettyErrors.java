package dev.podsearch.web;

import dev.podsearch.json.Json;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before Javalin sees the request (bad URIs, oversized headers), in the same JSON shape and
 * with the same security headers as the API's own errors.
 */
final class JettyErrors extends ErrorHandler {

  JettyErrors() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) throws IOException {
    int status = code == 400 && climbsOutOfRoot(request) ? 404 : code;
    response.setStatus(status);
    ByteBuffer body = body(status, response.getHeaders());
    response.write(true, body, callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    return body(status, fields);
  }

  // A path that climbs out of a folder ("/a/%2e%2e/b") finds nothing: 404, like any other missing file. One that climbs
  // above the root ("/../x") never gets this far: Jetty refuses it while parsing, as a 400 with no path to look at.
  private static boolean climbsOutOfRoot(Request request) {
    String path = request.getHttpURI().getPath();
    return path != null && (path.contains("..") || path.toLowerCase(Locale.ROOT).contains("%2e"));
  }

  private static ByteBuffer body(int status, HttpFields.Mutable headers) {
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    SecurityHeaders.each(headers::put);
    String details = status == 404 ? "no such resource" : "the request was refused: " + title(status).toLowerCase(Locale.ROOT);
    return ByteBuffer.wrap(Json.write(new ApiError(title(status), status, details)).getBytes(StandardCharsets.UTF_8));
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    return known == HttpStatus.UNKNOWN ? "Error " + status : known.getMessage();
  }
}
