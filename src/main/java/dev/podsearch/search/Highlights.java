package dev.podsearch.search;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Highlights the hits of one page: HTML snippets of show notes and description, and the offsets of every match in
 * the transcript (from which {@link Moments} are cut).
 *
 * <p>Texts come from the stored episode JSON, the very strings {@code EpisodeSchema.toDocument} indexed, so the
 * offsets the index keeps for them apply: long transcripts are highlighted from postings without re-analysis.
 */
final class Highlights {
  static final String PASSAGE_SEPARATOR = " … ";
  static final int SNIPPET_PASSAGE_CHARS = 160;
  /** Texts longer than this are highlighted only in their first part (transcripts can be very long). */
  static final int MAX_HIGHLIGHT_CHARS = 400_000;
  /**
   * Snippets come from the first this many characters of notes (about 8,000 words): the highlighter splits all of a
   * text into sentences around every match, and a hit's snippet needs three of them.
   */
  static final int MAX_NOTES_CHARS = 50_000;

  /** The highlights of one hit: an HTML snippet (or null) and the transcript match offsets (possibly none). */
  record Result(String snippet, Matches transcript) {}

  /** Match offsets into a text, sorted. */
  record Matches(int[] starts, int[] ends) {
    static final Matches NONE = new Matches(new int[0], new int[0]);

    int count() {
      return starts.length;
    }

    /** Matches from end offsets keyed by start offset, in order. */
    static Matches byStart(java.util.SortedMap<Integer, Integer> ends) {
      return ends.isEmpty() ? NONE : new Matches(
          ends.keySet().stream().mapToInt(Integer::intValue).toArray(),
          ends.values().stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** Snippets come from the notes, else from the description, with this many passages. */
  private static final int NOTES_PASSAGES = 3;
  private static final int DESCRIPTION_PASSAGES = 2;
  private static final String TRANSCRIPT_EXACT = EpisodeSchema.TRANSCRIPT + EpisodeSchema.EXACT;
  /** Stemmed matches ("costs" for cost) and exact, prefix and fuzzy ones, each from its own field's postings. */
  /** ... and what a speaker said ({@code speaker:} queries), whose offsets are the transcript's too. */
  private static final String[] TRANSCRIPT = {EpisodeSchema.TRANSCRIPT, TRANSCRIPT_EXACT, EpisodeSchema.SAID};
  private static final int[] TRANSCRIPT_PASSAGES = {1, 1, 1};

  private Highlights() {}

  /** Highlights {@code query} in the given docs, whose episodes are in {@code episodes}. */
  static Map<Integer, Result> highlight(IndexSearcher searcher, Query query, Map<Integer, Episode> episodes)
      throws IOException {
    int[] docs = episodes.keySet().stream().mapToInt(Integer::intValue).toArray();
    Map<Integer, Result> out = new HashMap<>();
    if (docs.length == 0) {
      return out;
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, EpisodeSchema.analyzer())
            .withMaxLength(MAX_NOTES_CHARS)
            .withMaxNoHighlightPassages(0)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withWeightMatches(false)
            .withScorer(new LeanPassageScorer());
    EpisodeHighlighter highlighter = new EpisodeHighlighter(builder, episodes);
    // rewritten to plain terms (a no-op when the caller did it), so that offsets come from postings, never re-analysis
    Query terms = searcher.rewrite(query);
    String[] snippets = snippets(highlighter, terms, docs);
    Map<Integer, Matches> transcript = spokenPhrases(terms)
        ? spoken(builder, episodes, terms, docs)
        : TranscriptMatches.of(searcher.getIndexReader(), terms, TRANSCRIPT, docs, MAX_HIGHLIGHT_CHARS);
    for (int i = 0; i < docs.length; i++) {
      out.put(docs[i], new Result(snippets[i], transcript.get(docs[i])));
    }
    return out;
  }

  /**
   * Each doc's snippet (or null): from its notes, else from its description. Descriptions are highlighted only for the
   * docs whose notes hold no match, as only those use them; the highlighter looks up every query term in every field
   * it is given, doc by doc.
   */
  private static String[] snippets(EpisodeHighlighter highlighter, Query terms, int[] docs) throws IOException {
    Object[] notes = highlighter.highlight(new String[] {EpisodeSchema.TEXT}, terms, docs, new int[] {NOTES_PASSAGES})
        .get(EpisodeSchema.TEXT);
    String[] out = new String[docs.length];
    int[] rest = IntStream.range(0, docs.length).filter(i -> notes[i] == null).toArray();
    for (int i = 0; i < docs.length; i++) {
      out[i] = (String) notes[i];
    }
    if (rest.length > 0) {
      int[] restDocs = Arrays.stream(rest).map(i -> docs[i]).toArray();
      Object[] descriptions = highlighter.highlight(
          new String[] {EpisodeSchema.DESCRIPTION}, terms, restDocs, new int[] {DESCRIPTION_PASSAGES})
          .get(EpisodeSchema.DESCRIPTION);
      for (int j = 0; j < rest.length; j++) {
        out[rest[j]] = (String) descriptions[j];
      }
    }
    return out;
  }

  /**
   * Transcript matches of a query with phrases: weighted matches make a phrase one match, so a phrase spanning two
   * cues gives one moment, where it starts. They evaluate the whole query per hit and field, so plain words take
   * {@link TranscriptMatches} instead.
   */
  private static Map<Integer, Matches> spoken(
      UnifiedHighlighter.Builder builder, Map<Integer, Episode> episodes, Query terms, int[] docs) throws IOException {
    EpisodeHighlighter spoken =
        new EpisodeHighlighter(builder.withMaxLength(MAX_HIGHLIGHT_CHARS).withWeightMatches(true), episodes);
    Map<String, Object[]> transcript = spoken.highlight(TRANSCRIPT, terms, docs, TRANSCRIPT_PASSAGES);
    Map<Integer, Matches> out = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      out.put(docs[i], union(
          transcript.get(TRANSCRIPT[0])[i], transcript.get(TRANSCRIPT[1])[i], transcript.get(TRANSCRIPT[2])[i]));
    }
    return out;
  }

  /**
   * Whether {@code query} has a phrase (or anything but plain words) in a transcript field: only then do weighted
   * matches differ from term offsets.
   */
  static boolean spokenPhrases(Query query) {
    boolean[] found = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return Arrays.asList(TRANSCRIPT).contains(field);
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            boolean words = q instanceof TermQuery || q instanceof SynonymQuery || q instanceof CombinedFieldQuery;
            found[0] |= !words;
          }

          @Override
          public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            found[0] = true;
          }

          @Override
          public void visitLeaf(Query q) {
            found[0] = true; // a query of unknown kind: keep the exact treatment
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return found[0];
  }

  /** Matches found in either transcript field, each place once. */
  private static Matches union(Object... perField) {
    java.util.TreeMap<Integer, Integer> byStart = new java.util.TreeMap<>();
    for (Object o : perField) {
      if (o instanceof Matches m) {
        for (int i = 0; i < m.count(); i++) {
          byStart.merge(m.starts()[i], m.ends()[i], Math::max);
        }
      }
    }
    return Matches.byStart(byStart);
  }

  /**
   * Notes longer than this (in UTF-8 bytes) in an episode with a transcript are the transcript written out again,
   * whose matches are the moments: hits read only their start ({@code HitEpisodes.readHit}), so they are neither
   * decoded whole nor highlighted sentence by sentence (together a quarter of a search).
   */
  static final int MAX_NOTES_BESIDE_TRANSCRIPT = 5_000;

  /** The text of a field to highlight, as the index saw it: for the transcript, the cue texts joined by newlines. */
  static String fieldText(Episode e, String field) {
    String text =
        switch (field) {
          case EpisodeSchema.TITLE -> e.title();
          case EpisodeSchema.DESCRIPTION -> e.description();
          case EpisodeSchema.TEXT -> e.text();
          case EpisodeSchema.TRANSCRIPT, TRANSCRIPT_EXACT, EpisodeSchema.SAID ->
              EpisodeSchema.transcriptText(e.transcript());
          default -> null;
        };
    return text == null ? "" : text;
  }

  private static final class EpisodeHighlighter extends UnifiedHighlighter {
    private final Map<Integer, Episode> episodes;

    EpisodeHighlighter(Builder builder, Map<Integer, Episode> episodes) {
      super(builder);
      this.episodes = episodes;
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docs, int[] passages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docs, passages);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        Episode e = episodes.get(doc);
        CharSequence[] row = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          // the transcript fields share one text: join the cues once per episode
          boolean same = i > 0 && fields[i].startsWith(EpisodeSchema.TRANSCRIPT)
              && fields[i - 1].startsWith(EpisodeSchema.TRANSCRIPT);
          row[i] = e == null ? "" : same ? row[i - 1] : fieldText(e, fields[i]);
        }
        values.add(row);
      }
      return values;
    }

    @Override
    protected Predicate<String> getFieldMatcher(String field) {
      if (field.equals(TRANSCRIPT_EXACT)) {
        return field::equals;
      }
      // the exact twin's terms (exact words, prefixes, fuzzy words) are matches in the text too
      return name -> name.equals(field) || name.equals(field + EpisodeSchema.EXACT);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      if (field.startsWith(EpisodeSchema.TRANSCRIPT)) {
        return new WholeBreakIterator(); // one passage holding every match; cues are cut out later
      }
      // plain sentences (a length-goal iterator costs ten times more on long notes); the formatter trims long ones
      return new SentenceBreaks();
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
      return field.startsWith(EpisodeSchema.TRANSCRIPT) ? new OffsetsFormatter() : new HtmlFormatter();
    }
  }

  /**
   * Lucene's passage score, computed without its per-passage hash of terms: that hash takes a 32 KB block for every
   * sentence holding a match, which was two fifths of all a search allocated. The score is the same: each distinct
   * term's tf in the passage times its weight, in the order terms first appear, times the position norm.
   */
  static final class LeanPassageScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int n = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      int[] first = new int[n]; // the match where each distinct term first appears
      int[] inPassage = new int[n];
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        int t = 0;
        while (t < distinct && !terms[first[t]].bytesEquals(terms[i])) {
          t++;
        }
        if (t == distinct) {
          first[distinct++] = i;
        }
        inPassage[t]++;
      }
      double score = 0;
      for (int t = 0; t < distinct; t++) {
        score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[first[t]]);
      }
      return (float) (score * norm(passage.getStartOffset()));
    }
  }

  /** Escapes all text and adds nothing but {@code <mark>} around matches; passages joined by " … ". */
  static final class HtmlFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      for (Passage p : passages) {
        if (out.length() > 0) {
          out.append(PASSAGE_SEPARATOR);
        } else if (window(content, p.getStartOffset(), p.getEndOffset(), firstMatch(p))[0] > 0) {
          out.append("… ");
        }
        int n = p.getNumMatches();
        int[] starts = java.util.Arrays.copyOf(p.getMatchStarts(), n);
        int[] ends = java.util.Arrays.copyOf(p.getMatchEnds(), n);
        int[] window = window(content, p.getStartOffset(), p.getEndOffset(), n == 0 ? p.getStartOffset() : starts[0]);
        out.append(Html.marked(content, window[0], window[1], starts, ends));
        if (window[1] < p.getEndOffset()) {
          out.append(" …");
        }
      }
      if (passages.length > 0 && passages[passages.length - 1].getEndOffset() < content.strip().length()) {
        out.append(" …");
      }
      return out.toString().replace("… …", "…");
    }

    /** A long sentence cut to about {@link #SNIPPET_PASSAGE_CHARS} around its first match, at spaces. */
    static int[] window(String content, int start, int end, int firstMatch) {
      return Highlights.window(content, start, end, firstMatch, SNIPPET_PASSAGE_CHARS);
    }
  }

  /**
   * The part of {@code content} between {@code start} and {@code end} to show: all of it when under one and a half
   * times {@code chars}, else about {@code chars} characters from a little before {@code firstMatch}, cut at spaces.
   */
  static int[] window(String content, int start, int end, int firstMatch, int chars) {
    if (end - start <= chars * 3 / 2) {
      return new int[] {start, end};
    }
    int from = Math.max(start, firstMatch - chars / 3);
    if (from > start) {
      int space = content.indexOf(' ', from);
      from = space < 0 || space >= firstMatch ? from : space + 1;
    }
    int to = Math.min(end, from + chars);
    int space = content.lastIndexOf(' ', to);
    to = space > firstMatch ? space : to;
    return new int[] {from, to};
  }

  private static int firstMatch(Passage p) {
    return p.getNumMatches() == 0 ? p.getStartOffset() : p.getMatchStarts()[0];
  }

  /** Collects the offsets of every match instead of formatting. */
  static final class OffsetsFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<int[]> all = new ArrayList<>();
      for (Passage p : passages) {
        for (int i = 0; i < p.getNumMatches(); i++) {
          all.add(new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]});
        }
      }
      all.sort((a, b) -> Integer.compare(a[0], b[0]));
      return new Matches(
          all.stream().mapToInt(m -> m[0]).toArray(), all.stream().mapToInt(m -> m[1]).toArray());
    }
  }
}
