package dev.podsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The indexed words within one or two edits of a (probably misspelt) word, in each field of a scope.
 *
 * <p>One Levenshtein automaton per word serves every field. A FuzzyQuery per field built its own automata (one per
 * edit distance) on every search: a fifth of a search's time. A field's spellings are one {@link SynonymQuery}, each
 * weighted by its closeness to the typed word, so that several near spellings count like one word, with the document
 * frequency of the most common: a rare misspelling does not get a rare word's weight. For plain words, {@link #closest}
 * gives the spellings across all fields at once, which the ranking scores as one BM25F word (as it scores real words).
 */
final class FuzzyWords {
  /** One field to look in: its name and the weight of a match there. */
  record Field(String name, float boost) {}

  private record Candidate(BytesRef term, String text, int edits, int docFreq) {}

  /** The closest spellings first, then the most common. */
  private static final Comparator<Candidate> CLOSEST_FIRST =
      Comparator.comparingInt(Candidate::edits).thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed())
          .thenComparing(Candidate::text);

  private FuzzyWords() {}

  /**
   * For each field holding spellings close to {@code word}: a query for at most {@code expansions} of them (the closest,
   * then the most common), boosted by the field's weight times {@code weight}.
   */
  static List<Query> of(IndexReader reader, String word, int maxEdits, List<Field> fields, int expansions, float weight)
      throws IOException {
    CompiledAutomaton automaton = FuzzyQuery.getFuzzyAutomaton(word, maxEdits, 1, true);
    List<Query> out = new ArrayList<>();
    for (Field field : fields) {
      List<Candidate> closest = candidates(reader, field.name(), automaton, word, maxEdits);
      closest.sort(CLOSEST_FIRST);
      if (closest.isEmpty()) {
        continue;
      }
      SynonymQuery.Builder spellings = new SynonymQuery.Builder(field.name());
      for (Candidate c : closest.subList(0, Math.min(expansions, closest.size()))) {
        spellings.addTerm(c.term(), closeness(word, c.edits()));
      }
      out.add(new BoostQuery(spellings.build(), field.boost() * weight));
    }
    return out;
  }

  /** An indexed spelling near the typed word, and how many edits away. */
  record Spelling(String text, int edits) {}

  /**
   * The spellings within {@code maxEdits} of {@code word}, other than the word itself, that any of {@code fields}
   * holds, at most {@code expansions} of them: the closest, then the most common (a spelling's count is its largest in
   * one field).
   */
  static List<Spelling> closest(IndexReader reader, String word, int maxEdits, List<String> fields, int expansions)
      throws IOException {
    CompiledAutomaton automaton = FuzzyQuery.getFuzzyAutomaton(word, maxEdits, 1, true);
    Map<BytesRef, Candidate> all = new HashMap<>();
    for (String field : fields) {
      for (Candidate c : candidates(reader, field, automaton, word, maxEdits)) {
        all.merge(c.term(), c, (a, b) -> a.docFreq() >= b.docFreq() ? a : b);
      }
    }
    all.values().removeIf(c -> c.edits() == 0);
    List<Candidate> sorted = new ArrayList<>(all.values());
    sorted.sort(CLOSEST_FIRST);
    return sorted.stream().limit(expansions).map(c -> new Spelling(c.text(), c.edits())).toList();
  }

  /** 1 for the word itself, less for each edit, relative to the word's length (as FuzzyQuery weighs them). */
  static float closeness(String word, int edits) {
    return Math.max(0.1f, 1f - (float) edits / word.codePointCount(0, word.length()));
  }

  private static List<Candidate> candidates(
      IndexReader reader, String field, CompiledAutomaton automaton, String word, int maxEdits) throws IOException {
    Map<BytesRef, Candidate> found = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = automaton.getTermsEnum(terms);
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        int df = te.docFreq();
        Candidate known = found.get(t);
        if (known != null) {
          found.put(known.term(), new Candidate(known.term(), known.text(), known.edits(), known.docFreq() + df));
          continue;
        }
        String text = t.utf8ToString();
        int edits = distance(word, text, maxEdits);
        if (edits <= maxEdits) {
          BytesRef copy = BytesRef.deepCopyOf(t);
          found.put(copy, new Candidate(copy, text, edits, df));
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Edits (insertions, deletions, substitutions and swaps of neighbours) between two words, in code points; anything
   * over {@code max} is reported as {@code max + 1}.
   */
  static int distance(String a, String b, int max) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    if (Math.abs(x.length - y.length) > max) {
      return max + 1;
    }
    int[][] d = new int[x.length + 1][y.length + 1];
    for (int i = 0; i <= x.length; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= y.length; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return Math.min(d[x.length][y.length], max + 1);
  }
}
