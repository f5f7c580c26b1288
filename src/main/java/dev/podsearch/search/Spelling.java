package dev.podsearch.search;

import dev.podsearch.search.Scope.SearchField;
import dev.podsearch.search.UserQuery.Word;
import dev.podsearch.index.EpisodeSearcher;
import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word the index does not know with the closest word it does know, and a very rare
 * word with a close one that is far more common (big collections contain most typos somewhere).
 */
final class Spelling {
  private Spelling() {}

  /** How many words' corrections each reader remembers. */
  static final int CACHED_WORDS = 10_000;
  private static final Object CACHE = new Object();

  /**
   * The query with unknown words corrected, or null when there is nothing to correct. Each word's correction is
   * remembered for as long as the searcher's reader lives: finding one walks the terms of every searched field with a
   * Levenshtein automaton, a costly part of a search.
   */
  static String didYouMean(EpisodeSearcher searcher, String query, List<Word> suspects) throws IOException {
    Map<String, Optional<String>> known = searcher.cached(CACHE, s -> boundedMap());
    return correct(query, suspects, w -> {
      String key = w.scope() + ":" + w.text().toLowerCase(Locale.ROOT);
      Optional<String> best = known.get(key);
      if (best == null) {
        best = Optional.ofNullable(bestSuggestion(checker(), searcher.getIndexReader(), w));
        known.put(key, best);
      }
      return best.orElse(null);
    });
  }

  private interface Corrector {
    String best(Word w) throws IOException;
  }

  private static DirectSpellChecker checker() {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(3);
    return checker;
  }

  private static Map<String, Optional<String>> boundedMap() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > CACHED_WORDS;
          }
        });
  }

  private static String correct(String query, List<Word> suspects, Corrector corrector) throws IOException {
    if (suspects.isEmpty()) {
      return null;
    }
    StringBuilder corrected = new StringBuilder(query);
    boolean changed = false;
    List<Word> rightToLeft = suspects.stream().sorted(Comparator.comparingInt(Word::start).reversed()).toList();
    for (Word w : rightToLeft) {
      String best = corrector.best(w);
      if (best != null && w.end() <= corrected.length()) {
        corrected.replace(w.start(), w.end(), best);
        changed = true;
      }
    }
    return changed ? corrected.toString() : null;
  }

  /** A rare word is only corrected to a word this many times more common. */
  static final int MORE_COMMON = 20;

  private record Candidate(float score, long freq) {}

  /** The known word closest to {@code w} in any of the fields it searches: best score, then most frequent. */
  private static String bestSuggestion(DirectSpellChecker checker, IndexReader reader, Word w) throws IOException {
    String text = w.text().toLowerCase(Locale.ROOT);
    Map<String, Candidate> candidates = new HashMap<>();
    // How common the word is in all the fields it searches: a word known in the notes is no typo just because no
    // title has it.
    long own = 0;
    for (SearchField f : w.scope().fields()) {
      own += reader.docFreq(new Term(f.exact, text));
    }
    SuggestMode mode = own == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR;
    for (SearchField f : w.scope().fields()) {
      Term term = new Term(f.exact, text);
      for (SuggestWord s : checker.suggestSimilar(term, 3, reader, mode)) {
        if (own > 0 && s.freq < own * MORE_COMMON) {
          continue;
        }
        candidates.merge(
            s.string,
            new Candidate(s.score, s.freq),
            (a, b) -> new Candidate(Math.max(a.score(), b.score()), a.freq() + b.freq()));
      }
    }
    return candidates.entrySet().stream()
        .max(
            Comparator.comparing((Map.Entry<String, Candidate> e) -> e.getValue().score())
                .thenComparingLong(e -> e.getValue().freq()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }
}
