package dev.podsearch.importer;

/**
 * A source's raw bytes with their hash.
 *
 * @param hash hex SHA-256 of {@code bytes}; equal hashes mean an unchanged source
 */
public record SourceContent(SourceRef ref, byte[] bytes, String hash) {
  /** The hash of {@link #notModified} content: no SHA-256 looks like it. */
  private static final String NOT_MODIFIED = "not-modified";

  /** A feed whose server answered 304 to a conditional GET: what the index holds of it is still current. */
  public static SourceContent notModified(SourceRef ref) {
    return new SourceContent(ref, new byte[0], NOT_MODIFIED);
  }

  /** Whether this is {@link #notModified} content, with no bytes to parse. */
  public boolean isNotModified() {
    return NOT_MODIFIED.equals(hash);
  }
}
