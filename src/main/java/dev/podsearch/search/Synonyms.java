package dev.podsearch.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small curated list of words that name the same thing ({@code k8s} and {@code kubernetes}), read once. */
final class Synonyms {
  private static final String RESOURCE = "synonyms.txt";
  private static final Map<String, List<String>> GROUPS = load();

  private Synonyms() {}

  /** The other words of {@code word}'s group (lower case), or none. */
  static List<String> of(String word) {
    return GROUPS.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Groups from lines like {@code a, b, c}; blank lines and {@code #} comments are skipped. */
  static Map<String, List<String>> parse(List<String> lines) {
    Map<String, List<String>> groups = new HashMap<>();
    for (String line : lines) {
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      List<String> words = new ArrayList<>();
      for (String w : content.split(",")) {
        if (!w.isBlank()) {
          words.add(w.strip().toLowerCase(Locale.ROOT));
        }
      }
      for (String w : words) {
        groups.put(w, words.stream().filter(o -> !o.equals(w)).toList());
      }
    }
    return Map.copyOf(groups);
  }
}
