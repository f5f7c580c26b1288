package dev.podsearch.search;

import java.util.List;
import java.util.Optional;

/**
 * The operations the web and cli layers need from an index. Implementations are thread-safe and pick up new commits
 * of the index by themselves.
 */
public interface SearchService extends AutoCloseable {

  /** Runs a search. @throws InvalidQueryException when the request is wrong, naming the parameter */
  SearchResults search(SearchRequest request);

  /** One episode with its related episodes, or empty when the id is unknown. */
  Optional<EpisodeDetail> episode(String id);

  /** Every tag with its count, by count descending, then name. */
  List<TagCount> tags();

  /** Up to {@code limit} completions of what the user has typed so far. */
  List<Suggestion> suggest(String prefix, int limit);

  /**
   * The sources (paths relative to the imported root, or URLs) of the hits of a search, best first: what ranking
   * evaluation compares with its targets. Implementations may answer this more cheaply than through {@link #episode}.
   */
  default List<String> sources(SearchRequest request) {
    return search(request).hits().stream()
        .map(hit -> episode(hit.id()).map(d -> d.episode().source()).orElse(""))
        .toList();
  }

  /** Whether an index is there, how big it is and when it was committed. */
  IndexStatus status();

  @Override
  void close();
}
