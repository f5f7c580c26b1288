package dev.podsearch.search;

/**
 * A typeahead completion.
 *
 * @param kind what the text is: "title", "person", "tag" or "podcast"
 */
public record Suggestion(String text, String kind) {}
