package dev.podsearch.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site-wide files a Markdown episode refers to: Docusaurus {@code authors.yml} (author keys to names) and Hugo
 * section {@code _index.md} files (show title and hosts). Looked up in the episode's folder, then its ancestors up to
 * the imported root; each file is read once per import and cached (thread-safe).
 */
final class SiteFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<Path, Optional<Map<String, Object>>> authorsFiles = new ConcurrentHashMap<>();
  private final Map<Path, Optional<FrontMatter>> sectionFiles = new ConcurrentHashMap<>();

  /** The author entries (key to fields) of the nearest {@code authors.yml}/{@code authors.yaml}; empty if none. */
  Map<String, Object> authors(SourceRef ref) {
    for (Path dir : ancestors(ref)) {
      Optional<Map<String, Object>> found = authorsFiles.computeIfAbsent(dir, SiteFiles::readAuthors);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return Map.of();
  }

  /** The front matter of the nearest Hugo section page ({@code _index.md}) around the source, if any. */
  Optional<FrontMatter> section(SourceRef ref) {
    for (Path dir : ancestors(ref)) {
      Optional<FrontMatter> found = sectionFiles.computeIfAbsent(dir, SiteFiles::readSection);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The source's folder and its ancestors, nearest first, never above the imported root. */
  static List<Path> ancestors(SourceRef ref) {
    if (ref.path() == null) {
      return List.of();
    }
    Path file = ref.path().toAbsolutePath().normalize();
    Path root = ref.origin() == null ? file.getParent() : Path.of(ref.origin()).toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
      out.add(dir);
      if (dir.equals(root) || !dir.startsWith(root)) {
        break;
      }
    }
    return out;
  }

  private static Optional<Map<String, Object>> readAuthors(Path dir) {
    for (String name : new String[] {"authors.yml", "authors.yaml"}) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          Object v = YAML.readValue(file.toFile(), Object.class);
          Map<String, Object> out = new LinkedHashMap<>();
          if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
          }
          return Optional.of(out);
        } catch (IOException e) {
          // A broken authors file leaves the keys unresolved; the episodes still import.
          return Optional.of(Map.of());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<FrontMatter> readSection(Path dir) {
    Path file = dir.resolve("_index.md");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(FrontMatter.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | ParseException e) {
      return Optional.empty();
    }
  }
}
