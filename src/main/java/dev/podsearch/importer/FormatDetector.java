package dev.podsearch.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a source's format from its content; the file name's extension only breaks ties (a Markdown file without front
 * matter, a plain text listing).
 */
final class FormatDetector {
  private FormatDetector() {}

  /** Detection looks at the start of a source only: enough for every format, and fast on 50 MB files. */
  private static final int HEAD = 64 * 1024;

  private static final Pattern ROOT_ELEMENT = Pattern.compile("\\A<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");
  private static final Pattern SRT_START = Pattern.compile(
      "\\A\\s*(?:\\d+\\s*\\n)?\\s*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}\\s*-->");
  private static final Pattern FRONT_MATTER = Pattern.compile(
      "\\A(?:---[ \\t]*\\r?\\n(?:[\\s\\S]*?\\n)?---|\\+\\+\\+[ \\t]*\\r?\\n(?:[\\s\\S]*?\\n)?\\+\\+\\+)[ \\t]*(\\r?\\n|\\z)");
  private static final Pattern JSON_SEGMENTS = Pattern.compile("\"segments\"\\s*:\\s*\\[");
  private static final Pattern HTML_START = Pattern.compile(
      "\\A(?:<!doctype\\s+html|<html|<head|<body|<meta|<title|<div|<p[\\s>]|<cite|<time|<article|<section|<main|<span|<h[1-6])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)");
  private static final Pattern BODY = Pattern.compile("<body", Pattern.CASE_INSENSITIVE);
  /** Tags that carry no structure: they say nothing about whether a page is a transcript. */
  private static final Set<String> NEUTRAL_TAGS = Set.of("br", "span", "b", "i", "em", "strong", "a", "body", "html",
      "script", "style", "wbr", "u", "small", "sup", "sub");
  private static final Pattern SPEAKER_TURN = Pattern.compile("(?m)^\\*\\*[^*\\n]{1,80}(?::\\*\\*|\\*\\*:)");
  private static final Pattern ESCAPED_TIME = Pattern.compile("\\\\\\[\\d{1,3}:\\d{2}(?::\\d{2})?\\\\\\]");
  private static final Pattern MARKDOWN_SIGNAL = Pattern.compile(
      "(?m)^#{1,6} \\S|\\]\\([^)\\s]+\\)|^\\s*[*-] \\S|^```|\\*\\*\\S");

  /** The format of {@code text}, or empty when it is none podsearch reads. */
  static Optional<Format> detect(String text, String fileName) {
    String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
    String ext = extension(fileName);
    String trimmed = head.stripLeading();
    if (trimmed.startsWith("WEBVTT")) {
      return Optional.of(Format.WEBVTT);
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return JSON_SEGMENTS.matcher(head).find() ? Optional.of(Format.JSON_TRANSCRIPT) : Optional.empty();
    }
    if (SRT_START.matcher(head).find()) {
      return Optional.of(Format.SRT);
    }
    if (FRONT_MATTER.matcher(head).find()) {
      return Optional.of(Format.MARKDOWN);
    }
    if (trimmed.startsWith("<")) {
      return markup(head, ext);
    }
    return plainText(head, ext);
  }

  private static Optional<Format> markup(String head, String ext) {
    if (isFeed(head)) {
      return Optional.of(Format.FEED);
    }
    boolean markdownFile = ext.equals("md") || ext.equals("mdx") || ext.equals("markdown");
    boolean htmlStart = HTML_START.matcher(head.stripLeading()).find()
        || HTML_START.matcher("<" + rootElement(head) + ">").find();
    if (htmlStart && !markdownFile) {
      return Optional.of(isHtmlTranscript(head) ? Format.HTML_TRANSCRIPT : Format.HTML);
    }
    if (markdownFile) {
      return Optional.of(Format.MARKDOWN);
    }
    if (ext.equals("html") || ext.equals("htm") || ext.equals("xhtml")) {
      return Optional.of(isHtmlTranscript(head) ? Format.HTML_TRANSCRIPT : Format.HTML);
    }
    return Optional.empty();
  }

  /** An RSS, Atom or RDF feed: the root element, after any XML declaration, comments and doctype, names it. */
  static boolean isFeed(String head) {
    String name = rootElement(head);
    return name.equals("rss") || name.equals("feed") || name.equals("rdf");
  }

  /** The local name of the first element after the XML declaration, comments and doctype ("" if none). */
  private static String rootElement(String head) {
    Matcher root = ROOT_ELEMENT.matcher(head.substring(prologueEnd(head)));
    return root.find() ? root.group(2).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * Where the XML prologue (declarations, processing instructions, comments, doctype, white space) ends. A loop, not
   * a regex: a repeated regex group recurses once per repetition, and a file of a few thousand comments overflowed
   * the stack.
   */
  static int prologueEnd(String head) {
    int i = 0;
    while (i < head.length()) {
      if (Character.isWhitespace(head.charAt(i))) {
        i++;
        continue;
      }
      int end = head.startsWith("<?", i) ? closing(head, i + 2, "?>")
          : head.startsWith("<!--", i) ? closing(head, i + 4, "-->")
          : head.regionMatches(true, i, "<!DOCTYPE", 0, 9) ? closing(head, i + 9, ">")
          : -1;
      if (end < 0) {
        return i;
      }
      i = end;
    }
    return i;
  }

  /** The index just past {@code close} at or after {@code from}, or -1 when it never comes. */
  private static int closing(String head, int from, String close) {
    int at = head.indexOf(close, from);
    return at < 0 ? -1 : at + close.length();
  }

  /** HTML whose body is mostly cite (speaker), time and p elements, with at least two timed turns. */
  static boolean isHtmlTranscript(String head) {
    Matcher body = BODY.matcher(head);
    Matcher tags = START_TAG.matcher(head);
    if (body.find()) {
      tags.region(body.start(), head.length());
    }
    int cite = 0;
    int time = 0;
    int p = 0;
    int other = 0;
    while (tags.find()) {
      String name = tags.group(1).toLowerCase(Locale.ROOT);
      switch (name) {
        case "cite" -> cite++;
        case "time" -> time++;
        case "p" -> p++;
        default -> other += NEUTRAL_TAGS.contains(name) ? 0 : 1;
      }
    }
    int turns = cite + time + p;
    return cite >= 1 && time >= 2 && turns >= 4 * other;
  }

  private static Optional<Format> plainText(String head, String ext) {
    if (isTextTranscript(head)) {
      return Optional.of(Format.TEXT_TRANSCRIPT);
    }
    if (ext.equals("md") || ext.equals("mdx") || ext.equals("markdown")) {
      return Optional.of(Format.MARKDOWN);
    }
    if (ListingTextParser.looksLikeListing(head)) {
      return Optional.of(Format.LISTING_TEXT);
    }
    if (!ext.equals("txt") && MARKDOWN_SIGNAL.matcher(head).find()) {
      return Optional.of(Format.MARKDOWN);
    }
    return Optional.empty();
  }

  /** Several {@code **Name:**} speaker turns, or escaped {@code \[mm:ss\]} timestamps. */
  static boolean isTextTranscript(String head) {
    return count(SPEAKER_TURN, head, 3) >= 3 || count(ESCAPED_TIME, head, 2) >= 2
        || SPEAKER_TURN.matcher(head).lookingAt();
  }

  private static int count(Pattern p, String s, int enough) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (n < enough && m.find()) {
      n++;
    }
    return n;
  }

  static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return dot > slash ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
