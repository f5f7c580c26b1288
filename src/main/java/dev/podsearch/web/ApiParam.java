package dev.podsearch.web;

import java.util.List;

/**
 * One request parameter of a route, as the OpenAPI document describes it.
 *
 * @param in "query" or "path"
 * @param type an OpenAPI schema type ("string", "integer"); {@code format} refines it ("date"), or null
 * @param values the allowed values, empty when any value of the type goes
 */
record ApiParam(
    String name,
    String in,
    String type,
    String format,
    boolean required,
    boolean repeatable,
    List<String> values,
    String description) {

  static ApiParam query(String name, String type, String description) {
    return new ApiParam(name, "query", type, null, false, false, List.of(), description);
  }

  static ApiParam repeatable(String name, String description) {
    return new ApiParam(name, "query", "string", null, false, true, List.of(), description);
  }

  static ApiParam date(String name, String description) {
    return new ApiParam(name, "query", "string", "date", false, false, List.of(), description);
  }

  static ApiParam oneOf(String name, List<String> values, String description) {
    return new ApiParam(name, "query", "string", null, false, false, List.copyOf(values), description);
  }

  static ApiParam path(String name, String description) {
    return new ApiParam(name, "path", "string", null, true, false, List.of(), description);
  }
}
