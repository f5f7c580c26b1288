package dev.podsearch.importer;

import java.util.List;

/** Expands what an operator names (folders, files, URLs) into the individual sources to import. */
public final class SourceScanner {

  /**
   * Lists the sources under each root, sorted by path; hidden files and files that are clearly not episodes (licences,
   * READMEs, images, authors.yml) are left out.
   *
   * @throws IllegalArgumentException naming the root when it does not exist or cannot be read
   */
  public List<SourceRef> scan(List<String> roots) {
    throw new UnsupportedOperationException("TODO: importer helper");
  }
}
