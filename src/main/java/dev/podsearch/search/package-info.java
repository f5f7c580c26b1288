/**
 * Answers queries: ranked keyword search with drill-sideways facets, highlights, suggestions and related episodes.
 *
 * <p>{@link dev.podsearch.search.SearchService} is the seam the web and cli packages use; it speaks only in the records
 * of this package and {@link dev.podsearch.episode}, so a Solr-backed implementation could replace the Lucene one.
 * Mistakes of the user become {@link dev.podsearch.search.InvalidQueryException}, a missing index {@link
 * dev.podsearch.search.IndexUnavailableException}.
 */
package dev.podsearch.search;
