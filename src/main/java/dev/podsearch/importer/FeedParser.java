package dev.podsearch.importer;

import dev.podsearch.episode.Episode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Parses RSS 2.0 (and RSS 1.0) and Atom feeds into one episode per item or entry. Jsoup's XML parser is lenient, so
 * feeds that are not well-formed (text before the XML declaration, unknown entities, unclosed tags) still parse; each
 * such problem becomes a warning naming its line.
 */
final class FeedParser implements EpisodeParser {
  private static final int MAX_MARKUP_WARNINGS = 10;
  /** System property that switches fetching of remote chapters and transcript files off ("false"), for offline use. */
  static final String FETCH_PROPERTY = "podsearch.feeds.fetchAttachments";

  /** Null: follow {@link #FETCH_PROPERTY} at each parse (on unless it says "false"). */
  private final FeedRemoteFiles remote;
  private final boolean fromProperty;

  /** A parser that fetches remote chapters and transcripts unless the system property {@value #FETCH_PROPERTY} is false. */
  FeedParser() {
    this.remote = null;
    this.fromProperty = true;
  }

  /** A parser that fetches remote files with {@code remote}, or never when it is null. */
  FeedParser(FeedRemoteFiles remote) {
    this.remote = remote;
    this.fromProperty = false;
  }

  private FeedRemoteFiles remote() {
    if (!fromProperty) {
      return remote;
    }
    return "false".equalsIgnoreCase(System.getProperty(FETCH_PROPERTY, "true").strip()) ? null : FeedRemoteFiles.standard();
  }

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException, NotAnEpisodeException {
    Parser parser = Parser.xmlParser().setTrackErrors(MAX_MARKUP_WARNINGS + 1).setTrackPosition(true);
    Document doc = Jsoup.parse(source.text(), "", parser);
    warnBeforeDeclaration(source.text(), warnings);
    Element root = root(doc);
    markupWarnings(parser, warnings);
    FeedXml xml = FeedXml.of(root);
    boolean atom = root.tagName().equalsIgnoreCase("feed") || root.tagName().toLowerCase(Locale.ROOT).endsWith(":feed");
    Element channel = atom ? root : channelOf(root);
    List<Element> items = atom ? entries(root) : itemsOf(root, channel);
    if (items.isEmpty()) {
      throw new NotAnEpisodeException("a feed without episodes (no <" + (atom ? "entry" : "item") + "> elements)");
    }
    FeedAttachments attachments = new FeedAttachments(source.ref(), warnings, remote());
    attachments.prefetch(items, xml);
    FeedItems mapper = new FeedItems(source, xml, channel, atom, attachments, warnings);
    List<Episode> episodes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      episodes.add(mapper.episode(items.get(i), i + 1, keys));
    }
    attachments.reportRemote();
    return episodes;
  }

  private static Element root(Document doc) throws ParseException {
    Element root = doc.children().first();
    if (root == null) {
      throw new ParseException(1, "not an RSS or Atom feed: no XML elements found");
    }
    String name = root.tagName().toLowerCase(Locale.ROOT);
    boolean feed = name.equals("rss") || name.equals("rdf:rdf") || name.equals("feed") || name.endsWith(":feed");
    if (!feed) {
      throw new ParseException(FeedXml.line(root),
          "not an RSS or Atom feed: the root element is <" + root.tagName() + ">, expected <rss> or <feed>");
    }
    return root;
  }

  private static Element channelOf(Element root) throws ParseException {
    Element channel = FeedXml.child(root, "channel");
    if (channel == null) {
      throw new ParseException(FeedXml.line(root), "not an RSS feed: <" + root.tagName() + "> has no <channel>");
    }
    return channel;
  }

  /** RSS 2.0 items sit in the channel; RSS 1.0 items beside it. Live items are not episodes yet. */
  private static List<Element> itemsOf(Element root, Element channel) {
    List<Element> items = new ArrayList<>(FeedXml.children(channel, "item"));
    items.addAll(FeedXml.children(root, "item"));
    return items;
  }

  private static List<Element> entries(Element feed) {
    String prefix = feed.tagName().contains(":") ? feed.tagName().substring(0, feed.tagName().indexOf(':') + 1) : "";
    return FeedXml.children(feed, prefix + "entry");
  }

  private static void warnBeforeDeclaration(String text, List<String> warnings) {
    int decl = text.indexOf("<?xml");
    if (decl > 0 && text.substring(0, decl).isBlank()) {
      int line = (int) text.substring(0, decl).chars().filter(c -> c == '\n').count() + 1;
      warnings.add("line " + line + ": blank text before the XML declaration (ignored)");
    }
  }

  private static void markupWarnings(Parser parser, List<String> warnings) {
    List<ParseError> errors = parser.getErrors();
    for (int i = 0; i < Math.min(errors.size(), MAX_MARKUP_WARNINGS); i++) {
      ParseError e = errors.get(i);
      String pos = e.getCursorPos();
      String line = pos != null && pos.contains(":") ? pos.substring(0, pos.indexOf(':')) : null;
      warnings.add((line != null ? "line " + line + ": " : "") + "malformed XML: " + e.getErrorMessage());
    }
    if (errors.size() > MAX_MARKUP_WARNINGS) {
      warnings.add("more malformed XML after these " + MAX_MARKUP_WARNINGS + " problems");
    }
  }
}
