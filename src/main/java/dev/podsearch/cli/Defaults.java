package dev.podsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Default locations: {@code data/} and {@code index/} under {@code $PODSEARCH_HOME} (set by the launcher), else the CWD. */
final class Defaults {
  static final String HOME_ENV = "PODSEARCH_HOME";

  private Defaults() {}

  /** The folder defaults are resolved against. */
  static Path home() {
    String env = System.getenv(HOME_ENV);
    Path home = env != null && !env.isBlank() ? Path.of(env) : Path.of("");
    return home.toAbsolutePath().normalize();
  }

  /** The default source folder. */
  static Path sources() {
    return home().resolve("data");
  }

  /** The default index folder. */
  static Path index() {
    return home().resolve("index");
  }

  /** The shared corpus the benchmarks read: {@code ../shared/corpus} beside the home. */
  static Path corpus() {
    return home().resolve("../shared/corpus").normalize();
  }

  /** True for sources fetched over the network rather than read from disk. */
  static boolean isUrl(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://");
  }

  /** The first named file or folder that does not exist, or null when all do (URLs are not checked here). */
  static String firstMissing(Iterable<String> sources) {
    for (String source : sources) {
      if (!isUrl(source) && !Files.exists(Path.of(source))) {
        return source;
      }
    }
    return null;
  }
}
