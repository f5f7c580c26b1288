package dev.podsearch.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/**
 * One entry of the route table: what Javalin registers and what openapi.json describes, so the two cannot drift.
 *
 * @param responses status code to description
 * @param produces the media type of a successful response
 * @param schema the component schema of a successful JSON response ("Hit"), "[Hit]" for a list of them, or null
 */
record ApiRoute(
    HandlerType method,
    String path,
    String summary,
    List<ApiParam> params,
    Map<Integer, String> responses,
    String produces,
    String schema,
    Handler handler) {

  static ApiRoute get(String path, String summary, Handler handler) {
    return new ApiRoute(HandlerType.GET, path, summary, List.of(), Map.of(200, "OK"), "application/json", null, handler);
  }

  ApiRoute params(ApiParam... more) {
    return new ApiRoute(method, path, summary, List.of(more), responses, produces, schema, handler);
  }

  ApiRoute responses(Map<Integer, String> more) {
    return new ApiRoute(method, path, summary, params, more, produces, schema, handler);
  }

  ApiRoute produces(String mediaType) {
    return new ApiRoute(method, path, summary, params, responses, mediaType, schema, handler);
  }

  ApiRoute schema(String component) {
    return new ApiRoute(method, path, summary, params, responses, produces, component, handler);
  }
}
