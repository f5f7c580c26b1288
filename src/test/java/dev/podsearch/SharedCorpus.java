package dev.podsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only {@code ../shared} material (real podcast data) that tests read but the repo never holds.
 *
 * <p>On a user's clone there is no {@code ../shared}: tests that need it skip themselves. Under CI ({@code CI=true}) a
 * missing {@code ../shared} is an error, never a skip, so that CI cannot pass by testing nothing.
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  /** The shared folder: {@code $PODSEARCH_SHARED} if set (the build sets it), else {@code ../shared}. */
  public static Path root() {
    String env = System.getenv("PODSEARCH_SHARED");
    return Path.of(env != null && !env.isBlank() ? env : "../shared").toAbsolutePath().normalize();
  }

  /** A path under {@code shared/}, e.g. {@code require("corpus/rss")}; skips the test (or fails under CI) if absent. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    boolean present = Files.exists(p);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but the shared material is missing: " + p);
    }
    assumeTrue(present, () -> "shared material not found, skipping: " + p);
    return p;
  }

  /** A corpus set, e.g. {@code corpus("someengineering-podcast")}. */
  public static Path corpus(String set) {
    return require("corpus/" + set);
  }
}
