package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.search.Scope.SearchField;
import dev.podsearch.search.UserQuery.AnyOf;
import dev.podsearch.search.UserQuery.Phrase;
import dev.podsearch.search.UserQuery.Unit;
import dev.podsearch.search.UserQuery.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Turns a {@link UserQuery} into a ranked Lucene query.
 *
 * <p>Ranking choices (measured in docs/ranking.md): each plain word is scored with BM25F over all the fields of its
 * scope at once (Lucene's {@link CombinedFieldQuery}: a word in the title counts as several occurrences in one
 * combined document, so evidence from title, notes and transcript adds up instead of the best field alone counting,
 * and an hour of transcript cannot outweigh a short episode by repetition); the unstemmed {@code .exact} twins add a
 * bonus for the very word typed; a word of the curated synonym list also matches its synonyms, scored as one word;
 * a hyphenated word also matches its closed spelling ("multi-sig", "multisig"), and a closed one its open spelling in a
 * title ("Multi Sig");
 * plain words are OR-ed with a minimum number that must match (all of one or two, most of more, any one when that
 * finds nothing); words near each other in title, description or notes get a proximity bonus; words the index has
 * (almost) never seen are matched fuzzily at a lower weight, their near spellings scored as one BM25F word. Phrases, prefixes and stop-word-only queries are scored
 * per field, the best field counting most.
 */
final class RankingQueryBuilder {
  static final float TIE_BREAKER = 0.3f;
  /** Share of a field's weight added when the unstemmed word matches too. */
  static final float EXACT_BONUS = 0.5f;
  /** Fuzzy matches count for much less than real ones, so an exact match always ranks first. */
  static final float FUZZY_WEIGHT = 0.3f;
  static final int FUZZY_EXPANSIONS = 10;
  static final int MAX_FUZZY_WORDS = 5;
  static final int RARE_PER_DOCS = 1000;
  /** A prefix matching more distinct words than this (in one field) is refused: it says nothing. */
  static final int MAX_PREFIX_TERMS = 5000;
  /** How many of a prefix's words are scored (the most frequent ones). */
  static final int PREFIX_SCORED_TERMS = 50;

  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /** The fields snippets and moments come from. */
  private static final Set<SearchField> HIGHLIGHTED =
      EnumSet.of(SearchField.DESCRIPTION, SearchField.TEXT, SearchField.TRANSCRIPT);

  private record Proximity(SearchField field, int slop, float boost) {}

  private static final List<Proximity> PROXIMITY =
      List.of(
          new Proximity(SearchField.TITLE, 2, 2.0f),
          new Proximity(SearchField.DESCRIPTION, 4, 1.0f),
          // not the transcript: measured, no gain (common words meet everywhere in an hour of talk), and costly
          new Proximity(SearchField.TEXT, 8, 1.0f));

  private final IndexReader reader;
  private final org.apache.lucene.util.QueryBuilder analyzing;
  private final Analyzer stemAnalyzer = EpisodeSchema.englishAnalyzer();
  private final Analyzer exactAnalyzer = EpisodeSchema.exactAnalyzer();
  private final List<Word> suspectWords = new ArrayList<>();
  private final List<Query> combinedTerms = new ArrayList<>();
  /** The exact-word bonus clauses of the last built query (compared by identity). */
  private final Set<Query> exactTwins = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final List<List<String>> passageWords = new ArrayList<>();
  private boolean excluding;
  private boolean exactOnly;

  RankingQueryBuilder(IndexReader reader) {
    this.reader = reader;
    this.analyzing = new org.apache.lucene.util.QueryBuilder(EpisodeSchema.analyzer());
  }

  /**
   * The words of the last built query that no document contains, or only a handful do (in a large collection, a
   * typo usually occurs somewhere too): the candidates for "did you mean".
   */
  List<Word> suspectWords() {
    return List.copyOf(suspectWords);
  }

  /** Each wanted plain word of the last built query as its indexed alternatives: what {@link PassageBonus} looks for. */
  List<List<String>> passageWords() {
    return List.copyOf(passageWords);
  }

  /**
   * {@code ranked} (the last built query) as the highlighter should see it: the BM25F words also as plain term
   * queries. The unified highlighter, when it highlights phrases strictly, marks a word that is part of a proximity
   * phrase only where the phrase matches, unless a plain term query names it too.
   */
  Query forHighlighting(Query ranked) {
    Query words = without(withoutProximity(ranked), exactTwins);
    if (combinedTerms.isEmpty()) {
      return words;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.SHOULD);
    combinedTerms.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  /**
   * {@code query} without the clauses in {@code dropped} (by identity), at any depth. The exact-word bonus of a plain
   * word marks the very places its stem marks: the highlighter looked each of them up again in every hit's postings.
   */
  private static Query without(Query query, Set<Query> dropped) {
    if (dropped.isEmpty() || !(query instanceof BooleanQuery bq)) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    for (BooleanClause c : bq.clauses()) {
      if (!dropped.contains(c.getQuery())) {
        b.add(without(c.getQuery(), dropped), c.getOccur());
      }
    }
    return b.build();
  }

  /**
   * {@code ranked} without its proximity bonus clauses. Every word of them is in the query on its own, so they mark
   * nothing more; but the highlighter turns each sloppy phrase into span queries per hit and field, which was a
   * fifth of highlighting long notes.
   */
  static Query withoutProximity(Query ranked) {
    if (!(ranked instanceof BooleanQuery bq)) {
      return ranked;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    boolean dropped = false;
    for (BooleanClause c : bq.clauses()) {
      Query q = c.getQuery() instanceof BoostQuery boost ? boost.getQuery() : c.getQuery();
      if (c.getOccur() == Occur.SHOULD && q instanceof PhraseQuery phrase && phrase.getSlop() > 0) {
        dropped = true;
      } else {
        b.add(c);
      }
    }
    return dropped ? b.build() : ranked;
  }

  /**
   * At most this many documents holding a word make it suspect: in a big collection a typo is usually somewhere
   * (transcripts are full of them); in a small one only a word no document holds is.
   */
  private long rareDocs() {
    return reader.numDocs() / RARE_PER_DOCS;
  }

  /** Share of the optional words that must match (rounded up); when none match that well, any one may. */
  static final double MINIMUM_SHOULD_MATCH = 0.6;

  /**
   * How many of {@code n} optional words must match: 60%, rounded up (all of one or two, two of three). Measured on the
   * known-item dev set under BM25F (docs/ranking.md): three quarters lost targets of vague queries, plain OR (with or
   * without a coordination bonus) let loosely related long episodes in above the one sought; the relaxed retry keeps
   * vague queries from finding nothing.
   */
  static int minimumShouldMatch(int n) {
    return (int) Math.ceil(n * MINIMUM_SHOULD_MATCH);
  }

  /**
   * The Lucene query for {@code query}; {@code relaxed} lets any one optional word match (used when the strict form
   * finds nothing).
   */
  Query build(UserQuery query, boolean relaxed) throws IOException {
    suspectWords.clear();
    combinedTerms.clear();
    exactTwins.clear();
    passageWords.clear();
    exactOnly = false;
    if (query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    Query built = assemble(query, relaxed);
    if (built == null) {
      // only stop words ("the who"): search them as typed in the unstemmed fields
      exactOnly = true;
      suspectWords.clear();
      built = assemble(query, relaxed);
    }
    return built == null ? new MatchNoDocsQuery("no searchable words") : built;
  }

  private Query assemble(UserQuery query, boolean relaxed) throws IOException {
    BooleanQuery.Builder outer = new BooleanQuery.Builder();
    boolean positive = false;
    List<Query> optional = queries(query.optional());
    if (!optional.isEmpty()) {
      outer.add(atLeast(optional, relaxed ? 1 : minimumShouldMatch(optional.size())), Occur.MUST);
      positive = true;
    }
    for (Query q : queries(query.required())) {
      outer.add(q, Occur.MUST);
      positive = true;
    }
    excluding = true;
    List<Query> excluded = queries(query.excluded());
    excluding = false;
    if (!positive && excluded.isEmpty() && !query.matchAll()) {
      return null;
    }
    if (!positive) {
      outer.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    excluded.forEach(q -> outer.add(q, Occur.MUST_NOT));
    proximity(query.optional()).forEach(q -> outer.add(q, Occur.SHOULD));
    return outer.build();
  }

  private static Query atLeast(List<Query> queries, int minimum) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, Occur.SHOULD));
    return b.setMinimumNumberShouldMatch(minimum).build();
  }

  private List<Query> queries(List<Unit> units) throws IOException {
    List<Query> out = new ArrayList<>();
    for (Unit unit : units) {
      Query q = unit(unit);
      if (q != null) {
        out.add(q);
      }
    }
    return out;
  }

  private Query unit(Unit unit) throws IOException {
    if (unit instanceof Word w) {
      return w.prefix() ? prefix(w) : word(w);
    }
    if (unit instanceof Phrase p) {
      return phrase(p.scope(), p.text(), 0);
    }
    if (unit instanceof UserQuery.Said said) {
      return SpeakerQuery.build(reader, said); // what one person said: its own field and rules
    }
    List<Query> any = queries(((AnyOf) unit).units());
    return any.isEmpty() ? null : atLeast(any, 1);
  }

  private Query word(Word w) throws IOException {
    return exactOnly ? perFieldWord(w) : combinedWord(w);
  }

  /** A word scored field by field, the best field counting most: for stop words searched as typed. */
  private Query perFieldWord(Word w) throws IOException {
    List<Query> perField = new ArrayList<>();
    long docs = 0;
    String exactTerm = null;
    for (SearchField f : w.scope().fields()) {
      Query stem = exactOnly ? null : analyzing.createPhraseQuery(f.name, w.text());
      Query exact = analyzing.createPhraseQuery(f.exact, w.text());
      if (stem == null && (exact == null || !exactOnly)) {
        continue; // a stop word
      }
      perField.add(new BoostQuery(withExactBonus(stem, exact), f.boost));
      docs += docFreq(stem != null ? stem : exact);
      if (exact instanceof TermQuery tq) {
        exactTerm = tq.getTerm().text();
      }
    }
    if (perField.isEmpty()) {
      return null;
    }
    if (docs <= rareDocs() && exactTerm != null) {
      suspectWords.add(w);
      if (exactTerm.length() >= 4 && suspectWords.size() <= MAX_FUZZY_WORDS) {
        perField.addAll(fuzzy(w.scope(), exactTerm));
      }
    }
    return combine(perField);
  }

  /** A word scored with BM25F over its scope's fields, with its synonyms; null for a stop word. */
  private Query combinedWord(Word w) throws IOException {
    List<String> stems = tokens(stemAnalyzer, w.text());
    List<String> exacts = tokens(exactAnalyzer, w.text());
    if (stems.isEmpty()) {
      return null;
    }
    if (stems.size() > 1 || exacts.size() != 1) {
      // "on-chain", "self-hosted": each part counts as a word of its own
      BooleanQuery.Builder parts = new BooleanQuery.Builder();
      for (String stem : stems) {
        if (!excluding) {
          passageWords.add(List.of(stem));
        }
        parts.add(combined(w.scope(), List.of(stem), List.of()), Occur.SHOULD);
      }
      Query closed = excluding ? null : closedForm(w.scope(), exacts);
      return closed == null ? parts.build() : new DisjunctionMaxQuery(List.of(parts.build(), closed), 0f);
    }
    List<String> stemAlternatives = new ArrayList<>(stems);
    List<String> exactAlternatives = new ArrayList<>(exacts);
    for (String synonym : Synonyms.of(exacts.get(0))) {
      List<String> stem = tokens(stemAnalyzer, synonym);
      List<String> exact = tokens(exactAnalyzer, synonym);
      if (stem.size() == 1 && exact.size() == 1) { // one word, scored as the same word
        stemAlternatives.addAll(stem);
        exactAlternatives.addAll(exact);
      }
    }
    Query combined = combined(w.scope(), stemAlternatives, exactAlternatives);
    if (!excluding) {
      passageWords.add(stemAlternatives.stream().distinct().toList());
    }
    Query open = excluding || stemAlternatives.size() > 1 ? null : titleOpenForm(w.scope(), exacts.get(0), stems.get(0));
    if (open != null) {
      combined = new BooleanQuery.Builder().add(combined, Occur.SHOULD).add(open, Occur.SHOULD).build();
    }
    if (stemAlternatives.size() > 1 || !isRare(w.scope(), stems.get(0))) {
      return combined;
    }
    suspectWords.add(w);
    String exactTerm = exacts.get(0);
    if (exactTerm.length() < 4 || suspectWords.size() > MAX_FUZZY_WORDS) {
      return combined;
    }
    BooleanQuery.Builder withFuzzy = new BooleanQuery.Builder().add(combined, Occur.SHOULD);
    Query fuzzy = fuzzyCombined(w.scope(), exactTerm);
    if (fuzzy != null) {
      withFuzzy.add(fuzzy, Occur.SHOULD);
    }
    return withFuzzy.build();
  }

  /**
   * A closed compound typed ("multisig") found open in a title ("Single Sig or Multi Sig?"): its two parts adjacent in
   * the title, a bonus added to the word's score of the weight of the word's idf times this (times the lightest field's
   * weight and the exact bonus, as a BM25F word is scored). Measured: 1 (about a title match of the word as typed)
   * moved the one dev query it touches from 27 to 14, 1.5 to 9, 2 to 4; nothing else moved.
   */
  static final float OPEN_TITLE_WEIGHT = 1.5f;
  /** Shortest part a closed compound is split into. */
  static final int MIN_PART = 3;

  /**
   * {@code word} (a closed compound, perhaps) as its open form in a title: the split whose parts the most titles hold
   * (each part at least {@link #MIN_PART} letters, neither a stop word, the first stopping short of the stem so that
   * "attack|ing" is no split), as a phrase over titles scoring a constant. Only titles: they are short, so the lookups
   * and the phrase cost little, where over the transcripts nearly every word splits into two common ones and the
   * phrases took 40% of a search's CPU (docs/ranking.md). Null when no title holds both parts.
   */
  private Query titleOpenForm(Scope scope, String word, String stem) throws IOException {
    if (!scope.fields().contains(SearchField.TITLE) || word.length() < 2 * MIN_PART
        || !word.chars().allMatch(Character::isLetter)) {
      return null;
    }
    String title = SearchField.TITLE.exact;
    String first = null;
    String second = null;
    long best = 0;
    for (int i = MIN_PART; i <= Math.min(word.length() - MIN_PART, stem.length() - 1); i++) {
      String a = word.substring(0, i);
      String b = word.substring(i);
      if (STOP_WORDS.contains(a) || STOP_WORDS.contains(b)) {
        continue;
      }
      long docs = reader.docFreq(new Term(title, a));
      if (docs > best) { // most splits end here, without looking the second part up
        docs = Math.min(docs, reader.docFreq(new Term(title, b)));
      }
      if (docs > best) {
        best = docs;
        first = a;
        second = b;
      }
    }
    if (first == null) {
      return null;
    }
    long df = 0;
    for (SearchField f : scope.fields()) {
      df = Math.max(df, reader.docFreq(new Term(f.name, stem)));
    }
    float idf = (float) PassageBonus.idf(reader.maxDoc(), df);
    return new BoostQuery(new ConstantScoreQuery(new PhraseQuery(title, first, second)),
        OPEN_TITLE_WEIGHT * lightest(scope) * (1 + EXACT_BONUS) * idf);
  }

  /**
   * A hyphenated or split word ("multi-sig", "on-chain") also as its closed form ("multisig", "onchain"), scored as
   * that word, when some episode spells it so; null otherwise.
   */
  private Query closedForm(Scope scope, List<String> exacts) throws IOException {
    String joined = String.join("", exacts);
    if (exacts.size() < 2 || !joined.chars().allMatch(Character::isLetter)) {
      return null;
    }
    long docs = 0;
    for (SearchField f : scope.fields()) {
      docs = Math.max(docs, reader.docFreq(new Term(f.exact, joined)));
    }
    if (docs == 0) {
      return null;
    }
    List<String> stem = tokens(stemAnalyzer, joined);
    return stem.size() == 1 ? combined(scope, stem, List.of(joined)) : null;
  }

  private boolean isRare(Scope scope, String stem) throws IOException {
    long docs = 0;
    for (SearchField f : scope.fields()) {
      docs += reader.docFreq(new Term(f.name, stem));
    }
    return docs <= rareDocs();
  }

  /**
   * BM25F of the stemmed terms (as one word) over the scope's fields, plus the exact-word bonus. Field weights are
   * relative to the lightest field, since a combined field's weight multiplies term frequencies and cannot be below 1.
   */
  private Query combined(Scope scope, List<String> stems, List<String> exacts) {
    float lightest = lightest(scope);
    CombinedFieldQuery.Builder stem = new CombinedFieldQuery.Builder();
    CombinedFieldQuery.Builder exact = new CombinedFieldQuery.Builder();
    for (SearchField f : scope.fields()) {
      stem.addField(f.name, f.boost / lightest);
      exact.addField(f.exact, f.boost / lightest);
    }
    stems.stream().distinct().forEach(t -> stem.addTerm(new BytesRef(t)));
    exacts.stream().distinct().forEach(t -> exact.addTerm(new BytesRef(t)));
    highlight(scope, stems, List.of()); // the exact twins mark the places their stems mark
    Query stemmed = new BoostQuery(stem.build(), lightest);
    if (exacts.isEmpty()) {
      return stemmed;
    }
    Query bonus = new BoostQuery(exact.build(), lightest * EXACT_BONUS);
    exactTwins.add(bonus);
    return new BooleanQuery.Builder().add(stemmed, Occur.SHOULD).add(bonus, Occur.SHOULD).build();
  }

  /**
   * Names stemmed or exact terms of a combined query to the highlighter, which does not see into one: the stems of
   * real words, the near spellings (exact terms, unlike their stems, marking only what they match) of misspelt ones.
   */
  private void highlight(Scope scope, List<String> stems, List<String> exacts) {
    for (SearchField f : scope.fields()) {
      if (HIGHLIGHTED.contains(f)) {
        stems.forEach(t -> combinedTerms.add(new TermQuery(new Term(f.name, t))));
        exacts.forEach(t -> combinedTerms.add(new TermQuery(new Term(f.exact, t))));
      }
    }
  }

  /** The terms {@code analyzer} makes of {@code text} in a (stemmed or exact) text field. */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(EpisodeSchema.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    }
    return out;
  }

  private static Query combine(List<Query> perField) {
    return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  private static Query withExactBonus(Query stem, Query exact) {
    if (stem == null || exact == null) {
      return Objects.requireNonNullElse(stem, exact);
    }
    return new BooleanQuery.Builder()
        .add(stem, Occur.SHOULD)
        .add(new BoostQuery(exact, EXACT_BONUS), Occur.SHOULD)
        .build();
  }

  /** Documents holding a one-term query's term (summed over fields by the caller); many for multi-term words. */
  private long docFreq(Query q) throws IOException {
    if (q instanceof TermQuery tq) {
      return reader.docFreq(tq.getTerm());
    }
    return Long.MAX_VALUE / 16; // a multi-token word ("e-mail"): not worth correcting
  }

  /**
   * The indexed spellings near a rare word, scored as that word is (BM25F over the scope's unstemmed fields) at
   * {@link #FUZZY_WEIGHT} times their closeness: one combined query per edit distance, the best counting. Scored field
   * by field and summed, a near spelling in two or three fields (a guest's name, the notes, the transcript) outweighed
   * the query's real words; null when no field holds one.
   */
  private Query fuzzyCombined(Scope scope, String term) throws IOException {
    int maxEdits = maxEdits(term);
    List<String> fields = scope.fields().stream().map(f -> f.exact).toList();
    List<FuzzyWords.Spelling> spellings = FuzzyWords.closest(reader, term, maxEdits, fields, FUZZY_EXPANSIONS);
    float lightest = lightest(scope);
    List<Query> byEdits = new ArrayList<>();
    for (int edits = 1; edits <= maxEdits; edits++) {
      CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder();
      scope.fields().forEach(f -> b.addField(f.exact, f.boost / lightest));
      boolean any = false;
      for (FuzzyWords.Spelling s : spellings) {
        if (s.edits() == edits) {
          b.addTerm(new BytesRef(s.text()));
          any = true;
          highlight(scope, List.of(), List.of(s.text()));
        }
      }
      if (any) {
        byEdits.add(new BoostQuery(b.build(), lightest * FUZZY_WEIGHT * FuzzyWords.closeness(term, edits)));
      }
    }
    if (byEdits.isEmpty()) {
      return null;
    }
    return byEdits.size() == 1 ? byEdits.get(0) : new DisjunctionMaxQuery(byEdits, 0f);
  }

  private List<Query> fuzzy(Scope scope, String term) throws IOException {
    List<FuzzyWords.Field> fields = scope.fields().stream().map(f -> new FuzzyWords.Field(f.exact, f.boost)).toList();
    return FuzzyWords.of(reader, term, maxEdits(term), fields, FUZZY_EXPANSIONS, FUZZY_WEIGHT);
  }

  /** Edits a misspelt word may be away from an indexed one: one for short words, where two find too much. */
  private static int maxEdits(String term) {
    return term.length() <= 5 ? 1 : 2;
  }

  /**
   * The weight of the scope's lightest field: BM25F weights are relative to it, since a combined field's weight
   * multiplies term frequencies and cannot be below 1.
   */
  private static float lightest(Scope scope) {
    return (float) scope.fields().stream().mapToDouble(f -> f.boost).min().orElse(1);
  }

  private Query prefix(Word w) throws IOException {
    String prefix = normalize(w.text());
    if (prefix.isBlank()) {
      return null;
    }
    List<Query> perField = new ArrayList<>();
    for (SearchField f : w.scope().fields()) {
      checkExpansion(f.exact, prefix, w);
      Query q =
          new PrefixQuery(
              new Term(f.exact, prefix), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_SCORED_TERMS));
      perField.add(new BoostQuery(q, f.boost));
    }
    return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  private void checkExpansion(String field, String prefix, Word w) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return;
    }
    BytesRef p = new BytesRef(prefix);
    TermsEnum te = terms.iterator();
    if (te.seekCeil(p) == TermsEnum.SeekStatus.END) {
      return;
    }
    int count = 0;
    for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, p); t = te.next()) {
      if (++count > MAX_PREFIX_TERMS) {
        throw new InvalidQueryException(
            "q",
            "'" + w.text() + "*' matches more than " + MAX_PREFIX_TERMS
                + " different words; type more letters before the *");
      }
    }
  }

  private String normalize(String text) {
    return exactAnalyzer.normalize(EpisodeSchema.TITLE + EpisodeSchema.EXACT, text.strip()).utf8ToString();
  }

  private Query phrase(Scope scope, String text, int slop) {
    List<Query> perField = new ArrayList<>();
    for (SearchField f : scope.fields()) {
      Query stem = exactOnly ? null : analyzing.createPhraseQuery(f.name, text, slop);
      Query exact = analyzing.createPhraseQuery(f.exact, text, slop);
      if (stem == null && !exactOnly) {
        continue;
      }
      if (stem != null || exact != null) {
        perField.add(new BoostQuery(withExactBonus(stem, exact), f.boost));
      }
    }
    if (perField.isEmpty()) {
      return null;
    }
    return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /** Bonus clauses for the optional words appearing close together, most of all in the title. */
  private List<Query> proximity(List<Unit> optional) {
    List<String> words = new ArrayList<>();
    for (Unit u : optional) {
      if (u instanceof Word w && !w.prefix()) {
        words.add(w.text());
      }
    }
    List<Query> out = new ArrayList<>();
    if (words.size() < 2 || exactOnly) {
      return out;
    }
    String joined = String.join(" ", words);
    for (Proximity p : PROXIMITY) {
      Query q = analyzing.createPhraseQuery(p.field().name, joined, p.slop());
      if (q instanceof PhraseQuery) {
        out.add(new BoostQuery(q, p.boost()));
      }
    }
    return out;
  }
}
