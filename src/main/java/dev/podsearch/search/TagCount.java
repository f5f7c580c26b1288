package dev.podsearch.search;

/** A tag and the number of episodes that carry it. */
public record TagCount(String tag, long count) {}
