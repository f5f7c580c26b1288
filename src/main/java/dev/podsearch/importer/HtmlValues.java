package dev.podsearch.importer;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads dates, durations and episode numbers written the ways web pages write them. */
final class HtmlValues {
  private HtmlValues() {}

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b");
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
  private static final Pattern SPOKEN_DURATION = Pattern.compile(
      "(?iu)^(?:(\\d{1,2})\\s*(?:h|hrs?|hours?|horas?|std\\.?|stunden?)\\.?,?\\s*)?"
          + "(?:(\\d{1,3})\\s*(?:m|mins?|minutes?|minutos?|minuten?)\\.?,?\\s*)?"
          + "(?:(\\d{1,2})\\s*(?:s|secs?|seconds?|segundos?|sekunden?)\\.?)?$");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|º)?\\.?\\s+(?:de\\s+)?(\\p{L}{3,10})\\.?,?\\s+(?:de\\s+)?(\\d{4})");
  // Prefixes of month names in English, Portuguese, Spanish, French and German; longer prefixes first.
  private static final List<Map.Entry<String, Integer>> MONTHS = List.of(
      Map.entry("juil", 7), Map.entry("juin", 6), Map.entry("jan", 1), Map.entry("ene", 1), Map.entry("feb", 2),
      Map.entry("fev", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("abr", 4), Map.entry("avr", 4),
      Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("ago", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("set", 9), Map.entry("oct", 10),
      Map.entry("out", 10), Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12),
      Map.entry("dic", 12), Map.entry("mei", 5), Map.entry("maj", 5), Map.entry("mag", 5), Map.entry("maa", 3),
      Map.entry("mrt", 3), Map.entry("des", 12), Map.entry("gen", 1), Map.entry("giu", 6), Map.entry("lug", 7),
      Map.entry("ott", 10));

  private static final Pattern EPISODE_NUMBER = Pattern.compile(
      "(?iu)(?:\\bepisode|\\bepis[oó]dio|\\bepisodio|\\bépisode|\\bfolge|\\baflevering|\\bodcinek|\\bavsnitt"
          + "|\\bafsnit|\\bjakso|\\bpuntata|\\bep\\.?)\\s*#?\\s*(\\d{1,5})\\b");
  private static final Pattern SEASON_EPISODE = Pattern.compile("(?i)\\bS(\\d{1,3})\\s*E(\\d{1,5})\\b");
  private static final Pattern HASH_NUMBER = Pattern.compile("(?:^|\\s)#(\\d{1,5})\\b");
  private static final Pattern SEASON_NUMBER =
      Pattern.compile("(?iu)\\b(?:season|temporada|saison|staffel|seizoen|sezon|stagione|säsong|sæson)\\s*#?\\s*(\\d{1,3})\\b");
  private static final Pattern CLOCK = Pattern.compile("^(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})$");

  /** A date found in short text ("2024-03-01T..", "Mar 27, 2018", "27 de março de 2018"), or null. */
  static LocalDate date(String s) {
    if (s == null || s.isBlank() || s.length() > 60) {
      return null;
    }
    Matcher m = ISO.matcher(s);
    if (m.find()) {
      return of(m.group(1), m.group(2), m.group(3));
    }
    m = SLASHED.matcher(s);
    if (m.find()) {
      return of(m.group(1), m.group(2), m.group(3));
    }
    m = DOTTED.matcher(s);
    if (m.find()) {
      return of(m.group(3), m.group(2), m.group(1));
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.find() && month(m.group(1)) > 0) {
      return of(m.group(3), String.valueOf(month(m.group(1))), m.group(2));
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.find() && month(m.group(2)) > 0) {
      return of(m.group(3), String.valueOf(month(m.group(2))), m.group(1));
    }
    return null;
  }

  private static LocalDate of(String y, String mo, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static int month(String word) {
    String w = plain(word);
    for (Map.Entry<String, Integer> e : MONTHS) {
      if (w.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return 0;
  }

  /** Lower case without accents, for comparing words across spellings. */
  static String plain(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  /** Seconds of an ISO-8601 duration ("PT1H2M3S") or a clock time ("1:02:03", "62:03"); null if unreadable. */
  static Integer seconds(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim().toUpperCase(Locale.ROOT);
    try {
      if (t.startsWith("P")) {
        long secs = Duration.parse(t.contains("T") || t.endsWith("D") ? t : "PT" + t.substring(1)).getSeconds();
        return secs > 0 && secs < Integer.MAX_VALUE ? (int) secs : null;
      }
    } catch (RuntimeException e) {
      return null;
    }
    Matcher m = CLOCK.matcher(t);
    if (m.matches()) {
      int h = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
      return h * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
    }
    m = SPOKEN_DURATION.matcher(s.trim());
    if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
      int total = 0;
      for (int g = 1; g <= 3; g++) {
        total += m.group(g) == null ? 0 : Integer.parseInt(m.group(g)) * new int[] {3600, 60, 1}[g - 1];
      }
      return total > 0 ? total : null;
    }
    return null;
  }

  /** The episode number stated in short text ("Episode #274", "Episódio 130:", "Ep. 12", "S2E5"), or null. */
  static Integer episodeNumber(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = SEASON_EPISODE.matcher(s);
    if (m.find()) {
      return Integer.valueOf(m.group(2));
    }
    m = EPISODE_NUMBER.matcher(s);
    if (m.find()) {
      return Integer.valueOf(m.group(1));
    }
    m = HASH_NUMBER.matcher(s);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** The season number stated in short text ("Season 2", "Temporada 3", "S02E05"), or null. */
  static Integer seasonNumber(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = SEASON_EPISODE.matcher(s);
    if (m.find()) {
      return Integer.valueOf(m.group(1));
    }
    m = SEASON_NUMBER.matcher(s);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** A positive integer from text, or null. */
  static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      int v = Integer.parseInt(s.trim());
      return v >= 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether a URL points at an audio file, judged by its extension (query and fragment ignored). */
  static boolean isAudioUrl(String url) {
    if (url == null) {
      return false;
    }
    String path = url.replaceAll("[?#].*$", "").toLowerCase(Locale.ROOT);
    return path.matches(".*\\.(mp3|m4a|aac|ogg|oga|opus|wav|flac)$");
  }

  /**
   * Whether an audio URL looks like a template that lost its variable ({@code show-.mp3}, {@code /.mp3}): such a link
   * plays nothing, so it is better left out.
   */
  static boolean isBrokenAudioUrl(String url) {
    String path = url.replaceAll("[?#].*$", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    return stem.isEmpty() || stem.matches(".*[-_.]$");
  }
}
