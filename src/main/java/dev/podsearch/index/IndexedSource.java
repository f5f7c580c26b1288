package dev.podsearch.index;

/**
 * A source as the last commit holds it.
 *
 * @param hash the hash of the bytes its episodes were parsed from
 * @param format the format it was parsed as
 * @param episodes how many episode documents it has
 */
public record IndexedSource(String hash, String format, int episodes) {}
