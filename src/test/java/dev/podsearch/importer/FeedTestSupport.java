package dev.podsearch.importer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the parser inputs the tests of this package use: inline text, or files under a root. */
final class FeedTestSupport {
  private FeedTestSupport() {}

  /** Inline text as if it came from a file {@code name} at the root of an import. */
  static SourceText inline(String name, String text) {
    return new SourceText(new SourceRef("/imports", name, null), text, Ids.sha256(text));
  }

  /** A real file under {@code root}, named relative to it as the scanner would. */
  static SourceText file(Path root, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
    String relative = root.relativize(file).toString().replace('\\', '/');
    return new SourceText(new SourceRef(root.toString(), relative, file), text, Ids.sha256(bytes));
  }

  /** The test resources folder {@code feeds/}. */
  static Path fixtures() {
    try {
      return Path.of(FeedTestSupport.class.getResource("/feeds").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
