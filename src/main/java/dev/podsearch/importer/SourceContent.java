package dev.podsearch.importer;

/**
 * A source's raw bytes with their hash.
 *
 * @param hash hex SHA-256 of {@code bytes}; equal hashes mean an unchanged source
 */
public record SourceContent(SourceRef ref, byte[] bytes, String hash) {}
