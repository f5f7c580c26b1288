/**
 * The Lucene index: its schema, the writer side used by reindexing and the reader side used by searching.
 *
 * <p>With {@code search}, the only package that touches Lucene. {@link dev.podsearch.index.EpisodeSchema} holds every
 * field name, analyzer and facet setting in one place.
 */
package dev.podsearch.index;
