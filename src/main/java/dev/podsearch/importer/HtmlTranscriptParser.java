package dev.podsearch.importer;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Parses HTML transcripts made of {@code <cite>Speaker:</cite> <time>1:07</time> <p>text</p>} runs. Only start times
 * are given, so each cue ends where the next one starts (the last one ends where it starts).
 */
final class HtmlTranscriptParser implements EpisodeParser {

  /** A paragraph with its speaker and start, before its end is known. */
  private record Said(double start, String speaker, String text, int line) {}

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException {
    return List.of(TranscriptCues.episode(source, cues(source.text(), warnings)));
  }

  /** The cues of an HTML transcript; unreadable times become warnings. */
  List<Cue> cues(String html, List<String> warnings) throws ParseException {
    int warningsBefore = warnings.size();
    Document doc = HtmlDocuments.parse(html, Parser.htmlParser().setTrackPosition(true), warnings);
    List<Said> said = new ArrayList<>();
    String speaker = null;
    Double start = null;
    boolean badTime = false;
    for (Element e : doc.body().select("cite, time, p")) {
      int line = e.sourceRange().start().lineNumber();
      switch (e.normalName()) {
        case "cite" -> speaker = shortText(e).replaceFirst("\\s*:$", "");
        case "time" -> {
          String value = e.hasAttr("datetime") ? e.attr("datetime") : shortText(e);
          start = TranscriptTimes.seconds(value);
          badTime = start == null;
          if (badTime) {
            warnings.add("line " + line + ": unreadable time '" + FeedText.shorten(value) + "', paragraph skipped");
          }
        }
        default -> {
          if (!badTime && !e.text().isBlank()) {
            double at = start != null ? start : said.isEmpty() ? 0 : said.get(said.size() - 1).start();
            said.add(new Said(at, speaker, e.text().strip(), line));
          }
        }
      }
    }
    List<Cue> cues = toCues(said, warnings);
    if (cues.isEmpty()) {
      throw TranscriptCues.nothingUsable("HTML transcript", warnings, warningsBefore);
    }
    return cues;
  }

  /** Longest speaker name or clock text read from a cite or time element. */
  static final int MAX_LABEL = 200;

  /**
   * The start of an element's text, whitespace collapsed, at most {@link #MAX_LABEL} characters. An unclosed cite or
   * time holds the rest of the page; reading all of it for every one of them was quadratic.
   */
  static String shortText(Element e) {
    StringBuilder out = new StringBuilder();
    org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
      @Override
      public FilterResult head(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof org.jsoup.nodes.TextNode t) {
          out.append(t.getWholeText());
        }
        return out.length() > 4 * MAX_LABEL ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, e);
    String text = Texts.clean(out.toString());
    return text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL) : text;
  }

  private static List<Cue> toCues(List<Said> said, List<String> warnings) {
    List<Cue> cues = new ArrayList<>();
    for (int i = 0; i < said.size(); i++) {
      Said s = said.get(i);
      double end = i + 1 < said.size() ? Math.max(s.start(), said.get(i + 1).start()) : s.start();
      Cue cue = TranscriptCues.cue(s.start(), end, s.speaker(), s.text(), s.line(), warnings);
      if (cue != null) {
        cues.add(cue);
      }
    }
    return cues;
  }
}
