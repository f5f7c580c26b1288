package dev.podsearch.index;

import java.util.Objects;

/**
 * Where indexed episodes came from: what incremental reindexing compares and replaces by.
 *
 * @param origin the imported root (absolute path or URL); vanished sources are only deleted within their origin
 * @param source the path relative to {@code origin} (or the URL)
 * @param format the detected format, lower-case (e.g. {@code html})
 * @param hash hex SHA-256 of the source's bytes
 */
public record SourceInfo(String origin, String source, String format, String hash) {
  public SourceInfo {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(source, "source");
  }

  /** The term the source's documents are replaced and deleted by: {@code origin|source}, as {@code SourceRef.key()}. */
  public String key() {
    return origin + "|" + source;
  }
}
