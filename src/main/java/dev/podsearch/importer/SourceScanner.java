package dev.podsearch.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Expands what an operator names (folders, files, URLs) into the individual sources to import. */
public final class SourceScanner {

  /** Files that sit beside episodes in a repository but are never episodes. */
  private static final Pattern NOT_EPISODE_NAME = Pattern.compile(
      "^(?:.*__)?(?i:licen[cs]e|readme|contributing|copying|code_of_conduct)(?:[._-].*)?$|^STYLE(?:[._-].*)?$"
          + "|^SOURCE_COMMIT$|^(?i:authors\\.ya?ml)$|^(?i:.*chapters.*\\.json)$");
  private static final Set<String> NOT_EPISODE_EXTENSIONS = Set.of(
      "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif",
      "mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac", "mp4", "m4v", "webm", "mov",
      "css", "js", "mjs", "cjs", "ts", "map", "woff", "woff2", "ttf", "otf", "eot",
      "zip", "gz", "tgz", "jar", "class", "pdf", "yml", "yaml", "toml", "lock", "sh", "py", "java");

  /**
   * Lists the sources under each root, sorted by path; hidden files and files that are clearly not episodes (licences,
   * READMEs, images, authors.yml) are left out, and so are transcripts beside a same-named episode file (the importer
   * attaches those to that episode).
   *
   * @throws IllegalArgumentException naming the root when it does not exist or cannot be read
   */
  public List<SourceRef> scan(List<String> roots) {
    List<SourceRef> out = new ArrayList<>();
    for (String root : roots) {
      if (root.startsWith("http://") || root.startsWith("https://")) {
        out.add(new SourceRef(root, root, null));
      } else {
        out.addAll(scanPath(root));
      }
    }
    return out;
  }

  private static List<SourceRef> scanPath(String root) {
    Path path = Path.of(root).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("source not found: " + root);
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("source cannot be read: " + root);
    }
    if (Files.isRegularFile(path)) {
      Path folder = path.getParent();
      return List.of(new SourceRef(folder.toString(), path.getFileName().toString(), path));
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> isCandidate(path.relativize(p)))
          .filter(p -> !TranscriptSidecars.isSidecar(p))
          .sorted(Comparator.comparing(p -> relative(path, p)))
          .map(p -> new SourceRef(path.toString(), relative(path, p), p))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("source cannot be read: " + root + " (" + e.getMessage() + ")", e);
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** Not hidden (no part of the path starts with a dot), and not a file that is clearly no episode. */
  static boolean isCandidate(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    String name = relative.getFileName().toString();
    String ext = FormatDetector.extension(name);
    return !NOT_EPISODE_NAME.matcher(name).matches() && !NOT_EPISODE_EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT));
  }
}
