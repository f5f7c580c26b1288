package dev.podsearch.importer;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Jsoup's HTML parser, guarded. On some malformed markup (thousands of unclosed list items around formatting tags, as
 * the fuzzer found) Jsoup 1.24 throws an IndexOutOfBoundsException while it reconstructs formatting elements. Such a
 * page is read again without its formatting tags, with a warning, rather than failed.
 */
final class HtmlDocuments {
  /** The tags Jsoup's "active formatting elements" algorithm tracks, where the failure happens. */
  private static final Pattern FORMATTING_TAGS =
      Pattern.compile("(?i)</?(?:a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\\s/>])[^<>]{0,2000}>?");

  private static final Pattern ANY_TAG = Pattern.compile("<[^<>]{0,2000}>?");

  private HtmlDocuments() {}

  /** A whole page. */
  static Document parse(String html, Parser parser, List<String> warnings) throws ParseException {
    try {
      return Jsoup.parse(html, "", parser);
    } catch (RuntimeException e) {
      warnings.add("the markup is too broken for the HTML parser; it was read again without its formatting tags"
          + " (links, bold, italics)");
      return retry(() -> Jsoup.parse(withoutFormatting(html), "", parser));
    }
  }

  /**
   * A fragment, such as rendered Markdown or show notes. Never fails: markup the parser gives up on twice is read as
   * the text between its tags.
   */
  static Document bodyFragment(String html) {
    try {
      return Jsoup.parseBodyFragment(html);
    } catch (RuntimeException e) {
      try {
        return Jsoup.parseBodyFragment(withoutFormatting(html));
      } catch (RuntimeException again) {
        Document doc = Jsoup.parseBodyFragment("");
        doc.body().appendText(ANY_TAG.matcher(html).replaceAll(" "));
        return doc;
      }
    }
  }

  static String withoutFormatting(String html) {
    return FORMATTING_TAGS.matcher(html).replaceAll("");
  }

  private interface Parse {
    Document run();
  }

  private static Document retry(Parse parse) throws ParseException {
    try {
      return parse.run();
    } catch (RuntimeException e) {
      throw new ParseException(0, "the HTML is too malformed to read (the HTML parser gave up on it)");
    }
  }
}
