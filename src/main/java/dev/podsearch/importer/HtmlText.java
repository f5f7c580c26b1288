package dev.podsearch.importer;

import dev.podsearch.episode.Chapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/** Removes a page's chrome (navigation, comments, widgets) and renders what is left as plain text lines. */
final class HtmlText {
  private HtmlText() {}

  /** Never part of any text: code, players, forms, embedded frames. */
  private static final String NEVER_TEXT =
      "script, style, noscript, template, iframe, object, embed, video, audio, canvas, svg, button, select, "
          + "textarea, input, form, dialog, [hidden], head";

  private static final Evaluator NEVER_TEXT_EVALUATOR = QueryParser.parse(NEVER_TEXT);
  private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\uFEFF]");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\f\\x0B\\u00A0]+");

  /** Site chrome: removed before anything is read from the body, except where it holds the content itself. */
  private static final String CHROME = "nav, [role=navigation], aside, [role=complementary], [role=search], "
      + "#comments, .comments, #disqus_thread, [id^=comment], [class~=(^|\\s)comments?(-area|-section|-list)?(\\s|$)], "
      + "[class*=breadcrumb], [class*=pagination], [class*=related], [class*=share], "
      + "[class~=(^|\\s)social], [class*=sidebar], [class*=newsletter], [class*=cookie], [class*=skip], "
      + "[class*=post-nav], [class*=nav-links], .widget, [class*=widget-area], #secondary, [id*=sidebar], "
      + "[class*=menu], [id*=menu], "
      + "#header, .header, [class*=site-header], [class*=masthead], [id*=masthead], "
      + "#footer, .footer, [class*=site-footer], [id*=footer]";

  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "details",
      "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
      "main", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "br", "caption", "tbody", "thead");

  private static final Pattern TIME_FIRST = Pattern.compile(
      "^[\\[(]?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})[\\])]?\\s*(?:[-–—→:|>•]+\\s*)?(\\p{L}.{0,160})$");
  private static final Pattern TIME_LAST = Pattern.compile(
      "^(\\p{L}.{0,160}?)\\s*[-–—(\\[]\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2})[)\\]]?$");

  /**
   * Removes scripts, navigation, page header and footer, asides, comments and widgets. An element that holds the
   * page's main content (an article, main, or h1) is kept even when its class looks like chrome.
   */
  static void stripChrome(Element body) {
    body.select("script, style, noscript, template, form").remove();
    for (Element e : body.select(CHROME)) {
      if (e.parent() != null && e.selectFirst("article, main, h1, [role=main]") == null) {
        e.remove();
      }
    }
    // A page's own header and footer hold the site's name and links; an article's own keep its title and tags.
    for (Element e : body.select("header, footer, [role=banner], [role=contentinfo]")) {
      if (e.parent() != null && e.closest("article, main, [role=main]") == null
          && e.selectFirst("article, main, h1, [role=main]") == null) {
        e.remove();
      }
    }
  }

  /** The main region of a page: main, else role=main, else the body. */
  static Element mainRegion(Element body) {
    Element main = body.selectFirst("main, [role=main]");
    return main != null ? main : body;
  }

  /** Whether an element can hold text a reader sees (players, forms and code cannot). */
  static boolean isText(Element e) {
    return !e.is(NEVER_TEXT_EVALUATOR);
  }

  /** The element's visible text, one line per block, blank lines and repeated spaces collapsed. */
  static String render(Element root, Element... skip) {
    StringBuilder out = new StringBuilder();
    Set<Element> skipped = Set.of(skip);
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e) {
          if (skipped.contains(e) || !isText(e)
              || (e != root && e.normalName().equals("footer") && e.closest("article") != null)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (BLOCKS.contains(e.normalName())) {
            out.append('\n');
          } else if (e.nameIs("td") || e.nameIs("th")) { // not e.is("td, th"): that parses a query per element
            out.append(' ');
          }
        } else if (node instanceof TextNode t) {
          out.append(t.getWholeText());
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          out.append('\n');
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    return tidy(out.toString());
  }

  /** Collapses whitespace within lines and drops empty lines and zero-width characters. */
  static String tidy(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : ZERO_WIDTH.matcher(s).replaceAll("").split("\n")) {
      String l = SPACES.matcher(line).replaceAll(" ").strip();
      if (!l.isEmpty()) {
        out.append(l).append('\n');
      }
    }
    return out.toString().strip();
  }

  /** One line of text: whitespace collapsed. */
  static String line(String s) {
    return s == null ? null : tidy(s).replace('\n', ' ').strip();
  }

  /**
   * Chapters written as lines of "12:09 Topic" (or "Topic - 12:09"). Only a run of at least two lines with rising times
   * counts, so that a stray time of day in the notes does not become a chapter.
   */
  static List<Chapter> chapters(String text) {
    List<Chapter> first = chapters(text, TIME_FIRST, 1, 2);
    return first.size() >= 2 ? first : chapters(text, TIME_LAST, 2, 1);
  }

  private static List<Chapter> chapters(String text, Pattern p, int timeGroup, int titleGroup) {
    List<Chapter> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = p.matcher(line.strip());
      if (!m.matches() || m.group(titleGroup).matches("(?i)(am|pm)\\b.*")) {
        continue;
      }
      Integer start = HtmlValues.seconds(m.group(timeGroup));
      if (start == null || (!out.isEmpty() && start <= out.get(out.size() - 1).start())) {
        continue;
      }
      out.add(new Chapter(start, m.group(titleGroup).strip()));
    }
    return out.size() >= 2 ? out : List.of();
  }
}
