package dev.podsearch.web;

import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import dev.podsearch.search.EpisodeDetail;
import dev.podsearch.search.FacetValue;
import dev.podsearch.search.Hit;
import dev.podsearch.search.IndexStatus;
import dev.podsearch.search.IndexUnavailableException;
import dev.podsearch.search.Moment;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchResults;
import dev.podsearch.search.SearchService;
import dev.podsearch.search.Suggestion;
import dev.podsearch.search.TagCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** A test double of the search service: canned answers, the last request kept, failures on demand. */
final class FakeSearchService implements SearchService {
  static final Instant COMMIT = Instant.parse("2026-11-20T10:15:30Z");
  static final Hit HIT =
      new Hit(
          "ep-1",
          "Iceberg tables",
          "Some Engineering",
          "https://example.org/iceberg",
          "https://example.org/iceberg.mp3",
          LocalDate.of(2024, 5, 31),
          3120,
          List.of("data", "lakehouse"),
          List.of(new Person("Ada Host", Role.HOST), new Person("Ben Guest", Role.GUEST)),
          "an open <mark>table</mark> format",
          4.5f,
          List.of(new Moment(61.5, 70.0, "Ben Guest", "the <mark>table</mark> format", "https://example.org/iceberg.mp3#t=61", "Intro", 0.0)),
          3);

  static final String TYPICAL_PAGE = "a typical page";

  volatile SearchRequest lastRequest;
  volatile String lastSuggestPrefix;
  volatile RuntimeException failure;
  volatile boolean available = true;
  volatile boolean closed;
  volatile int suggestions = 3;

  @Override
  public SearchResults search(SearchRequest request) {
    lastRequest = request;
    failIfAsked();
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    facets.put("tag", List.of(new FacetValue("data", 2, request.tags().contains("data")), new FacetValue("lakehouse", 1, false)));
    facets.put("person", List.of(new FacetValue("Ada Host", 1, false)));
    facets.put("podcast", List.of(new FacetValue("Some Engineering", 1, false)));
    facets.put("year", List.of(new FacetValue("2024", 1, false)));
    // "a typical page": a response of typical size, larger than one of Javalin's 8 KB pieces
    List<Hit> hits = request.query().equals(TYPICAL_PAGE) ? java.util.Collections.nCopies(30, HIT) : List.of(HIT);
    return new SearchResults(request.query(), hits.size(), request.page(), request.size(), 7, hits, facets, "iceberg");
  }

  @Override
  public Optional<EpisodeDetail> episode(String id) {
    failIfAsked();
    if (!id.equals("ep-1")) {
      return Optional.empty();
    }
    Episode episode =
        Episode.builder().id("ep-1").title("Iceberg tables").podcast("Some Engineering").published(LocalDate.of(2024, 5, 31))
            .tags(List.of("data")).build();
    return Optional.of(new EpisodeDetail(episode, List.of(HIT)));
  }

  @Override
  public List<TagCount> tags() {
    failIfAsked();
    // Deliberately out of order: the API promises count, then name.
    return List.of(new TagCount("zeta", 2), new TagCount("alpha", 2), new TagCount("big", 9), new TagCount("rare", 1));
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    lastSuggestPrefix = prefix;
    failIfAsked();
    List<Suggestion> out = new ArrayList<>();
    IntStream.range(0, suggestions).forEach(i -> out.add(new Suggestion(prefix + " " + i, "title")));
    return out;
  }

  @Override
  public IndexStatus status() {
    if (!available) {
      throw new IndexUnavailableException("no index at /tmp/index");
    }
    return new IndexStatus(true, 42, 123_456, COMMIT);
  }

  @Override
  public void close() {
    closed = true;
  }

  private void failIfAsked() {
    if (!available) {
      throw new IndexUnavailableException("no index at /tmp/index");
    }
    if (failure != null) {
      throw failure;
    }
  }
}
