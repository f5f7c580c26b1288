package dev.podsearch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of sources kept in a file, for {@code reindex --sources FILE}: one file, folder or feed URL per line; blank
 * lines and lines starting with {@code #} are ignored; relative paths are relative to the file's own folder, so the
 * list reads the same from wherever the command runs.
 */
final class SourcesFile {
  private SourcesFile() {}

  /**
   * The sources listed in {@code file}, in order.
   *
   * @throws IllegalArgumentException naming the file (and line) when it cannot be read or lists a missing path
   */
  static List<String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the sources file " + file + " (" + reason(e) + ")", e);
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replace("\uFEFF", "").strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      sources.add(resolve(file, i + 1, base, line));
    }
    return sources;
  }

  private static String resolve(Path file, int line, Path base, String source) {
    if (Defaults.isUrl(source)) {
      return source;
    }
    Path path = base.resolve(source).normalize();
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(file + ":" + line + ": no such source: " + source);
    }
    return path.toString();
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file"
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
