package dev.podsearch.importer;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.EpisodeBuilder;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared pieces of the timed-transcript parsers: parsing a transcript by format (for transcripts attached to feeds
 * or to episode files), speaker prefixes, and the episode a transcript becomes when imported on its own.
 */
final class TranscriptCues {
  /** "Name: text" where Name is one to five capitalised words (particles like "van" allowed), not a sentence. */
  private static final Pattern SPEAKER_PREFIX = Pattern.compile(
      "^((?:\\p{Lu}[\\p{L}\\p{M}'’_\\-]*\\.?|\\p{Lu}[\\p{L}\\p{M}'’\\-]*_\\d+)"
          + "(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?|van|von|de|der|den|da|di|du|la|le|del|bin|al|\\d+)){0,4})"
          + ":\\s+(.*)$");
  /** Speaker labels that name nobody, kept on cues but not listed as people. */
  private static final Pattern ANONYMOUS = Pattern.compile("(?i)(speaker[ _-]?\\d*|unknown|jingles?|music|narrator)");
  private static final Set<String> FOLDER_NOISE =
      Set.of("episodes", "episode", "transcripts", "transcript", "captions", "subtitles", "srt", "vtt", "json", "html");

  /** A speaker prefix split off a line. */
  record Prefixed(String speaker, String rest) {}

  private TranscriptCues() {}

  /**
   * Parses a transcript's text in the given format into cues; for callers that attach transcripts to other episodes.
   *
   * @throws ParseException when the format is not a transcript format or nothing usable is found
   */
  static List<Cue> parse(Format format, String text, List<String> warnings) throws ParseException {
    return switch (format) {
      case SRT -> new SrtParser().cues(text, warnings);
      case WEBVTT -> new WebVttParser().cues(text, warnings);
      case JSON_TRANSCRIPT -> new JsonTranscriptParser().cues(text, warnings);
      case HTML_TRANSCRIPT -> new HtmlTranscriptParser().cues(text, warnings);
      default -> throw new ParseException(0, format + " is not a timed transcript format");
    };
  }

  /**
   * The transcript format from a MIME type (as in {@code podcast:transcript type="text/vtt"}) or else the file name's
   * extension; null when neither names a timed format.
   */
  static Format formatOf(String fileName, String mimeType) {
    String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT).strip();
    if (type.contains("srt") || type.contains("subrip")) {
      return Format.SRT;
    }
    if (type.contains("vtt")) {
      return Format.WEBVTT;
    }
    if (type.contains("json")) {
      return Format.JSON_TRANSCRIPT;
    }
    if (type.contains("html")) {
      return Format.HTML_TRANSCRIPT;
    }
    return type.isEmpty() || type.equals("application/octet-stream") ? formatOfName(fileName) : null;
  }

  private static Format formatOfName(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
    if (name.endsWith(".srt")) {
      return Format.SRT;
    }
    if (name.endsWith(".vtt")) {
      return Format.WEBVTT;
    }
    if (name.endsWith(".json")) {
      return Format.JSON_TRANSCRIPT;
    }
    return name.endsWith(".html") || name.endsWith(".htm") ? Format.HTML_TRANSCRIPT : null;
  }

  /** Splits "Name: text" into speaker and text, or null when the line does not start with a speaker. */
  static Prefixed speakerPrefix(String line) {
    Matcher m = SPEAKER_PREFIX.matcher(line);
    if (!m.matches() || m.group(1).length() > 60) {
      return null;
    }
    return new Prefixed(m.group(1), m.group(2));
  }

  /** Builds a cue, or adds a warning and returns null when its times are out of order. */
  static Cue cue(double start, double end, String speaker, String text, int line, List<String> warnings) {
    if (start < 0) {
      warnings.add("line " + line + ": cue starts at a negative time (" + start + "s); skipped");
      return null;
    }
    if (end < start) {
      warnings.add("line " + line + ": cue ends (" + end + "s) before it starts (" + start + "s); skipped");
      return null;
    }
    return new Cue(start, end, speaker == null || speaker.isBlank() ? null : speaker.strip(), text.strip());
  }

  /**
   * Word-by-word transcripts (one word per cue, as some tools write JSON) grouped into phrases of one speaker: a new
   * cue starts at a speaker change, a pause over 1.5 s, past 10 s, or at a sentence end once a phrase is 3 s long.
   * Phrase-level transcripts are returned as they are.
   */
  static List<Cue> groupWords(List<Cue> cues) {
    double words = cues.stream().mapToInt(c -> c.text().isBlank() ? 0 : c.text().strip().split("\\s+").length).sum();
    if (cues.size() < 20 || words / cues.size() > 2.5) {
      return cues;
    }
    List<Cue> out = new ArrayList<>();
    Cue group = null;
    for (Cue c : cues) {
      if (group != null && continues(group, c)) {
        group = new Cue(group.start(), Math.max(group.end(), c.end()), group.speaker(), group.text() + " " + c.text());
      } else {
        if (group != null) {
          out.add(group);
        }
        group = c;
      }
    }
    out.add(group);
    return out;
  }

  private static boolean continues(Cue group, Cue next) {
    boolean sentenceDone = group.text().matches(".*[.?!]$") && group.end() - group.start() >= 3;
    return Objects.equals(group.speaker(), next.speaker())
        && next.start() - group.end() <= 1.5
        && next.end() - group.start() <= 10
        && !sentenceDone;
  }

  /** The exception for a transcript without one usable cue, naming the first line that went wrong if any. */
  static ParseException nothingUsable(String format, List<String> warnings, int warningsBefore) {
    List<String> mine = warnings.subList(warningsBefore, warnings.size());
    if (mine.isEmpty()) {
      return new ParseException(0, "no " + format + " cues found");
    }
    String first = mine.get(0);
    Matcher m = Pattern.compile("^line (\\d+): (.*)$").matcher(first);
    return m.matches()
        ? new ParseException(Integer.parseInt(m.group(1)), "no usable " + format + " cues; first problem: " + m.group(2))
        : new ParseException(0, "no usable " + format + " cues; first problem: " + first);
  }

  /** The episode a transcript file becomes when imported on its own. */
  static Episode episode(SourceText source, List<Cue> cues) {
    String text = text(cues);
    EpisodeBuilder b = Episode.builder()
        .id(Ids.episodeId(source.ref().source(), "transcript"))
        .podcast(podcastOf(source.ref().source()))
        .title(titleOf(source.fileName()))
        .description(FeedText.summary(text))
        .text(text)
        .transcript(cues)
        .source(source.ref().source())
        .contentHash(source.hash());
    speakers(cues).forEach(s -> b.addPerson(new Person(s, Role.UNKNOWN)));
    return b.build();
  }

  /** The cue texts joined, with a new paragraph whenever the speaker changes. */
  static String text(List<Cue> cues) {
    StringBuilder out = new StringBuilder();
    String speaker = null;
    for (Cue c : cues) {
      if (c.text().isEmpty()) {
        continue;
      }
      boolean newTurn = c.speaker() != null && !c.speaker().equals(speaker);
      out.append(out.length() == 0 ? "" : newTurn ? "\n\n" : " ").append(c.text());
      speaker = c.speaker() != null ? c.speaker() : speaker;
    }
    return out.toString();
  }

  private static Set<String> speakers(List<Cue> cues) {
    Set<String> names = new LinkedHashSet<>();
    cues.stream().map(Cue::speaker).filter(s -> s != null && !ANONYMOUS.matcher(s).matches()).forEach(names::add);
    // "Bekah" and "Bekah Hawrot Weigel" in one transcript are one person: keep the full name.
    names.removeIf(n -> names.stream().anyMatch(full -> full.startsWith(n + " ")));
    return names;
  }

  /** "podnews_weekly_review_2023-03-17.json" -> "Podnews weekly review 2023-03-17"; bare numbers get "Episode". */
  static String titleOf(String fileName) {
    String base = fileName.replaceFirst("\\.[^.]+$", "");
    base = base.contains("__") ? base.substring(base.lastIndexOf("__") + 2) : base;
    if (base.chars().noneMatch(Character::isLetter)) {
      return "Episode " + base;
    }
    String spaced = base.replace('_', ' ').replaceAll("(?<=\\p{L})-(?=\\p{L})", " ").replaceAll("\\s+", " ").strip();
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** The show a transcript belongs to: its nearest folder that is not just "episodes" or "transcripts". */
  static String podcastOf(String source) {
    List<String> folders = new ArrayList<>(Arrays.asList(source.split("/")));
    folders.remove(folders.size() - 1);
    for (int i = folders.size() - 1; i >= 0; i--) {
      String name = prettyFolder(folders.get(i));
      if (!name.isEmpty()) {
        return name;
      }
    }
    return null;
  }

  private static String prettyFolder(String folder) {
    List<String> words = new ArrayList<>(Arrays.asList(folder.split("[-_ .]+")));
    words.removeIf(w -> w.isEmpty() || FOLDER_NOISE.contains(w.toLowerCase(Locale.ROOT)));
    return String.join(" ", words.stream()
        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
        .toList());
  }
}
