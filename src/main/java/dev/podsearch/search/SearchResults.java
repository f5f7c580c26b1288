package dev.podsearch.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, with exact total and facet counts.
 *
 * @param facets per dimension ("tag", "person", "podcast", "year"), values sorted by count then name
 * @param didYouMean a corrected query when a query word is unknown to the index, else null
 */
public record SearchResults(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String didYouMean) {}
