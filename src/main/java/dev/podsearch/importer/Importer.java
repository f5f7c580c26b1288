package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads sources and turns each into a {@link ParseOutcome}: detects the format from the content, then hands the text to
 * that format's parser. Thread-safe: the reindex command parses sources in parallel.
 */
public final class Importer {

  /** Larger files are refused: no podcast page or transcript comes near it, and reading one would strain the heap. */
  public static final long MAX_SOURCE_BYTES = 64L * 1024 * 1024;

  private final Map<Format, EpisodeParser> parsers = new EnumMap<>(Format.class);

  /** An importer with the parser of every format. */
  public Importer() {
    parsers.put(Format.LISTING_TEXT, new ListingTextParser());
    parsers.put(Format.HTML, new HtmlEpisodeParser());
    parsers.put(Format.MARKDOWN, new MarkdownParser());
    parsers.put(Format.TEXT_TRANSCRIPT, new TextTranscriptParser());
    parsers.put(Format.FEED, new FeedParser());
    parsers.put(Format.SRT, new SrtParser());
    parsers.put(Format.WEBVTT, new WebVttParser());
    parsers.put(Format.JSON_TRANSCRIPT, new JsonTranscriptParser());
    parsers.put(Format.HTML_TRANSCRIPT, new HtmlTranscriptParser());
  }

  /** An importer with the given parsers in place of the standard ones, for tests. */
  Importer(Map<Format, EpisodeParser> replacements) {
    this();
    parsers.putAll(replacements);
  }

  /**
   * Reads a source's bytes (a file, or a URL for feeds) and hashes them, for the incremental reindex to compare. The
   * hash of a file also covers its sidecar transcripts, so that editing one reindexes the episode.
   */
  public SourceContent load(SourceRef ref) throws IOException {
    if (ref.path() == null) {
      // Hook added by the feeds helper: URL sources (feeds) are fetched over http(s); limits and errors in FeedFetcher.
      return FeedFetcher.shared().load(ref);
    }
    byte[] bytes = readCapped(ref, ref.path());
    return new SourceContent(ref, bytes, hash(ref, bytes));
  }

  /**
   * The version of what the parsers make of a file. It is part of every file's hash, so that after an upgrade that
   * changes it an incremental reindex parses unchanged files again instead of keeping what the old parsers made of
   * them. Bump it with any change to a parser's output, or to what the index makes of an episode (3: notes that repeat
   * the transcript are no longer indexed as notes).
   */
  static final String PARSER_VERSION = "3";

  /** The hash of the parser version, the file's bytes, and its sidecars' names and bytes when it has any. */
  private static String hash(SourceRef ref, byte[] bytes) throws IOException {
    List<Path> sidecars = TranscriptSidecars.sidecarsOf(ref.path());
    MessageDigest digest = Ids.sha256Digest();
    digest.update(("podsearch-parsers-" + PARSER_VERSION + "\0").getBytes(StandardCharsets.UTF_8));
    digest.update(bytes);
    for (Path sidecar : sidecars) {
      // the name too, so that renaming ep.srt to ep.vtt (or adding one) changes the hash
      digest.update(("\0" + sidecar.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
      digest.update(readCapped(ref, sidecar));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] readCapped(SourceRef ref, Path file) throws IOException {
    String name = file.equals(ref.path()) ? ref.source() : ref.source() + " (sidecar " + file.getFileName() + ")";
    long size = Files.size(file);
    if (size > MAX_SOURCE_BYTES) {
      throw new IOException(name + ": file is " + size / (1024 * 1024) + " MB, over the "
          + MAX_SOURCE_BYTES / (1024 * 1024) + " MB limit for one source");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Read at most one byte past the cap, in case the file grew since it was measured.
      bytes = in.readNBytes((int) MAX_SOURCE_BYTES + 1);
    }
    if (bytes.length > MAX_SOURCE_BYTES) {
      throw new IOException(name + ": file is over the " + MAX_SOURCE_BYTES / (1024 * 1024) + " MB limit");
    }
    return bytes;
  }

  /** Parses loaded content; never throws: a problem becomes {@link ParseOutcome.Failed}. */
  public ParseOutcome parse(SourceContent content) {
    SourceRef ref = content.ref();
    try {
      return parseText(content);
    } catch (ParseException e) {
      return new ParseOutcome.Failed(ref, e.line(), e.getMessage());
    } catch (NotAnEpisodeException e) {
      return new ParseOutcome.Skipped(ref, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must not stop the import of the other sources; the reason names the problem, not a stack.
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new ParseOutcome.Failed(ref, 0, "could not be parsed (" + Texts.shorten(what, 200) + ")");
    }
  }

  private ParseOutcome parseText(SourceContent content) throws ParseException, NotAnEpisodeException {
    SourceRef ref = content.ref();
    String text = decode(content.bytes());
    if (Texts.isBlank(text)) {
      throw new ParseException(0, "empty file");
    }
    Optional<Format> format = FormatDetector.detect(text, ref.source());
    if (format.isEmpty()) {
      throw new NotAnEpisodeException("not a format podsearch reads (no feed, page, transcript or episode notes found)");
    }
    List<String> warnings = new ArrayList<>();
    List<Episode> episodes = parsers.get(format.get()).parse(new SourceText(ref, text, content.hash()), warnings);
    if (episodes.isEmpty()) {
      throw new NotAnEpisodeException("no episodes in this " + format.get().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    List<Episode> stamped = withSidecars(ref, episodes, warnings).stream()
        .map(e -> e.toBuilder().source(ref.source()).contentHash(content.hash()).build())
        .toList();
    return new ParseOutcome.Parsed(ref, format.get(), stamped, List.copyOf(warnings));
  }

  /**
   * Attaches the transcripts beside the file; only to a lone episode, since a feed or listing file cannot say which of
   * its episodes a same-named transcript belongs to.
   */
  private static List<Episode> withSidecars(SourceRef ref, List<Episode> episodes, List<String> warnings) {
    if (ref.path() == null || episodes.size() != 1) {
      return episodes;
    }
    return List.of(TranscriptSidecars.attach(episodes.get(0), ref.path(), warnings));
  }

  /** Strict UTF-8 without a byte order mark; binary and badly encoded files fail with the line of the problem. */
  static String decode(byte[] bytes) throws ParseException {
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      throw new ParseException(lineAt(bytes, nul), "binary file, not text");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      String text = decoder.decode(in).toString();
      // One line ending for every parser.
      return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start);
      throw new ParseException(lineAt(bytes, bad), "not valid UTF-8 (byte 0x"
          + String.format("%02X", bytes[Math.min(bad, bytes.length - 1)] & 0xFF) + " at offset " + bad
          + "); save the file as UTF-8");
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
  static int firstInvalidUtf8(byte[] bytes, int from) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        return bytes.length;
      }
      out.clear();
    }
  }
}
