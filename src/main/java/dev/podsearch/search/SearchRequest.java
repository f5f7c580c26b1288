package dev.podsearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One search as a user asked for it. Values are checked by {@link SearchService#search}, which throws {@link
 * InvalidQueryException} naming the parameter that is wrong.
 *
 * @param query the words typed; may be blank (then every episode matches, newest first under {@link SortOrder#DATE})
 * @param tags selected tags, OR-ed together
 * @param people selected people, OR-ed together
 * @param podcasts selected podcasts, OR-ed together
 * @param page 1-based page number
 */
public record SearchRequest(
    String query,
    List<String> tags,
    List<String> people,
    List<String> podcasts,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size) {

  public static final int MAX_QUERY_LENGTH = 1000;
  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    tags = tags == null ? List.of() : List.copyOf(tags);
    people = people == null ? List.of() : List.copyOf(people);
    podcasts = podcasts == null ? List.of() : List.copyOf(podcasts);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** A plain query: first page of ten, by relevance, no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, List.of(), List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 10);
  }
}
