package dev.podsearch.search;

/** One value of a facet dimension with its exact count; {@code selected} when the request filters on it. */
public record FacetValue(String value, long count, boolean selected) {}
