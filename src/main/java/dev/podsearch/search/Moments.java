package dev.podsearch.search;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.index.EpisodeSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps transcript matches back to the cues they fall in, giving timed, linkable moments. */
final class Moments {
  static final int MAX_MOMENTS = 5;
  /**
   * A cue longer than about this many characters shows only this much around its first match: some transcripts make
   * a whole paragraph of talk (2,000 characters and more) one cue, and five of those made a hit a wall of text.
   */
  static final int MOMENT_CHARS = 280;

  private Moments() {}

  /**
   * Up to five moments of {@code episode}: the cues with most matches, in time order, their text escaped with
   * matches marked.
   */
  static List<Moment> of(Episode episode, Highlights.Matches matches) {
    List<Cue> cues = episode.transcript();
    if (matches.count() == 0 || cues.isEmpty()) {
      return List.of();
    }
    int[] offsets = EpisodeSchema.cueStartOffsets(cues);
    Map<Integer, List<Integer>> byCue = new TreeMap<>();
    for (int m = 0; m < matches.count(); m++) {
      // a phrase running on across cues is one match: its moment is the cue where it starts
      byCue.computeIfAbsent(Math.max(0, EpisodeSchema.cueAt(offsets, matches.starts()[m])), k -> new ArrayList<>()).add(m);
    }
    List<Integer> chosen =
        byCue.keySet().stream()
            .sorted(Comparator.comparingInt((Integer c) -> -byCue.get(c).size()).thenComparingInt(c -> c))
            .limit(MAX_MOMENTS)
            .sorted()
            .toList();
    List<Moment> out = new ArrayList<>();
    for (int c : chosen) {
      out.add(moment(episode, cues.get(c), offsets[c], byCue.get(c), matches));
    }
    return out;
  }

  private static Moment moment(Episode e, Cue cue, int cueOffset, List<Integer> ms, Highlights.Matches matches) {
    int[] starts = ms.stream().mapToInt(m -> matches.starts()[m] - cueOffset).toArray();
    // a match running on into the next cue is marked up to the end of this one
    int[] ends = ms.stream().mapToInt(m -> Math.min(matches.ends()[m] - cueOffset, cue.text().length())).toArray();
    String text = excerpt(cue.text(), starts, ends);
    Chapter chapter = chapterAt(e.chapters(), cue.start());
    return new Moment(
        cue.start(),
        cue.end(),
        cue.speaker(),
        text,
        link(e, cue.start()),
        chapter == null ? null : chapter.title(),
        chapter == null ? null : chapter.start());
  }

  /** The cue's text escaped, matches marked, cut around its first match when long, with "…" where cut. */
  static String excerpt(String text, int[] starts, int[] ends) {
    int first = starts.length == 0 ? 0 : Math.max(0, Math.min(starts[0], text.length()));
    int[] window = Highlights.window(text, 0, text.length(), first, MOMENT_CHARS);
    String marked = Html.marked(text, window[0], window[1], starts, ends);
    return (window[0] > 0 ? "… " : "") + marked + (window[1] < text.length() ? " …" : "");
  }

  /** The audio at this second, or the episode page when there is no audio. */
  static String link(Episode e, double seconds) {
    if (e.audioUrl() != null && !e.audioUrl().isBlank()) {
      String base = e.audioUrl().contains("#") ? e.audioUrl().substring(0, e.audioUrl().indexOf('#')) : e.audioUrl();
      return base + "#t=" + (long) Math.floor(seconds);
    }
    return e.url();
  }

  private static Chapter chapterAt(List<Chapter> chapters, double seconds) {
    Chapter found = null;
    for (Chapter c : chapters) {
      if (c.start() <= seconds && (found == null || c.start() >= found.start())) {
        found = c;
      }
    }
    return found;
  }
}
