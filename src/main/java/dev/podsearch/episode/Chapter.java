package dev.podsearch.episode;

/** A named section of an episode that starts {@code start} seconds in. */
public record Chapter(double start, String title) {}
