package dev.podsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher over one point-in-time reader, with caches that live exactly as long as that reader: the facet state
 * (expensive to build, so built once per refresh) and whatever derived data the search layer stores here.
 */
public final class EpisodeSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final Map<Object, Object> cache = new ConcurrentHashMap<>();

  EpisodeSearcher(IndexReader reader) throws IOException {
    super(reader);
    setSimilarity(EpisodeSchema.similarity());
    this.facetState = facetState(reader);
  }

  /** The sorted-set facet state of this reader, or null when the index holds no facet values yet. */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** Data derived from this reader, computed once on first use (e.g. suggestion lists). */
  @SuppressWarnings("unchecked")
  public <T> T cached(Object key, Function<EpisodeSearcher, T> compute) {
    return (T) cache.computeIfAbsent(key, k -> compute.apply(this));
  }

  /**
   * A fresh searcher over the same reader that gives up after {@code timeout}: the shared searcher must not carry a
   * per-request timeout, since many requests use it at once.
   */
  public IndexSearcher withTimeout(QueryTimeout timeout) {
    IndexSearcher searcher = new IndexSearcher(getIndexReader());
    searcher.setSimilarity(getSimilarity());
    searcher.setTimeout(timeout);
    return searcher;
  }

  private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    try {
      return new DefaultSortedSetDocValuesReaderState(reader, EpisodeSchema.facetsConfig());
    } catch (IllegalArgumentException e) {
      // an empty index (or one written without facets) has no facet field
      return null;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
