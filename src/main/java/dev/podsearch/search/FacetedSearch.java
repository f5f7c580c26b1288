package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.EpisodeSearcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Runs a query with its filters through drill-sideways, so each facet dimension counts the hits of all the other
 * filters but not its own: ticking one tag leaves the other tags' counts in place.
 */
final class FacetedSearch {
  static final List<String> DIMENSIONS =
      List.of(EpisodeSchema.FACET_TAG, EpisodeSchema.FACET_PERSON, EpisodeSchema.FACET_PODCAST, EpisodeSchema.FACET_YEAR);
  private static final Map<String, Integer> TOP =
      Map.of(
          EpisodeSchema.FACET_TAG, 100,
          EpisodeSchema.FACET_PERSON, 30,
          EpisodeSchema.FACET_PODCAST, 30,
          EpisodeSchema.FACET_YEAR, 30);
  private static final FacetsConfig CONFIG = EpisodeSchema.facetsConfig();

  /** Top documents (exact total) and facet counts. */
  record Outcome(TopDocs top, Map<String, List<FacetValue>> facets) {}

  private final EpisodeSearcher episodes;
  private final IndexSearcher searcher;
  private final Map<String, List<String>> selected;

  /**
   * @param episodes the reader's searcher, holding the cached facet state
   * @param searcher the searcher to run on (same reader, with this request's timeout)
   */
  FacetedSearch(EpisodeSearcher episodes, IndexSearcher searcher, SearchRequest request) {
    this.episodes = episodes;
    this.searcher = searcher;
    this.selected = new LinkedHashMap<>();
    selected.put(EpisodeSchema.FACET_TAG, resolve(EpisodeSchema.FACET_TAG, request.tags()));
    selected.put(EpisodeSchema.FACET_PERSON, resolve(EpisodeSchema.FACET_PERSON, request.people()));
    selected.put(EpisodeSchema.FACET_PODCAST, resolve(EpisodeSchema.FACET_PODCAST, request.podcasts()));
  }

  /** The top {@code n} hits of {@code base} within the selected facet values, sorted by score or by {@code sort}. */
  Outcome run(Query base, Sort sort, int n) throws IOException {
    CollectorManager<?, ? extends TopDocs> collector =
        sort == null
            ? new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE)
            : new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE);
    SortedSetDocValuesReaderState state = episodes.facetState();
    if (state == null) {
      // no facet values indexed yet: no filter can match and there is nothing to count
      Query q = anySelected() ? new org.apache.lucene.search.MatchNoDocsQuery() : base;
      return new Outcome(searcher.search(q, collector), emptyFacets());
    }
    DrillDownQuery drill = new DrillDownQuery(CONFIG, base);
    selected.forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
    // Drill-sideways scores all documents in one pass, which a timeout's chunked scoring breaks: with filters
    // selected it runs without the timeout (the query itself is bounded by the clause limits)
    IndexSearcher runner = anySelected() ? episodes : searcher;
    DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result =
        new DrillSideways(runner, CONFIG, state).search(drill, collector);
    return new Outcome(result.collectorResult, facets(result.facets));
  }

  private boolean anySelected() {
    return selected.values().stream().anyMatch(v -> !v.isEmpty());
  }

  private Map<String, List<FacetValue>> emptyFacets() {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      List<FacetValue> values = new ArrayList<>();
      selected.getOrDefault(dim, List.of()).forEach(v -> values.add(new FacetValue(v, 0, true)));
      out.put(dim, values);
    }
    return out;
  }

  private Map<String, List<FacetValue>> facets(Facets facets) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      out.put(dim, dimension(facets, dim));
    }
    return out;
  }

  private List<FacetValue> dimension(Facets facets, String dim) throws IOException {
    List<String> chosen = selected.getOrDefault(dim, List.of());
    Map<String, FacetValue> values = new LinkedHashMap<>();
    FacetResult top = topChildren(facets, dim);
    if (top != null) {
      for (LabelAndValue lv : top.labelValues) {
        values.put(lv.label, new FacetValue(lv.label, lv.value.longValue(), chosen.contains(lv.label)));
      }
    }
    for (String v : chosen) {
      values.computeIfAbsent(v, k -> new FacetValue(k, specificCount(facets, dim, k), true));
    }
    List<FacetValue> sorted = new ArrayList<>(values.values());
    Comparator<FacetValue> byCountThenName =
        Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);
    sorted.sort(byCountThenName);
    // selected when any spelling is: a filter on the value finds them all (see resolve)
    return mergeSpellings(sorted, FacetValue::value, byCountThenName, (kept, other) ->
        new FacetValue(kept.value(), kept.count() + other.count(), kept.selected() || other.selected()));
  }

  /**
   * Values that differ only in case ("Kubernetes", "kubernetes") as one, in its most used spelling (the first in
   * {@code mostUsedFirst}), combined by {@code merge}, re-sorted by {@code order}: in the tag list and in a search's
   * facets alike.
   */
  static <T> List<T> mergeSpellings(List<T> mostUsedFirst, java.util.function.Function<T, String> value,
      Comparator<T> order, java.util.function.BinaryOperator<T> merge) {
    Map<String, T> merged = new LinkedHashMap<>();
    for (T v : mostUsedFirst) {
      merged.merge(value.apply(v).toLowerCase(Locale.ROOT), v, merge);
    }
    List<T> out = new ArrayList<>(merged.values());
    out.sort(order);
    return List.copyOf(out);
  }

  private static FacetResult topChildren(Facets facets, String dim) throws IOException {
    try {
      return facets.getTopChildren(TOP.get(dim), dim);
    } catch (IllegalArgumentException e) {
      return null; // the dimension has no values in this index
    }
  }

  private static long specificCount(Facets facets, String dim, String value) {
    try {
      Number n = facets.getSpecificValue(dim, value);
      return n == null ? 0 : Math.max(0, n.longValue());
    } catch (IllegalArgumentException | IOException e) {
      return 0;
    }
  }

  /** The indexed spelling of each requested value ("devops" selects "DevOps"); unknown values stay as given. */
  private List<String> resolve(String dim, List<String> requested) {
    if (requested.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> known = episodes.cached("facet-values:" + dim, s -> valuesByLowerCase(s, dim));
    List<String> out = new ArrayList<>();
    for (String r : requested) {
      // every spelling of the value: sources write "Kubernetes" and "kubernetes", and a filter on one must not
      // silently drop the episodes that carry the other
      for (String v : known.getOrDefault(r.strip().toLowerCase(Locale.ROOT), List.of(r.strip()))) {
        if (!v.isEmpty() && !out.contains(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /**
   * All values of a dimension with their counts over the whole index, by count then name. Spellings that differ only
   * in case ("Kubernetes", "kubernetes") are one value, shown in its most used spelling with the counts of all: a
   * filter on it finds them all (see {@link #resolve}).
   */
  static List<TagCount> allValues(EpisodeSearcher s, String dim) throws IOException {
    SortedSetDocValuesReaderState state = s.facetState();
    if (state == null || state.getOrdRange(dim) == null) {
      return List.of();
    }
    FacetResult all = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(state).getAllChildren(dim);
    List<TagCount> spellings = new ArrayList<>();
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        spellings.add(new TagCount(lv.label, lv.value.longValue()));
      }
    }
    Comparator<TagCount> byCountThenName =
        Comparator.comparingLong(TagCount::count).reversed().thenComparing(TagCount::tag);
    spellings.sort(byCountThenName);
    return mergeSpellings(spellings, TagCount::tag, byCountThenName,
        (kept, other) -> new TagCount(kept.tag(), kept.count() + other.count()));
  }

  private static Map<String, List<String>> valuesByLowerCase(EpisodeSearcher s, String dim) {
    Map<String, List<String>> out = new HashMap<>();
    SortedSetDocValuesReaderState state = s.facetState();
    OrdRange range = state == null ? null : state.getOrdRange(dim);
    if (range == null) {
      return out;
    }
    try {
      SortedSetDocValues dv = state.getDocValues();
      for (int ord = range.start; ord <= range.end; ord++) {
        String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
        String value = path[path.length - 1];
        out.computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
