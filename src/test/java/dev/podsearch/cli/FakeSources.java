package dev.podsearch.cli;

import dev.podsearch.episode.Episode;
import dev.podsearch.importer.Format;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceContent;
import dev.podsearch.importer.SourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-made sources in memory, standing in for the importer. A source's text is one episode per line as
 * {@code id title}; the texts {@code FAIL}, {@code SKIP}, {@code THROW} and {@code UNREADABLE} act as their names say.
 */
final class FakeSources implements SourceReader {
  private final Map<String, Map<String, String>> files = new TreeMap<>();
  final Map<String, Integer> parses = new ConcurrentHashMap<>();

  /** Adds or changes a source. */
  FakeSources put(String origin, String source, String text) {
    files.computeIfAbsent(origin, o -> new TreeMap<>()).put(source, text);
    return this;
  }

  /** Removes a source, as if its file was deleted. */
  FakeSources remove(String origin, String source) {
    files.get(origin).remove(source);
    return this;
  }

  int totalParses() {
    return parses.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public List<SourceRef> scan(List<String> roots) {
    List<SourceRef> refs = new ArrayList<>();
    for (String root : roots) {
      int slash = root.lastIndexOf('/');
      String folder = slash > 0 ? root.substring(0, slash) : "";
      if (files.containsKey(folder) && files.get(folder).containsKey(root.substring(slash + 1))) {
        // A single file, named by its path: like the real scanner, its origin is its folder.
        refs.add(new SourceRef(folder, root.substring(slash + 1), null));
        continue;
      }
      if (!files.containsKey(root)) {
        throw new IllegalArgumentException("no such source: " + root);
      }
      files.get(root).keySet().forEach(source -> refs.add(new SourceRef(root, source, null)));
    }
    return refs;
  }

  @Override
  public SourceContent load(SourceRef ref) throws IOException {
    String text = files.get(ref.origin()).get(ref.source());
    if (text.equals("UNREADABLE")) {
      throw new IOException("permission denied");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new SourceContent(ref, bytes, Integer.toHexString(text.hashCode()));
  }

  @Override
  public ParseOutcome parse(SourceContent content) {
    SourceRef ref = content.ref();
    parses.merge(ref.key(), 1, Integer::sum);
    String text = new String(content.bytes(), StandardCharsets.UTF_8);
    switch (text) {
      case "FAIL":
        return new ParseOutcome.Failed(ref, 3, "no title");
      case "SKIP":
        return new ParseOutcome.Skipped(ref, "not an episode");
      case "THROW":
        throw new IllegalStateException("parser bug");
      default:
        List<Episode> episodes = text.lines()
            .map(line -> line.split(" ", 2))
            .map(p -> Episode.builder().id(p[0]).title(p[1]).source(ref.source()).build())
            .toList();
        return new ParseOutcome.Parsed(ref, Format.MARKDOWN, episodes, List.of());
    }
  }
}
