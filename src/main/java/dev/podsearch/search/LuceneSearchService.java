package dev.podsearch.search;

import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeIndex;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.EpisodeSearcher;
import dev.podsearch.index.HitEpisodes;
import dev.podsearch.index.IndexNotReadyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The Lucene implementation of {@link SearchService}: searches the index in a directory, serving each new commit of
 * it within about a second.
 */
public final class LuceneSearchService implements SearchService {
  /**
   * Searches running at once; the others wait their turn (fairly, in arrival order). Searches are CPU-bound: one per
   * core finishes each sooner than sharing the cores thinner, and the queue's order keeps the slowest waits short (at
   * 16 connections on 2 cores, p99 75 ms against 84 ms with two per core).
   */
  static final int MAX_RUNNING = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(MAX_RUNNING, true);

  /** A query running longer than this is stopped and reported as too expensive. */
  static final long QUERY_TIMEOUT_MILLIS = 2_000;
  static final int SNIPPET_FALLBACK_CHARS = 240;
  private static final Object SUGGESTER = new Object();
  private static final Object TAGS = new Object();

  private final EpisodeIndex index;
  private final long timeoutMillis;
  /** Off only for benchmarks: hits then have the fallback snippet and no moments. */
  private boolean highlights = true;

  private LuceneSearchService(EpisodeIndex index, long timeoutMillis) {
    this.index = index;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Serves the index without snippets or moments (nothing is highlighted): the baseline a benchmark compares
   * highlighted search against. Not for serving users.
   */
  public static LuceneSearchService openWithoutHighlights(Path indexDir) {
    LuceneSearchService service = open(indexDir);
    service.highlights = false;
    return service;
  }

  /** Serves the index in {@code indexDir}; it need not exist yet (searches then fail with a hint to build it). */
  public static LuceneSearchService open(Path indexDir) {
    return open(indexDir, QUERY_TIMEOUT_MILLIS);
  }

  /** As {@link #open(Path)}, giving up on a query after {@code timeoutMillis} (tests use a tiny one). */
  static LuceneSearchService open(Path indexDir, long timeoutMillis) {
    return new LuceneSearchService(EpisodeIndex.open(indexDir, LuceneSearchService::warm), timeoutMillis);
  }

  private static void warm(EpisodeSearcher searcher) {
    searcher.cached(SUGGESTER, Suggester::build);
    searcher.cached(TAGS, LuceneSearchService::allTags);
  }

  @Override
  public SearchResults search(SearchRequest request) {
    check(request);
    UserQuery query = UserQueryParser.parse(request.query());
    acquireTurn();
    try {
      // the time limit counts from here: waiting for a turn is the server's load, not the query's cost
      long started = System.nanoTime();
      return guarded(
          () -> index.withSearcher(s -> new Run(s, request, query, started, timeoutMillis, highlights).execute()));
    } finally {
      running.release();
    }
  }

  /**
   * Waits for one of the few search turns. Searches are CPU-bound: running more at once than there are cores only
   * slows each of them down, and starves the background refresher that makes new commits visible.
   */
  private void acquireTurn() {
    try {
      running.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexUnavailableException("the server is shutting down");
    }
  }

  /** The hits' sources without highlighting or loading whole episodes: what ranking evaluation needs, quickly. */
  @Override
  public List<String> sources(SearchRequest request) {
    check(request);
    UserQuery query = UserQueryParser.parse(request.query());
    return guarded(
        () -> index.withSearcher(s -> new Run(s, request, query, System.nanoTime(), timeoutMillis, false).sources()));
  }

  @Override
  public Optional<EpisodeDetail> episode(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return guarded(() -> index.withSearcher(s -> detail(s, id)));
  }

  @Override
  public List<TagCount> tags() {
    return guarded(() -> index.withSearcher(s -> s.cached(TAGS, LuceneSearchService::allTags)));
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    if (prefix == null || prefix.isBlank() || limit <= 0) {
      return List.of();
    }
    if (prefix.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new InvalidQueryException("q", "is longer than " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    return guarded(() -> index.withSearcher(s -> s.cached(SUGGESTER, Suggester::build).suggest(prefix, limit)));
  }

  @Override
  public IndexStatus status() {
    if (!index.available()) {
      return new IndexStatus(false, 0, 0, null);
    }
    try {
      long episodes = index.withSearcher(s -> (long) s.getIndexReader().numDocs());
      return new IndexStatus(true, episodes, index.sizeBytes(), index.lastCommit());
    } catch (IndexNotReadyException e) {
      return new IndexStatus(false, 0, 0, null);
    }
  }

  @Override
  public void close() {
    index.close();
  }

  /** Checks the request's numbers before any work, naming the parameter at fault. */
  static void check(SearchRequest r) {
    if (r.query().length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(
          "q", "is " + r.query().length() + " characters long; at most " + SearchRequest.MAX_QUERY_LENGTH
              + " are allowed");
    }
    if (r.size() < 1 || r.size() > SearchRequest.MAX_SIZE) {
      throw new InvalidQueryException("size", "must be between 1 and " + SearchRequest.MAX_SIZE + ", was " + r.size());
    }
    if (r.page() < 1) {
      throw new InvalidQueryException("page", "must be 1 or more, was " + r.page());
    }
    if ((long) r.page() * r.size() > SearchRequest.MAX_WINDOW) {
      throw new InvalidQueryException(
          "page", "page × size must be at most " + SearchRequest.MAX_WINDOW + "; narrow the search instead of paging"
              + " this far");
    }
    if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
      throw new InvalidQueryException("from", "is after 'to' (" + r.from() + " > " + r.to() + ")");
    }
  }

  /** Maps the index layer's failures to the service's exceptions, so no Lucene exception reaches a caller. */
  private static <T> T guarded(Supplier<T> work) {
    try {
      return work.get();
    } catch (IndexNotReadyException e) {
      throw new IndexUnavailableException(e.getMessage());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "q", "expands to too many terms (prefixes or misspelt words); use fewer or longer words");
    }
  }

  private static List<TagCount> allTags(EpisodeSearcher s) {
    try {
      return FacetedSearch.allValues(s, EpisodeSchema.FACET_TAG);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Optional<EpisodeDetail> detail(EpisodeSearcher s, String id) throws IOException {
    TopDocs found = s.search(new TermQuery(new Term(EpisodeSchema.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      return Optional.empty();
    }
    Episode episode = load(s, found.scoreDocs[0].doc);
    List<Hit> related = new ArrayList<>();
    for (ScoreDoc sd : Related.of(s, episode).scoreDocs) {
      Episode other = load(s, sd.doc);
      related.add(hit(other, fallbackSnippet(other), sd.score, List.of(), 0));
    }
    return Optional.of(new EpisodeDetail(episode, List.copyOf(related)));
  }

  /** The whole episode of {@code doc}. */
  static Episode load(IndexSearcher s, int doc) throws IOException {
    Episode e = HitEpisodes.read(s.getIndexReader(), doc);
    if (e == null) {
      throw new IllegalStateException("document " + doc + " has no stored episode; rebuild with 'podsearch reindex --full'");
    }
    return e;
  }

  /** The episodes of a page of hits, their notes cut short where they only repeat their transcript (see {@link Highlights}). */
  private static Map<Integer, Episode> loadHits(IndexSearcher s, int[] docs) throws IOException {
    Map<Integer, Episode> page =
        HitEpisodes.readHits(s.getIndexReader(), docs, Highlights.MAX_NOTES_BESIDE_TRANSCRIPT, SNIPPET_FALLBACK_CHARS);
    for (Map.Entry<Integer, Episode> e : page.entrySet()) {
      if (e.getValue() == null) {
        e.setValue(load(s, e.getKey())); // not an episode: load says so
      }
    }
    return page;
  }

  static Hit hit(Episode e, String snippet, float score, List<Moment> moments, int mentions) {
    return new Hit(
        e.id(), e.title(), e.podcast(), e.url(), e.audioUrl(), e.published(), e.durationSeconds(), e.tags(),
        e.people(), snippet, score, moments, mentions);
  }

  static String fallbackSnippet(Episode e) {
    String source = e.description() != null && !e.description().isBlank() ? e.description() : e.text();
    return Html.start(source, SNIPPET_FALLBACK_CHARS);
  }

  /** One search against one searcher. */
  private static final class Run {
    private final EpisodeSearcher episodes;
    private final IndexSearcher searcher;
    private final SearchRequest request;
    private final UserQuery query;
    private final long started;

    private final long timeoutMillis;
    private final boolean highlighting;

    Run(EpisodeSearcher episodes, SearchRequest request, UserQuery query, long started, long timeoutMillis,
        boolean highlights) {
      this.episodes = episodes;
      this.highlighting = highlights;
      this.timeoutMillis = timeoutMillis;
      this.searcher = episodes.withTimeout(new QueryTimeoutImpl(timeoutMillis));
      this.request = request;
      this.query = query;
      this.started = started;
      this.builder = new RankingQueryBuilder(episodes.getIndexReader());
    }

    private final RankingQueryBuilder builder;
    private Query text;

    SearchResults execute() throws IOException {
      FacetedSearch.Outcome outcome = outcome();
      List<Hit> hits = hits(outcome.top(), text);
      String didYouMean = Spelling.didYouMean(episodes, request.query(), builder.suspectWords());
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      return new SearchResults(
          request.query(), outcome.top().totalHits.value, request.page(), request.size(), tookMs, hits,
          outcome.facets(), didYouMean);
    }

    /** The ranked, filtered, counted hits; relaxes the words when the strict form finds nothing. */
    FacetedSearch.Outcome outcome() throws IOException {
      text = rewritten(builder.build(query, false));
      FacetedSearch faceted = new FacetedSearch(episodes, searcher, request);
      FacetedSearch.Outcome outcome = faceted.run(withDates(text), sort(), collected());
      if (outcome.top().totalHits.value == 0 && query.optional().size() > 1) {
        // nothing has most of the words: rank what has any of them rather than show nothing
        text = rewritten(builder.build(query, true));
        outcome = faceted.run(withDates(text), sort(), collected());
      }
      if (searcher.timedOut()) {
        throw new InvalidQueryException(
            "q", "took longer than " + timeoutMillis + " ms; use fewer words, prefixes or misspellings");
      }
      return rescored(outcome);
    }

    /** How many hits the first phase collects: enough for the passage bonus to reorder under relevance order. */
    private int collected() {
      return sort() == null ? Math.max(window(), PassageBonus.RESCORED) : window();
    }

    /** Under relevance order, the first-phase hits re-scored by their densest passage and cut to the window. */
    private FacetedSearch.Outcome rescored(FacetedSearch.Outcome outcome) throws IOException {
      TopDocs top = outcome.top();
      if (sort() == null) {
        top = PassageBonus.rescore(episodes.getIndexReader(), top, builder.passageWords());
      }
      if (top.scoreDocs.length > window()) {
        top = new TopDocs(top.totalHits, Arrays.copyOf(top.scoreDocs, window()));
      }
      return new FacetedSearch.Outcome(top, outcome.facets());
    }

    /** The sources of the hits of the requested page, best first. */
    List<String> sources() throws IOException {
      TopDocs top = outcome().top();
      List<String> out = new ArrayList<>();
      for (int i = (request.page() - 1) * request.size(); i < top.scoreDocs.length; i++) {
        int doc = top.scoreDocs[i].doc;
        String source = episodes.storedFields().document(doc, Set.of(EpisodeSchema.SOURCE)).get(EpisodeSchema.SOURCE);
        out.add(source != null ? source : Objects.requireNonNullElse(load(episodes, doc).source(), ""));
      }
      return out;
    }

    /**
     * Prefixes and fuzzy words expanded to the very terms that match, once: searching and highlighting then share
     * the expansion (building fuzzy automata is costly), and highlights come from postings, without re-analysis.
     */
    private Query rewritten(Query q) throws IOException {
      return episodes.rewrite(q);
    }

    private int window() {
      return request.page() * request.size();
    }

    /** Relevance, unless the user asked for date order or typed nothing to rank by. */
    private Sort sort() {
      boolean byDate = request.sort() == SortOrder.DATE || query.isBlank() || rankless();
      if (!byDate) {
        return null;
      }
      SortField published = new SortField(EpisodeSchema.PUBLISHED, SortField.Type.LONG, true);
      published.setMissingValue(Long.MIN_VALUE);
      return new Sort(published, SortField.FIELD_SCORE);
    }

    /** Only exclusions ("-foo"): every hit scores the same. */
    private boolean rankless() {
      return query.optional().isEmpty() && query.required().isEmpty();
    }

    private Query withDates(Query text) {
      if (request.from() == null && request.to() == null) {
        return text;
      }
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      return new BooleanQuery.Builder()
          .add(text, Occur.MUST)
          .add(LongPoint.newRangeQuery(EpisodeSchema.PUBLISHED, from, to), Occur.FILTER)
          .build();
    }

    private List<Hit> hits(TopDocs top, Query text) throws IOException {
      int offset = (request.page() - 1) * request.size();
      Map<Integer, Float> scores = new LinkedHashMap<>();
      for (int i = offset; i < top.scoreDocs.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        scores.put(sd.doc, Float.isNaN(sd.score) ? 0f : sd.score);
      }
      Map<Integer, Episode> page =
          loadHits(episodes, scores.keySet().stream().mapToInt(Integer::intValue).toArray());
      Map<Integer, Highlights.Result> highlights =
          query.isBlank() || !highlighting
              ? Map.of()
              : Highlights.highlight(episodes, builder.forHighlighting(text), page);
      List<Hit> hits = new ArrayList<>();
      for (Map.Entry<Integer, Episode> e : page.entrySet()) {
        hits.add(toHit(e.getValue(), scores.get(e.getKey()), highlights.get(e.getKey())));
      }
      return List.copyOf(hits);
    }

    private static Hit toHit(Episode e, float score, Highlights.Result h) {
      if (h == null) {
        return hit(e, fallbackSnippet(e), score, List.of(), 0);
      }
      List<Moment> moments = Moments.of(e, h.transcript());
      String snippet = h.snippet();
      if (snippet == null && !moments.isEmpty()) {
        snippet = String.join(Highlights.PASSAGE_SEPARATOR, moments.stream().limit(2).map(Moment::text).toList());
      }
      return hit(e, snippet == null ? fallbackSnippet(e) : snippet, score, moments, h.transcript().count());
    }
  }
}
