package dev.podsearch.importer;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Turns the HTML of show notes into plain text that keeps paragraphs, and cuts short summaries. */
final class FeedText {
  static final int SUMMARY_LENGTH = 300;
  /** Blocks that end a paragraph (a blank line after them). */
  private static final Set<String> PARAGRAPHS = Set.of("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "pre", "table", "section", "article", "hr", "dl");
  /** Blocks that end a line. */
  private static final Set<String> LINES = Set.of("br", "li", "tr", "dd", "dt");

  private FeedText() {}

  /** Plain text of an HTML fragment (or of plain text), one line per block, blank lines squeezed. */
  static String htmlToText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    HtmlDocuments.bodyFragment(html).body().traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          out.append(t.text());
        } else if (node instanceof Element e && isBlock(e) && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && isBlock(e)) {
          out.append(PARAGRAPHS.contains(e.normalName()) ? "\n\n" : "\n");
        }
      }
    });
    return tidy(out.toString());
  }

  private static boolean isBlock(Element e) {
    return PARAGRAPHS.contains(e.normalName()) || LINES.contains(e.normalName());
  }

  /** Collapses runs of spaces and blank lines. */
  static String tidy(String text) {
    return text.replace('\u00a0', ' ')
        .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  /** A value quoted in a warning, cut to 60 characters. */
  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** The first {@value #SUMMARY_LENGTH} characters or so, cut at a word boundary, on one line. */
  static String summary(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    // Only the start matters; flattening a whole transcript just to cut it would be wasted work.
    String head = text.length() > 4 * SUMMARY_LENGTH ? text.substring(0, 4 * SUMMARY_LENGTH) : text;
    String flat = head.replaceAll("\\s+", " ").strip();
    if (flat.length() <= SUMMARY_LENGTH && head.length() == text.length()) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', SUMMARY_LENGTH);
    return flat.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : Math.min(SUMMARY_LENGTH, flat.length())) + "…";
  }
}
