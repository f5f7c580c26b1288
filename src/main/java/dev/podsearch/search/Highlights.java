package dev.podsearch.search;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlights the hits of one page: HTML snippets of show notes and description, and the offsets of every match in
 * the transcript (from which {@link Moments} are cut).
 *
 * <p>Texts come from the stored episode JSON, not from stored fields, and are re-analysed with the schema analyzer;
 * so highlights show exactly the text the episode view shows, whatever else the index stores.
 */
final class Highlights {
  static final String PASSAGE_SEPARATOR = " … ";
  static final int SNIPPET_PASSAGE_CHARS = 160;
  /** Texts longer than this are highlighted only in their first part (transcripts can be very long). */
  static final int MAX_HIGHLIGHT_CHARS = 400_000;

  /** The highlights of one hit: an HTML snippet (or null) and the transcript match offsets (possibly none). */
  record Result(String snippet, Matches transcript) {}

  /** Match offsets into a text, sorted. */
  record Matches(int[] starts, int[] ends) {
    static final Matches NONE = new Matches(new int[0], new int[0]);

    int count() {
      return starts.length;
    }
  }

  private static final String[] FIELDS = {EpisodeSchema.TEXT, EpisodeSchema.DESCRIPTION, EpisodeSchema.TRANSCRIPT};
  private static final int[] PASSAGES = {3, 2, 1};

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
            .withMaxLength(MAX_HIGHLIGHT_CHARS)
            .withMaxNoHighlightPassages(0)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withWeightMatches(false);
    Map<String, Object[]> byField = new EpisodeHighlighter(builder, episodes).highlight(query, docs);
    for (int i = 0; i < docs.length; i++) {
      String snippet = (String) firstNonNull(byField.get(FIELDS[0])[i], byField.get(FIELDS[1])[i]);
      Object transcript = byField.get(FIELDS[2])[i];
      out.put(docs[i], new Result(snippet, transcript == null ? Matches.NONE : (Matches) transcript));
    }
    return out;
  }

  private static Object firstNonNull(Object a, Object b) {
    return a != null ? a : b;
  }

  /** The text of a field as the index sees it: for the transcript, the cue texts joined with newlines. */
  static String fieldText(Episode e, String field) {
    String text =
        switch (field) {
          case EpisodeSchema.TITLE -> e.title();
          case EpisodeSchema.DESCRIPTION -> e.description();
          case EpisodeSchema.TEXT -> e.text();
          case EpisodeSchema.TRANSCRIPT -> EpisodeSchema.transcriptText(e.transcript());
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

    Map<String, Object[]> highlight(Query query, int[] docs) throws IOException {
      return highlightFieldsAsObjects(FIELDS, query, docs, PASSAGES);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        Episode e = episodes.get(doc);
        CharSequence[] row = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          row[i] = e == null ? "" : fieldText(e, fields[i]);
        }
        values.add(row);
      }
      return values;
    }

    @Override
    protected OffsetSource getOffsetSource(String field) {
      // always re-analyse: offsets stored in the index need not match the JSON text we highlight
      return OffsetSource.ANALYSIS;
    }

    @Override
    protected Predicate<String> getFieldMatcher(String field) {
      // the exact twin's terms (exact words, prefixes, fuzzy words) are matches in the text too
      return name -> name.equals(field) || name.equals(field + EpisodeSchema.EXACT);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      if (EpisodeSchema.TRANSCRIPT.equals(field)) {
        return new WholeBreakIterator(); // one passage holding every match; cues are cut out later
      }
      return LengthGoalBreakIterator.createClosestToLength(
          BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_PASSAGE_CHARS, 0.3f);
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
      return EpisodeSchema.TRANSCRIPT.equals(field) ? new OffsetsFormatter() : new HtmlFormatter();
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
        } else if (p.getStartOffset() > 0) {
          out.append("… ");
        }
        int n = p.getNumMatches();
        int[] starts = java.util.Arrays.copyOf(p.getMatchStarts(), n);
        int[] ends = java.util.Arrays.copyOf(p.getMatchEnds(), n);
        out.append(Html.marked(content, p.getStartOffset(), p.getEndOffset(), starts, ends));
      }
      if (passages.length > 0 && passages[passages.length - 1].getEndOffset() < content.strip().length()) {
        out.append(" …");
      }
      return out.toString();
    }
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
