package dev.podsearch.search;

/** How hits are ordered. */
public enum SortOrder {
  RELEVANCE,
  DATE
}
