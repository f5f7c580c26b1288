package dev.podsearch.web;

import dev.podsearch.search.InvalidQueryException;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SortOrder;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads search parameters from a request, rejecting bad ones with a message that names the parameter. */
final class SearchParams {
  static final int DEFAULT_SIZE = 10;

  private SearchParams() {}

  /** The search the query string asks for. */
  static SearchRequest read(Context ctx) {
    String query = text(ctx, "q");
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidQueryException("from", "from (" + from + ") must not be after to (" + to + ")");
    }
    int page = number(ctx, "page", 1, 1, Integer.MAX_VALUE);
    int size = number(ctx, "size", DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE);
    if ((long) page * size > SearchRequest.MAX_WINDOW) {
      throw new InvalidQueryException(
          "page", "page " + page + " is too deep: page × size may be at most " + SearchRequest.MAX_WINDOW);
    }
    return new SearchRequest(
        query, values(ctx, "tag"), values(ctx, "person"), values(ctx, "podcast"), from, to, sort(ctx), page, size);
  }

  /** A free-text parameter, empty when absent, at most {@link SearchRequest#MAX_QUERY_LENGTH} characters. */
  static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return "";
    }
    if (value.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(
          name, name + " is " + value.length() + " characters long; at most " + SearchRequest.MAX_QUERY_LENGTH + " are allowed");
    }
    return value.strip();
  }

  private static List<String> values(Context ctx, String name) {
    List<String> values = ctx.queryParams(name).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    for (String value : values) {
      if (value.length() > SearchRequest.MAX_QUERY_LENGTH) {
        throw new InvalidQueryException(name, name + " values may be at most " + SearchRequest.MAX_QUERY_LENGTH + " characters long");
      }
    }
    return values;
  }

  private static LocalDate date(Context ctx, String name) {
    String value = blankToNull(ctx.queryParam(name));
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(name, name + " must be a date like 2024-05-31, not '" + shorten(value) + "'");
    }
  }

  private static int number(Context ctx, String name, int fallback, int min, int max) {
    String value = blankToNull(ctx.queryParam(name));
    if (value == null) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(name, name + " must be a whole number, not '" + shorten(value) + "'");
    }
    if (number < min || number > max) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      throw new InvalidQueryException(name, name + " must be " + range + ", not " + number);
    }
    return number;
  }

  private static SortOrder sort(Context ctx) {
    String value = blankToNull(ctx.queryParam("sort"));
    if (value == null) {
      return SortOrder.RELEVANCE;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "relevance" -> SortOrder.RELEVANCE;
      case "date" -> SortOrder.DATE;
      default -> throw new InvalidQueryException(
          "sort", "sort must be 'relevance' or 'date', not '" + shorten(value) + "'");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  // Echoing a huge parameter back would bloat the error; forty characters identify it.
  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
