package dev.podsearch.importer;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Reads the chapters and transcript files a feed item links to ({@code podcast:chapters}, {@code podcast:transcript})
 * when they are local files beside the feed. Remote ones are only counted: parsing must not hang on the network, so
 * the feed gets one warning saying how many were left out.
 */
final class FeedAttachments {
  /** Timed formats first, in order of preference; HTML transcripts carry only start times. */
  private static final List<Format> PREFERENCE =
      List.of(Format.SRT, Format.WEBVTT, Format.JSON_TRANSCRIPT, Format.HTML_TRANSCRIPT);

  /** A local link that could not be used (already warned about), as opposed to a remote one (null). */
  private static final Path UNUSABLE = Path.of("");

  private final SourceRef feed;
  private final List<String> warnings;
  private int remoteChapters;
  private int remoteTranscripts;

  FeedAttachments(SourceRef feed, List<String> warnings) {
    this.feed = feed;
    this.warnings = warnings;
  }

  /** The chapters of the item's local chapters file, or none. */
  List<Chapter> chapters(Element chaptersElement) {
    if (chaptersElement == null || chaptersElement.attr("url").isBlank()) {
      return List.of();
    }
    int line = FeedXml.line(chaptersElement);
    Path file = local(chaptersElement.attr("url"), line);
    if (file == null) {
      remoteChapters++;
      return List.of();
    }
    if (file == UNUSABLE) {
      return List.of();
    }
    try {
      return FeedChapters.parse(read(file));
    } catch (IOException | ParseException e) {
      warnings.add("line " + line + ": chapters file " + file.getFileName() + " not read: " + e.getMessage());
      return List.of();
    }
  }

  /** The cues of the item's best local transcript (SRT, then WebVTT, JSON, HTML), or none. */
  List<Cue> transcript(List<Element> transcriptElements) {
    List<Element> timed = transcriptElements.stream()
        .filter(t -> format(t) != null)
        .sorted(Comparator.comparingInt(t -> PREFERENCE.indexOf(format(t))))
        .toList();
    boolean remote = false;
    for (Element t : timed) {
      Path file = local(t.attr("url"), FeedXml.line(t));
      if (file == null) {
        remote = true;
        continue;
      }
      if (file == UNUSABLE) {
        continue;
      }
      List<Cue> cues = parseTranscript(file, format(t), FeedXml.line(t));
      if (!cues.isEmpty()) {
        return cues;
      }
    }
    remoteTranscripts += remote ? 1 : 0;
    return List.of();
  }

  /** Adds the one warning about remote files left out, if any were. */
  void reportRemote() {
    if (remoteChapters + remoteTranscripts > 0) {
      warnings.add("remote files not fetched while parsing: " + remoteChapters + " chapters file(s) and "
          + remoteTranscripts + " item(s) with only remote transcripts");
    }
  }

  private List<Cue> parseTranscript(Path file, Format format, int line) {
    try {
      List<String> own = new ArrayList<>();
      List<Cue> cues = TranscriptCues.parse(format, read(file), own);
      // Their lines are the transcript's, not the feed's: say which file they are in.
      own.forEach(w -> warnings.add(file.getFileName() + " " + w));
      return cues;
    } catch (IOException | ParseException e) {
      warnings.add("line " + line + ": transcript " + file.getFileName() + " not read: " + e.getMessage());
      return List.of();
    }
  }

  private static Format format(Element transcript) {
    return TranscriptCues.formatOf(transcript.attr("url"), transcript.attr("type"));
  }

  /**
   * The local file a link names, resolved against the feed's folder and kept inside the imported root; null for
   * remote links, {@link #UNUSABLE} (with a warning) for local ones that are missing or outside the root.
   */
  private Path local(String link, int line) {
    String l = link.strip();
    if (feed.path() == null || l.matches("(?i)^(https?|ftp|ipfs):.*")) {
      return null;
    }
    try {
      Path target = l.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(l)) : resolve(l);
      if (!target.startsWith(root())) {
        warnings.add("line " + line + ": " + l + " lies outside the imported folder; not read");
      } else if (!Files.isRegularFile(target)) {
        warnings.add("line " + line + ": " + l + " not found beside the feed");
      } else {
        return target;
      }
    } catch (IllegalArgumentException e) { // includes InvalidPathException
      warnings.add("line " + line + ": unusable file link '" + l + "'");
    }
    return UNUSABLE;
  }

  private Path resolve(String relative) {
    Path parent = feed.path().toAbsolutePath().getParent();
    return parent.resolve(relative).normalize();
  }

  private Path root() {
    Path origin = Path.of(feed.origin()).toAbsolutePath().normalize();
    return Files.isDirectory(origin) ? origin : feed.path().toAbsolutePath().getParent();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
  }
}
