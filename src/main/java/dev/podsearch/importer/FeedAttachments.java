package dev.podsearch.importer;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads the chapters and transcript files a feed item links to ({@code podcast:chapters}, {@code podcast:transcript}):
 * local files beside the feed, and http(s) ones fetched up front by {@link #prefetch} (one chapters file and the best
 * transcript per item, within {@link FeedRemoteFiles}' bounds). Remote links that are not fetched (fetching switched
 * off, or ftp/ipfs links) are only counted, and the feed gets one warning saying how many were left out.
 */
final class FeedAttachments {
  /** Timed formats first, in order of preference; HTML transcripts carry only start times. */
  private static final List<Format> PREFERENCE =
      List.of(Format.SRT, Format.WEBVTT, Format.JSON_TRANSCRIPT, Format.HTML_TRANSCRIPT);

  /** A local link that could not be used (already warned about), as opposed to a remote one (null). */
  private static final Path UNUSABLE = Path.of("");

  private final SourceRef feed;
  private final List<String> warnings;
  /** Null when remote files are not fetched. */
  private final FeedRemoteFiles remote;
  /** The URLs prefetched (whether they came or not), and the text of those that came. */
  private final Set<URI> wanted = new HashSet<>();
  private Map<URI, String> fetched = Map.of();
  private int remoteChapters;
  private int remoteTranscripts;

  FeedAttachments(SourceRef feed, List<String> warnings, FeedRemoteFiles remote) {
    this.feed = feed;
    this.warnings = warnings;
    this.remote = remote;
  }

  /**
   * Fetches the remote files the items link to, before the items are mapped: each item's chapters file and its most
   * preferred transcript, when that one is remote. Does nothing when fetching is off.
   */
  void prefetch(List<Element> items, FeedXml xml) {
    if (remote == null) {
      return;
    }
    List<FeedRemoteFiles.Wanted> list = new ArrayList<>();
    for (Element item : items) {
      Element chapters = FeedXml.child(item, xml.podcast("chapters"));
      if (chapters != null) {
        want(chapters, "chapters file", list);
      }
      List<Element> timed = timed(FeedXml.children(item, xml.podcast("transcript")));
      if (!timed.isEmpty()) {
        want(timed.get(0), "transcript", list);
      }
    }
    fetched = remote.fetch(list, warnings);
  }

  private void want(Element link, String what, List<FeedRemoteFiles.Wanted> list) {
    URI uri = remoteUri(link.attr("url"));
    if (uri != null && wanted.add(uri)) {
      list.add(new FeedRemoteFiles.Wanted(uri, what, FeedXml.line(link)));
    }
  }

  /** The chapters of the item's local chapters file, or none. */
  List<Chapter> chapters(Element chaptersElement) {
    if (chaptersElement == null || chaptersElement.attr("url").isBlank()) {
      return List.of();
    }
    int line = FeedXml.line(chaptersElement);
    Path file = local(chaptersElement.attr("url"), line);
    if (file == null) {
      return remoteChapters(remoteUri(chaptersElement.attr("url")), line);
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

  private List<Chapter> remoteChapters(URI uri, int line) {
    if (uri == null || !wanted.contains(uri)) {
      remoteChapters++;
      return List.of();
    }
    String text = fetched.get(uri);
    if (text == null) {
      return List.of(); // already warned about
    }
    try {
      return FeedChapters.parse(text);
    } catch (ParseException e) {
      warnings.add("line " + line + ": chapters file " + uri + " not read: " + e.getMessage());
      return List.of();
    }
  }

  /** The cues of the item's best transcript (SRT, then WebVTT, JSON, HTML), local or prefetched, or none. */
  List<Cue> transcript(List<Element> transcriptElements) {
    boolean remote = false;
    boolean fetchedOne = false;
    for (Element t : timed(transcriptElements)) {
      Path file = local(t.attr("url"), FeedXml.line(t));
      URI uri = file == null ? remoteUri(t.attr("url")) : null;
      if (file == null && (uri == null || !wanted.contains(uri))) {
        remote = true;
        continue;
      }
      if (file == null) {
        fetchedOne = true; // fetched, or warned about: the item's transcripts were not "left out"
        List<Cue> cues = fetched.containsKey(uri) ? parseTranscript(uri.toString(), fetched.get(uri), format(t),
            FeedXml.line(t)) : List.of();
        if (!cues.isEmpty()) {
          return cues;
        }
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
    remoteTranscripts += remote && !fetchedOne ? 1 : 0;
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
    String text;
    try {
      text = read(file);
    } catch (IOException e) {
      warnings.add("line " + line + ": transcript " + file.getFileName() + " not read: " + e.getMessage());
      return List.of();
    }
    return parseTranscript(file.getFileName().toString(), text, format, line);
  }

  private List<Cue> parseTranscript(String name, String text, Format format, int line) {
    try {
      List<String> own = new ArrayList<>();
      List<Cue> cues = TranscriptCues.parse(format, text, own);
      // Their lines are the transcript's, not the feed's: say which file they are in.
      own.forEach(w -> warnings.add(name + " " + w));
      return cues;
    } catch (ParseException e) {
      warnings.add("line " + line + ": transcript " + name + " not read: " + e.getMessage());
      return List.of();
    }
  }

  /** The links to timed transcripts, most preferred format first. */
  private static List<Element> timed(List<Element> transcriptElements) {
    return transcriptElements.stream()
        .filter(t -> format(t) != null)
        .sorted(Comparator.comparingInt(t -> PREFERENCE.indexOf(format(t))))
        .toList();
  }

  /**
   * The http(s) URL a link names, relative links resolved against the feed's URL when the feed came over http; null
   * for local links and for links that cannot be fetched (ftp, ipfs, malformed).
   */
  private URI remoteUri(String link) {
    String l = link.strip();
    try {
      if (l.matches("(?i)^https?://.+")) {
        return new URI(l);
      }
      boolean httpFeed = feed.path() == null && feed.source().matches("(?i)^https?://.+");
      if (httpFeed && !l.isEmpty() && !l.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
        return new URI(feed.source()).resolve(l);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    return null;
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
