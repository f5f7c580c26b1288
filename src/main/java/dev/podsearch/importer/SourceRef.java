package dev.podsearch.importer;

import java.nio.file.Path;

/**
 * One source to import: a file under an imported root (or a URL).
 *
 * @param origin the root the operator named, as an absolute path or URL; incremental deletes stay within it
 * @param source the path relative to {@code origin} with forward slashes (or the URL itself); what users see
 * @param path the file to read, or null for a URL
 */
public record SourceRef(String origin, String source, Path path) {

  /** The key that identifies this source in the index across runs. */
  public String key() {
    return origin + "|" + source;
  }
}
