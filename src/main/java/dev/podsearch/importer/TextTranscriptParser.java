package dev.podsearch.importer;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.EpisodeBuilder;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses plain-text transcripts in the Changelog style: {@code **Name:**} starts a speaker's turn, an escaped
 * {@code \[04:06\]} or {@code \[01:04:06\]} marks the time at that point; the file has no title or date.
 *
 * <p>Each turn becomes a cue, split again where a timestamp falls inside it. Only some turns carry a timestamp, so the
 * others get a start estimated from their position between the neighbouring timestamps (speech runs at a fairly even
 * pace); a cue that carries a timestamp always starts exactly there.
 */
final class TextTranscriptParser implements EpisodeParser {

  private static final Pattern SPEAKER = Pattern.compile("^\\*\\*([^*\\n]{1,80}?)\\s*(?::\\*\\*|\\*\\*:)\\s*");
  private static final Pattern TIME = Pattern.compile("\\\\?\\[(\\d{1,3}(?::\\d{2}){1,3})\\\\?](?!\\()");
  // Link text holds no "[": otherwise every "[" of a long line rescans the line (quadratic; seconds for 20 KB).
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]\\n]*)]\\([^)\\s]*\\)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>|~])");
  private static final Pattern NUMBERED = Pattern.compile("^(.+?)-(?:s(\\d+)e(\\d+)|(\\d+))$");
  private static final Pattern TOPIC = Pattern.compile("(?i:today|this week|this episode|on this show)[, ]+"
      + "(?i:we're|we are|we'll be|we will be|we're gonna be|we're going to be) (?i:talking|chatting) about "
      + "((?:[^.,;:!?—(\"“]|\\.(?=\\d)){3,80})");
  private static final Pattern VAGUE_TOPIC = Pattern.compile(
      "(?i)(a|an|another|some|the news|this|that|it|what|how we|something|one of)\\b");
  /** Turn labels that are not people. */
  private static final Set<String> NOT_PEOPLE = Set.of("break", "jingle", "outro", "intro", "sample", "song", "music",
      "ad", "sponsor", "advertisement", "promo", "clip", "cold open", "teaser");
  /** Speaking pace used past the last timestamp when the file gives no better estimate (about 150 words a minute). */
  private static final double CHARS_PER_SECOND = 15.0;
  /** Display names of the Changelog shows, keyed by their folder in thechangelog/transcripts. */
  private static final Map<String, String> KNOWN_SHOWS = Map.ofEntries(
      Map.entry("afk", "Away from Keyboard"), Map.entry("backstage", "Backstage"), Map.entry("bigtent", "Big Tent"),
      Map.entry("brainscience", "Brain Science"), Map.entry("founderstalk", "Founders Talk"),
      Map.entry("friends", "Changelog & Friends"), Map.entry("gotime", "Go Time"), Map.entry("jsparty", "JS Party"),
      Map.entry("news", "Changelog News"), Map.entry("podcast", "The Changelog"),
      Map.entry("practicalai", "Practical AI"), Map.entry("rfc", "Request For Commits"),
      Map.entry("shipit", "Ship It!"), Map.entry("spotlight", "Spotlight"));

  /** One stretch of a turn: who speaks, from which character of the plain text, and its timestamp if it has one. */
  private static final class Segment {
    final String speaker;
    final StringBuilder text = new StringBuilder();
    int seconds = -1;
    double start;

    Segment(String speaker) {
      this.speaker = speaker;
    }
  }

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws NotAnEpisodeException {
    List<Segment> segments = segments(source.text(), warnings);
    if (segments.isEmpty()) {
      throw new NotAnEpisodeException("transcript without any speaker turns");
    }
    List<Cue> cues = cues(segments);
    EpisodeBuilder b = Episode.builder().id(Ids.episodeId(source.ref().source(), "episode"));
    naming(b, source);
    topic(segments).ifPresent(t -> b.title(b.title() + ": " + t));
    StringBuilder text = new StringBuilder();
    for (Segment s : segments) {
      text.append(text.length() == 0 ? "" : "\n\n").append(s.speaker == null ? "" : s.speaker + ": ").append(s.text);
      if (s.speaker != null) {
        b.addPerson(new Person(s.speaker, Role.UNKNOWN));
      }
    }
    return List.of(b.text(text.toString())
        .description(Texts.shorten(segments.get(0).text.toString(), 300))
        .transcript(cues)
        .build());
  }

  private static List<Segment> segments(String text, List<String> warnings) {
    List<Segment> out = new ArrayList<>();
    Segment current = null;
    int lineNo = 0;
    int lastSeconds = -1;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      String rest = line.strip();
      if (rest.isEmpty()) {
        continue;
      }
      Matcher speaker = SPEAKER.matcher(rest);
      if (speaker.lookingAt()) {
        Segment next = new Segment(speakerName(speaker.group(1)));
        if (current != null && current.text.isEmpty()) {
          // A timestamp at the very end of the previous turn marks where this turn starts.
          next.seconds = current.seconds;
          out.remove(out.size() - 1);
        }
        current = add(out, next);
        rest = rest.substring(speaker.end());
      } else if (current == null) {
        current = add(out, new Segment(null));
      }
      Matcher time = TIME.matcher(rest);
      int from = 0;
      while (time.find()) {
        append(current, rest.substring(from, time.start()));
        from = time.end();
        int seconds = Texts.clockSeconds(withoutFrames(time.group(1)));
        if (seconds < 0 || seconds < lastSeconds) {
          warnings.add("line " + lineNo + ": timestamp " + time.group(1) + " is out of order or unreadable, ignored");
          continue;
        }
        lastSeconds = seconds;
        if (!current.text.isEmpty()) {
          current = add(out, new Segment(current.speaker));
        }
        current.seconds = seconds;
      }
      append(current, rest.substring(from));
    }
    out.removeIf(s -> s.text.isEmpty());
    return out;
  }

  /** "00:44:03:20" is a video editor's time code: hours, minutes, seconds, frames. */
  private static String withoutFrames(String time) {
    return time.chars().filter(c -> c == ':').count() == 3 ? time.substring(0, time.lastIndexOf(':')) : time;
  }

  private static Segment add(List<Segment> out, Segment s) {
    out.add(s);
    return s;
  }

  private static String speakerName(String label) {
    String name = Texts.clean(label).replaceAll("[:\\s]+$", "");
    return NOT_PEOPLE.contains(name.toLowerCase(Locale.ROOT)) || name.isEmpty() ? null : name;
  }

  private static void append(Segment s, String markdown) {
    String plain = ESCAPE.matcher(LINK.matcher(markdown).replaceAll("$1")).replaceAll("$1").replace("**", "");
    plain = Texts.clean(plain);
    if (!plain.isEmpty()) {
      s.text.append(s.text.isEmpty() ? "" : " ").append(plain);
    }
  }

  /** Starts from timestamps where turns have them, estimated from the text's length between them elsewhere. */
  private static List<Cue> cues(List<Segment> segments) {
    int n = segments.size();
    long[] offset = new long[n + 1];
    int[] nextAnchor = new int[n + 1];
    int lastAnchor = -1;
    for (int i = 0; i < n; i++) {
      offset[i + 1] = offset[i] + segments.get(i).text.length() + 1;
      lastAnchor = segments.get(i).seconds >= 0 ? i : lastAnchor;
    }
    nextAnchor[n] = -1;
    for (int i = n - 1; i >= 0; i--) {
      nextAnchor[i] = segments.get(i).seconds >= 0 ? i : nextAnchor[i + 1];
    }
    double pace = lastAnchor > 0 && segments.get(lastAnchor).seconds > 0
        ? offset[lastAnchor] / (double) segments.get(lastAnchor).seconds : CHARS_PER_SECOND;
    pace = pace >= 5 && pace <= 40 ? pace : CHARS_PER_SECOND;
    double t0 = 0;
    long o0 = 0;
    for (int i = 0; i < n; i++) {
      Segment s = segments.get(i);
      if (s.seconds >= 0) {
        s.start = s.seconds;
        t0 = s.seconds;
        o0 = offset[i];
        continue;
      }
      int next = nextAnchor[i];
      double estimate = next < 0 ? t0 + (offset[i] - o0) / pace
          : t0 + (segments.get(next).seconds - t0) * (offset[i] - o0) / (double) (offset[next] - o0);
      s.start = Math.floor(estimate);
    }
    List<Cue> cues = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Segment s = segments.get(i);
      double end = i + 1 < n ? segments.get(i + 1).start : s.start + Math.round(s.text.length() / pace);
      cues.add(new Cue(s.start, Math.max(end, s.start), s.speaker, s.text.toString()));
    }
    return cues;
  }

  /**
   * The topic the host announces at the start ("Today we're talking about generics"), if they do so plainly; a wrong
   * topic in a title is worse than none, so vague phrases ("a pretty big topic") are not used.
   */
  static Optional<String> topic(List<Segment> segments) {
    StringBuilder opening = new StringBuilder();
    for (int i = 0; i < segments.size() && opening.length() < 3000; i++) {
      opening.append(segments.get(i).text).append(' ');
    }
    Matcher m = TOPIC.matcher(opening);
    if (!m.find()) {
      return Optional.empty();
    }
    String t = m.group(1).split(" -- | - |\\s+and this\\b")[0].strip();
    int words = t.split("\\s+").length;
    if (t.isEmpty() || !Character.isLetterOrDigit(t.charAt(0)) || words > 10 || VAGUE_TOPIC.matcher(t).lookingAt()) {
      return Optional.empty();
    }
    return Optional.of(Character.toUpperCase(t.charAt(0)) + t.substring(1));
  }

  /** Show from the folder, title and numbers from the file name ("go-time-123.md" is "Go Time #123"). */
  private static void naming(EpisodeBuilder b, SourceText source) {
    String base = Texts.baseName(source.fileName());
    String folder = source.folderName();
    Matcher numbered = NUMBERED.matcher(base);
    String show = KNOWN_SHOWS.get(folder.toLowerCase(Locale.ROOT));
    if (show == null) {
      show = numbered.matches() ? Texts.prettify(numbered.group(1)) : Texts.prettify(folder.isEmpty() ? base : folder);
    }
    b.podcast(show);
    if (numbered.matches() && numbered.group(4) != null) {
      int n = Integer.parseInt(numbered.group(4));
      b.episodeNumber(n).title(show + " #" + n);
    } else if (numbered.matches()) {
      int season = Integer.parseInt(numbered.group(2));
      int episode = Integer.parseInt(numbered.group(3));
      b.season(season).episodeNumber(episode).title(show + " S" + season + "E" + episode);
    } else {
      String slug = show.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      String rest = base.replaceAll("-+", "-");
      rest = rest.startsWith(slug + "-") ? rest.substring(slug.length() + 1) : rest;
      b.title(show + ": " + Texts.prettify(rest));
    }
  }
}
