package dev.podsearch.search;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Episodes like a given one: MoreLikeThis over its title, description, tags and show notes (or, when its notes are its
 * transcript written out again, which the index keeps as the transcript only, over the transcripts).
 */
final class Related {
  static final int MAX_RELATED = 5;
  private static final String[] FIELDS = {
    EpisodeSchema.TITLE, EpisodeSchema.DESCRIPTION, EpisodeSchema.TAGS, EpisodeSchema.TEXT, EpisodeSchema.TRANSCRIPT
  };

  private Related() {}

  /** The best related episodes of {@code episode}, never itself. */
  static TopDocs of(IndexSearcher searcher, Episode episode) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(EpisodeSchema.analyzer());
    mlt.setFieldNames(FIELDS);
    // small collections: a word seen once in the episode and in one other episode is already a signal
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(30);
    mlt.setMaxDocFreqPct(60);
    mlt.setBoost(true);
    Query like = mlt.like(fields(episode));
    Query query =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(new Term(EpisodeSchema.ID, episode.id())), Occur.MUST_NOT)
            .build();
    return searcher.search(query, MAX_RELATED);
  }

  private static Map<String, Collection<Object>> fields(Episode e) {
    Map<String, Collection<Object>> out = new LinkedHashMap<>();
    put(out, EpisodeSchema.TITLE, e.title());
    put(out, EpisodeSchema.DESCRIPTION, e.description());
    out.put(EpisodeSchema.TAGS, new ArrayList<>(e.tags()));
    boolean transcript = EpisodeSchema.notesRepeatTranscript(e);
    put(out, EpisodeSchema.TEXT, transcript ? null : e.text());
    put(out, EpisodeSchema.TRANSCRIPT, transcript ? e.text() : null);
    return out;
  }

  private static void put(Map<String, Collection<Object>> out, String field, String value) {
    out.put(field, value == null || value.isBlank() ? List.of() : List.of(value));
  }
}
