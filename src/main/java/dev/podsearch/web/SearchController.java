package dev.podsearch.web;

import dev.podsearch.search.SearchService;
import dev.podsearch.search.TagCount;
import dev.podsearch.json.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;

/** HTTP for searching: results with facets, the tag list and typeahead suggestions. */
final class SearchController {
  static final int MAX_SUGGESTIONS = 10;
  private static final Comparator<TagCount> BY_COUNT_THEN_NAME =
      Comparator.comparingLong(TagCount::count).reversed().thenComparing(TagCount::tag);

  private final SearchService service;

  SearchController(SearchService service) {
    this.service = service;
  }

  void search(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
    // written as UTF-8 bytes at once: ctx.json makes a String first (UTF-16 once a snippet holds a "…") and encodes it
    // again, two more copies of the largest response the API sends
    ctx.contentType(ContentType.APPLICATION_JSON).result(Json.mapper().writeValueAsBytes(service.search(SearchParams.read(ctx))));
  }

  // Sorted here too: the order is part of the API, whichever service answers.
  void tags(Context ctx) {
    ctx.json(service.tags().stream().sorted(BY_COUNT_THEN_NAME).toList());
  }

  void suggest(Context ctx) {
    String prefix = SearchParams.text(ctx, "q");
    // Capped here as well, so a generous service cannot break the promise of at most ten.
    ctx.json(prefix.isEmpty() ? List.of() : service.suggest(prefix, MAX_SUGGESTIONS).stream().limit(MAX_SUGGESTIONS).toList());
  }
}
