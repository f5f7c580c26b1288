package dev.podsearch.search;

import java.util.List;

/**
 * What a user typed, as units the ranking is built from: optional words (some of which must match), required and
 * excluded units.
 *
 * @param optional plain words and OR-groups of plain words: ranked, a minimum number of them must match
 * @param required phrases, scoped terms ({@code title:x}) and {@code +}/AND-ed units
 * @param excluded units after {@code -} or NOT
 * @param matchAll a lone {@code *}: every episode
 */
record UserQuery(List<Unit> optional, List<Unit> required, List<Unit> excluded, boolean matchAll) {

  /** Whether the user typed nothing to search for (blank query, or only a lone {@code *}). */
  boolean isBlank() {
    return optional.isEmpty() && required.isEmpty() && excluded.isEmpty();
  }

  /** One searchable piece of a query. */
  sealed interface Unit permits Word, Phrase, AnyOf, Said {}

  /**
   * A single word, perhaps a prefix ({@code cloud*}); {@code start}/{@code end} locate it in the query text so that
   * a spelling correction can replace it.
   */
  record Word(Scope scope, String text, boolean prefix, int start, int end) implements Unit {}

  /** Words that must appear next to each other. */
  record Phrase(Scope scope, String text) implements Unit {}

  /** Units joined by OR: any one of them matches. */
  record AnyOf(List<Unit> units) implements Unit {}

  /**
   * What one of {@code speakers} said ({@code speaker:"Name" words}): every unit must match in that speaker's own
   * transcript cues; with no units, episodes in which the speaker speaks (or is one of the people).
   */
  record Said(List<String> speakers, List<Unit> units) implements Unit {}
}
