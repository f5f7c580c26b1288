package dev.podsearch.importer;

/**
 * A source decoded to text, handed to one format's parser.
 *
 * @param text the whole source as a string (UTF-8 decoded, BOM removed)
 * @param hash the hash of the source's bytes, for {@code Episode.contentHash}
 */
record SourceText(SourceRef ref, String text, String hash) {

  /** The name of the folder the source sits in ("" at the root); e.g. the show of a changelog transcript. */
  String folderName() {
    String s = ref.source();
    int slash = s.lastIndexOf('/');
    if (slash < 0) {
      return ref.path() != null && ref.path().toAbsolutePath().getParent() != null
          && ref.path().toAbsolutePath().getParent().getFileName() != null
          ? ref.path().toAbsolutePath().getParent().getFileName().toString()
          : "";
    }
    String dir = s.substring(0, slash);
    return dir.substring(dir.lastIndexOf('/') + 1);
  }

  /** The file name without folders. */
  String fileName() {
    String s = ref.source();
    return s.substring(s.lastIndexOf('/') + 1);
  }
}
