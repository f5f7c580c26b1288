package dev.podsearch.importer;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Transcripts that sit beside an episode file with the same base name ({@code 042-rust.md} and {@code 042-rust.srt}):
 * the importer attaches their cues to the episode instead of importing them as episodes of their own. A JSON sidecar
 * may also be a Podcasting 2.0 chapters file, whose chapters are attached the same way.
 */
final class TranscriptSidecars {
  /** Sidecar extensions, most precise first. */
  private static final List<String> SIDECAR_EXTENSIONS = List.of("srt", "vtt", "json");
  /** Extensions of the episode files a sidecar can belong to. */
  private static final Set<String> EPISODE_EXTENSIONS = Set.of("md", "mdx", "markdown", "html", "htm", "txt", "xml");

  private TranscriptSidecars() {}

  /**
   * Whether a file is the sidecar of an episode file beside it; the scanner or importer should then not import it as
   * an episode of its own.
   */
  static boolean isSidecar(Path file) {
    String ext = extension(file);
    return SIDECAR_EXTENSIONS.contains(ext) && EPISODE_EXTENSIONS.stream()
        .map(e -> file.resolveSibling(baseName(file) + "." + e))
        .anyMatch(Files::isRegularFile);
  }

  /** The sidecar files of an episode file, in order of preference (none when the file is itself a sidecar type). */
  static List<Path> sidecarsOf(Path episodeFile) {
    if (SIDECAR_EXTENSIONS.contains(extension(episodeFile))) {
      return List.of();
    }
    return SIDECAR_EXTENSIONS.stream()
        .map(e -> episodeFile.resolveSibling(baseName(episodeFile) + "." + e))
        .filter(Files::isRegularFile)
        .toList();
  }

  /**
   * The episode with its sidecars' transcript and chapters attached, where it has none of its own; a sidecar that
   * cannot be read becomes a warning naming it, never a failure of the episode.
   */
  static Episode attach(Episode episode, Path episodeFile, List<String> warnings) {
    Episode result = episode;
    for (Path sidecar : sidecarsOf(episodeFile)) {
      try {
        String text = Files.readString(sidecar, StandardCharsets.UTF_8).replace("\uFEFF", "");
        result = attachOne(result, sidecar, text, warnings);
      } catch (IOException | ParseException e) {
        warnings.add(sidecar.getFileName() + (e instanceof ParseException p && p.line() > 0 ? ":" + p.line() : "")
            + ": sidecar not attached: " + e.getMessage());
      }
    }
    return result;
  }

  private static Episode attachOne(Episode episode, Path sidecar, String text, List<String> warnings)
      throws ParseException {
    boolean json = extension(sidecar).equals("json");
    if (json && FeedChapters.isChapters(text)) {
      List<Chapter> chapters = FeedChapters.parse(text);
      return episode.chapters().isEmpty() ? episode.toBuilder().chapters(chapters).build() : episode;
    }
    if (!episode.transcript().isEmpty()) {
      return episode;
    }
    List<String> mine = new ArrayList<>();
    List<Cue> cues = TranscriptCues.parse(TranscriptCues.formatOf(sidecar.getFileName().toString(), null), text, mine);
    mine.forEach(w -> warnings.add(sidecar.getFileName() + ": " + w));
    return episode.toBuilder().transcript(cues).build();
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
