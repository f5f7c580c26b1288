package dev.podsearch.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.podsearch.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sources that gave no episodes (skipped or failed), remembered with their hash in the commit's user data, so that the
 * next incremental reindex replays their outcome instead of parsing them again. {@code --full} forgets them.
 */
final class UnindexedSources {
  /** Commit user data key holding the JSON map. */
  static final String KEY = "unindexed_sources";

  /** What became of an unindexed source; {@code message} is the report line. */
  record Entry(String hash, boolean failed, String message) {}

  private final Map<String, Entry> previous;
  private final Map<String, Entry> next = new ConcurrentHashMap<>();

  private UnindexedSources(Map<String, Entry> previous) {
    this.previous = previous;
  }

  /** Reads what the last commit remembered; a missing or unreadable memo just means parsing again. */
  static UnindexedSources from(Map<String, String> commitData) {
    String json = commitData.get(KEY);
    if (json == null) {
      return new UnindexedSources(Map.of());
    }
    try {
      return new UnindexedSources(Json.mapper().readValue(json, new TypeReference<Map<String, Entry>>() {}));
    } catch (IOException e) {
      return new UnindexedSources(Map.of());
    }
  }

  /** The remembered outcome of a source whose bytes still hash to {@code hash}, or null. */
  Entry unchanged(String key, String hash) {
    Entry entry = previous.get(key);
    return entry != null && entry.hash().equals(hash) ? entry : null;
  }

  /** Remembers a source that gave no episodes this run. */
  void remember(String key, Entry entry) {
    next.put(key, entry);
  }

  /**
   * The memo to commit: this run's entries, plus earlier ones of sources this run did not look at (those outside
   * {@code scannedOrigins} and not among {@code scannedKeys}).
   */
  String toJson(Set<String> scannedKeys, Set<String> scannedOrigins) {
    Map<String, Entry> all = new TreeMap<>(next);
    previous.forEach((key, entry) -> {
      boolean scanned = scannedKeys.contains(key) || scannedOrigins.contains(key.substring(0, Math.max(0, key.indexOf('|'))));
      if (!scanned) {
        all.putIfAbsent(key, entry);
      }
    });
    return Json.write(all);
  }
}
