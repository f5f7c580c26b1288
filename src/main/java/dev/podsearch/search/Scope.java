package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which fields a query unit searches: all of them, or the ones a prefix like {@code title:} names. */
enum Scope {
  ALL(SearchField.values()),
  TITLE(SearchField.TITLE),
  TAG(SearchField.TAGS),
  PERSON(SearchField.PEOPLE),
  PODCAST(SearchField.PODCAST),
  DESCRIPTION(SearchField.DESCRIPTION),
  TEXT(SearchField.TEXT, SearchField.DESCRIPTION),
  TRANSCRIPT(SearchField.TRANSCRIPT);

  private static final Map<String, Scope> NAMES =
      Map.ofEntries(
          Map.entry("title", TITLE),
          Map.entry("tag", TAG),
          Map.entry("tags", TAG),
          Map.entry("person", PERSON),
          Map.entry("people", PERSON),
          // until transcripts carry their own speaker field, a speaker is one of the episode's people
          Map.entry("speaker", PERSON),
          Map.entry("host", PERSON),
          Map.entry("guest", PERSON),
          Map.entry("podcast", PODCAST),
          Map.entry("show", PODCAST),
          Map.entry("description", DESCRIPTION),
          Map.entry("text", TEXT),
          Map.entry("notes", TEXT),
          Map.entry("transcript", TRANSCRIPT));

  private final List<SearchField> fields;

  Scope(SearchField... fields) {
    this.fields = List.of(fields);
  }

  /** The fields searched in this scope. */
  List<SearchField> fields() {
    return fields;
  }

  /** The scope a {@code name:} prefix names, if it is one we know. */
  static Optional<Scope> named(String name) {
    return Optional.ofNullable(NAMES.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * A searchable text field with its ranking weight. The weights are mild on purpose: short fields already score high
   * under BM25's length normalisation, and on known-item queries (../shared/relevance) strong title/people boosts let
   * one incidental title word outrank the episode whose talk matches the whole query. The podcast name matches every
   * episode of a show, so it counts least.
   */
  enum SearchField {
    TITLE(EpisodeSchema.TITLE, 4.0f),
    PEOPLE(EpisodeSchema.PEOPLE, 3.0f),
    TAGS(EpisodeSchema.TAGS, 3.0f),
    PODCAST(EpisodeSchema.PODCAST, 0.8f),
    DESCRIPTION(EpisodeSchema.DESCRIPTION, 2.0f),
    TEXT(EpisodeSchema.TEXT, 1.0f),
    TRANSCRIPT(EpisodeSchema.TRANSCRIPT, 0.8f);

    final String name;
    final String exact;
    final float boost;

    SearchField(String name, float boost) {
      this.name = name;
      this.exact = name + EpisodeSchema.EXACT;
      this.boost = boost;
    }
  }
}
