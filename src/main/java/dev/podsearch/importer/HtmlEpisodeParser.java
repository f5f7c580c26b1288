package dev.podsearch.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.EpisodeBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Parses HTML episode pages from any podcast site, reading the conventions sites share rather than any one site's
 * markup.
 *
 * <p>Values come from, in order of trust: schema.org JSON-LD (PodcastEpisode, Episode, BlogPosting, Article, also
 * inside {@code @graph}), OpenGraph and other meta tags, then the page's main content ({@code article}, else
 * {@code main}, else the body) after navigation, page header and footer, asides, comments, forms, scripts, players
 * and share/related widgets are removed. The title prefers JSON-LD headline/name, then og:title, then the h1, then
 * the {@code <title>}, with a " | Site" part cut off; the podcast is the JSON-LD series or publisher, else
 * og:site_name, else the site part of the title.
 *
 * <p><b>Listing pages</b> (blog indexes, later pages of a blog, archives, tag and author pages, home pages with many
 * entries) are recognised by any of:
 * <ul>
 *   <li>JSON-LD that describes two or more episodes or articles with different URLs;</li>
 *   <li>JSON-LD of type Blog, CollectionPage, ItemList or SearchResultsPage, with no episode or article of the page's
 *       own;</li>
 *   <li>entry blocks in the main region (each a heading linking to another page of the site, an article element with
 *       such a link, or failing those at least three like siblings each led by such a link) that hold more text than
 *       the rest of the region; unless the page shows its own episode outside them (an h1 and a player), or says
 *       og:type article and has fewer than three of them.</li>
 * </ul>
 * A page whose JSON-LD describes one episode or article is never a listing. Each entry of a listing becomes a short
 * episode (title, link, date, summary, plus tags, audio, people and episode number when the entry shows them; an
 * audio link shared by several entries is dropped) with id {@code Ids.episodeId(source, entryUrl)}, but only when at
 * least half of the entries carry a date or a summary of {@value #SUMMARY_MIN} characters or more; otherwise the page
 * throws {@link NotAnEpisodeException} ("listing page with N entries: ..."). A page that is mostly links to other pages
 * of the site (an archive of titles) and a page without any episode content (no date, audio, episode number, tags or
 * chapters, and under {@value #THIN_TEXT} characters of text) are not episodes either. So a listing never becomes one
 * giant episode.
 */
final class HtmlEpisodeParser implements EpisodeParser {
  private static final int SUMMARY_MIN = HtmlFields.SUMMARY_MIN;
  private static final int THIN_TEXT = 300;

  /** Everything parsing one page needs to know about it. */
  private record Page(SourceText source, HtmlJsonLd ld, HtmlMeta meta, String url, String podcast,
      List<String> warnings) {}

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException, NotAnEpisodeException {
    String html = source.text();
    if (html == null || html.isBlank()) {
      throw new ParseException(0, "the HTML page is empty");
    }
    if (html.indexOf('<') < 0) {
      throw new ParseException(1, "not HTML: the file has no tags");
    }
    Document doc = HtmlDocuments.parse(html, Parser.htmlParser(), warnings);
    HtmlJsonLd ld = HtmlJsonLd.read(doc, warnings);
    HtmlMeta meta = HtmlMeta.read(doc);
    String url = meta.pageUrl();
    if (url != null && url.matches("(?i)https?://\\S+")) {
      doc.setBaseUri(url);
    }
    HtmlText.stripChrome(doc.body());
    Element region = HtmlText.mainRegion(doc.body());
    JsonNode episodeNode = ld.first(HtmlJsonLd.EPISODE_TYPES);
    JsonNode articleNode = ld.first(HtmlJsonLd.ARTICLE_TYPES);
    JsonNode listingNode = ld.first(HtmlJsonLd.LISTING_TYPES);
    Page page = new Page(source, ld, meta, url, podcast(ld, episodeNode, articleNode, meta, heading(region)),
        warnings);

    List<JsonNode> described = ld.describedItems();
    if (described.size() >= 2) {
      return listing(page, HtmlListing.entries(region, url, meta.siteHost()), described);
    }
    if (episodeNode == null && articleNode == null) {
      List<HtmlListing.Entry> entries = HtmlListing.entries(region, url, meta.siteHost());
      if (listingNode != null || isListing(region, entries, meta)) {
        return listing(page, entries, listingNode == null ? List.of() : ld.listingItems(listingNode));
      }
      int[] internal = new int[1];
      if (HtmlListing.linkDensity(region, meta.siteHost(), internal) > 0.6 && internal[0] >= 8
          && HtmlMedia.audioUrls(region).isEmpty()) {
        throw new NotAnEpisodeException("listing page with " + internal[0]
            + " entries that are only links to other pages (an archive); nothing to import");
      }
    }
    return List.of(episodePage(page, doc, region, episodeNode, articleNode));
  }

  /**
   * Entries that hold more of the region's text than the rest of it make the page a listing, unless the page shows an
   * episode of its own outside them (a heading and a player, or og:type article with only a couple of teasers).
   */
  private static boolean isListing(Element region, List<HtmlListing.Entry> entries, HtmlMeta meta) {
    if (entries.isEmpty()) {
      return false;
    }
    Set<Element> blocks = entries.stream().map(HtmlListing.Entry::block).collect(Collectors.toSet());
    boolean ownHeading = region.select("h1").stream().anyMatch(h -> outside(h, blocks));
    boolean ownAudio = region.select("audio, a[href]").stream()
        .anyMatch(a -> outside(a, blocks) && (a.is("audio") || HtmlValues.isAudioUrl(a.attr("href"))));
    if (ownHeading && ownAudio || "article".equalsIgnoreCase(meta.first("og:type")) && entries.size() < 3) {
      return false;
    }
    int total = HtmlText.render(region).length();
    int inEntries = entries.stream().mapToInt(e -> HtmlText.render(e.block()).length()).sum();
    return inEntries > total - inEntries;
  }

  private static boolean outside(Element e, Set<Element> blocks) {
    for (Element p = e; p != null; p = p.parent()) {
      if (blocks.contains(p)) {
        return false;
      }
    }
    return true;
  }

  // ---- one episode page ----

  private Episode episodePage(Page page, Document doc, Element region, JsonNode episodeNode, JsonNode articleNode)
      throws NotAnEpisodeException {
    HtmlJsonLd ld = page.ld();
    HtmlMeta meta = page.meta();
    Element root = contentRoot(region);
    String heading = heading(root) != null ? heading(root) : heading(doc.body());
    List<JsonNode> nodes = Stream.of(episodeNode, articleNode).filter(Objects::nonNull).toList();

    String title = title(page, nodes, heading);
    if (title == null) {
      throw new NotAnEpisodeException("HTML page without a title or heading; not an episode");
    }
    String text = HtmlText.render(root);
    EpisodeBuilder b = Episode.builder()
        .id(Ids.episodeId(page.source().ref().source(), page.url() != null ? page.url() : "page"))
        .podcast(page.podcast())
        .title(title)
        .url(page.url() != null ? page.url() : HtmlFields.firstText(ld, nodes, "url"))
        .text(text)
        .source(page.source().ref().source())
        .contentHash(page.source().hash());
    b.published(HtmlFields.published(ld, nodes, meta, root));
    b.durationSeconds(HtmlFields.duration(ld, nodes, meta, root));
    b.audioUrl(HtmlFields.audio(page.ld(), page.warnings(), nodes, meta, root, doc.body(), Map.of()));
    HtmlFields.numbers(b, ld, nodes, title, root);
    HtmlFields.tags(b, ld, nodes, meta, root);
    b.description(HtmlFields.description(ld, nodes, meta, text, title));
    HtmlFields.people(b, ld, nodes, root, title, page.podcast());
    b.chapters(HtmlText.chapters(text));
    Episode e = b.build();
    if (nodes.isEmpty() && e.published() == null && e.audioUrl() == null && e.episodeNumber() == null
        && e.tags().isEmpty() && e.chapters().isEmpty() && text.length() < THIN_TEXT) {
      throw new NotAnEpisodeException("page has no episode content (" + text.length()
          + " characters of text, no date, audio, episode number or tags): " + title);
    }
    return e;
  }

  /** The element holding the episode: the article with the h1, else the only article, else the main region. */
  private static Element contentRoot(Element region) {
    List<Element> articles = region.select("article").stream()
        .filter(a -> a.parents().stream().noneMatch(p -> p.is("article"))).toList();
    for (Element a : articles) {
      if (a.selectFirst("h1") != null) {
        return a;
      }
    }
    if (articles.size() == 1) {
      return articles.get(0);
    }
    // Themes without article or main wrap the post in a container of their own, usually holding the h1.
    for (Element e : region.select(".hentry, .h-entry, .post, .entry, .episode, #content, .content, "
        + "[class*=post-content], [class*=entry-content], [class*=episode-content]")) {
      if (e.selectFirst("h1") != null && e != region) {
        return e;
      }
    }
    return region;
  }

  /** The page's own heading: its first h1, else its first h2; null when there is none. */
  private static String heading(Element scope) {
    Element h = scope.selectFirst("h1");
    if (h == null) {
      h = scope.selectFirst("h2");
    }
    String t = h == null ? null : HtmlText.line(h.text());
    return t == null || t.isEmpty() ? null : t;
  }

  private static String title(Page page, List<JsonNode> nodes, String heading) {
    HtmlJsonLd ld = page.ld();
    List<String> sites = siteNames(page);
    String fromLd = HtmlFields.firstText(ld, nodes, "headline");
    if (fromLd == null) {
      fromLd = HtmlFields.firstText(ld, nodes, "name");
    }
    String og = HtmlMeta.split(page.meta().first("og:title", "twitter:title"), sites, heading).title();
    String fromTitle = HtmlMeta.split(page.meta().title(), sites, heading).title();
    if (fromLd != null) {
      return HtmlText.line(fromLd);
    }
    if (og != null && !og.isBlank()) {
      return og;
    }
    if (fromTitle != null && heading != null && fromTitle.equalsIgnoreCase(heading)) {
      // Templates often re-case headings ("E-Commerce"); the <title> keeps the author's own casing.
      return fromTitle;
    }
    if (heading != null && page.meta().hasH1()) {
      return heading;
    }
    // Without an h1 the first h2 may be a section ("Show notes"): the <title> knows better.
    return fromTitle != null && !fromTitle.isBlank() ? fromTitle : heading;
  }

  private static List<String> siteNames(Page page) {
    List<String> names = new ArrayList<>();
    if (page.podcast() != null) {
      names.add(page.podcast());
    }
    names.add(page.meta().first("og:site_name", "application-name"));
    names.addAll(page.meta().brands());
    return names;
  }

  /** The podcast: JSON-LD series or publisher, og:site_name, or the site part of the page title. */
  private static String podcast(HtmlJsonLd ld, JsonNode episode, JsonNode article, HtmlMeta meta, String heading) {
    for (JsonNode n : Stream.of(episode, article).filter(Objects::nonNull).toList()) {
      String series = ld.text(n, "partOfSeries");
      if (series != null) {
        return series;
      }
      for (JsonNode p : ld.all(n, "isPartOf")) {
        if (HtmlJsonLd.hasType(p, Set.of("PodcastSeries", "RadioSeries", "CreativeWorkSeries"))) {
          return ld.text(p, "name");
        }
      }
    }
    JsonNode series = ld.first(Set.of("PodcastSeries", "RadioSeries"));
    if (series != null && ld.text(series, "name") != null) {
      return ld.text(series, "name");
    }
    for (JsonNode n : Stream.of(episode, article).filter(Objects::nonNull).toList()) {
      if (ld.text(n, "publisher") != null) {
        return ld.text(n, "publisher");
      }
    }
    String site = meta.first("og:site_name", "application-name");
    if (site != null) {
      return site;
    }
    List<String> names = new ArrayList<>(meta.brands());
    String fromTitle = HtmlMeta.split(meta.title(), names, heading).site();
    return fromTitle != null ? fromTitle : HtmlMeta.split(meta.first("og:title"), names, heading).site();
  }

  // ---- listing pages ----

  private List<Episode> listing(Page page, List<HtmlListing.Entry> entries, List<JsonNode> ldItems)
      throws NotAnEpisodeException {
    HtmlJsonLd ld = page.ld();
    Map<String, JsonNode> items = new HashMap<>();
    for (JsonNode item : ldItems) {
      String u = ld.text(item, "url") != null ? ld.text(item, "url") : ld.text(item, "@id");
      if (u != null) {
        items.put(key(u), item);
      }
    }
    List<Episode> out = new ArrayList<>();
    int total;
    if (entries.isEmpty()) {
      total = ldItems.size();
      for (JsonNode item : ldItems) {
        Episode e = ldEntry(page, item);
        if (e != null) {
          out.add(e);
        }
      }
    } else {
      total = entries.size();
      Map<String, Integer> shared = new HashMap<>();
      for (HtmlListing.Entry entry : entries) {
        HtmlMedia.audioUrls(entry.block()).stream().distinct().forEach(u -> shared.merge(u, 1, Integer::sum));
      }
      for (HtmlListing.Entry entry : entries) {
        Episode e = entry(page, entry, items.get(key(entry.url())), shared);
        if (e != null) {
          out.add(e);
        }
      }
    }
    if (!out.isEmpty() && out.size() * 2 >= total) {
      if (out.size() < total) {
        page.warnings().add("listing page: " + (total - out.size()) + " of " + total
            + " entries have no date or summary, skipped");
      }
      return out;
    }
    String sample = (entries.isEmpty() ? ldItems.stream().map(i -> ld.text(i, "name")) 
        : entries.stream().map(HtmlListing.Entry::title)).filter(Objects::nonNull).limit(3)
        .collect(Collectors.joining("; "));
    throw new NotAnEpisodeException("listing page with " + total + " entries" + (sample.isEmpty() ? "" : ": " + sample)
        + (total > 0 ? "; entries carry no date or summary, so none is imported" : ""));
  }

  private static String key(String url) {
    return url.replaceAll("#.*$", "").replaceAll("^https?://", "").replaceAll("/+$", "");
  }

  /** One listed entry as a short episode, or null when it carries neither a date nor a summary. */
  private static Episode entry(Page page, HtmlListing.Entry entry, JsonNode item, Map<String, Integer> shared) {
    HtmlJsonLd ld = page.ld();
    List<JsonNode> nodes = item == null ? List.of() : List.of(item);
    Element block = entry.block();
    String title = entry.title() != null && !entry.title().isBlank() ? entry.title()
        : HtmlFields.firstText(ld, nodes, "headline");
    if (title == null || title.isBlank()) {
      return null;
    }
    LocalDate published = HtmlValues.date(HtmlFields.firstText(ld, nodes, "datePublished"));
    String text = HtmlText.render(block);
    String summary = HtmlFields.firstText(ld, nodes, "description");
    if (summary == null) {
      summary = summary(block, title);
    }
    EpisodeBuilder b = Episode.builder()
        .id(Ids.episodeId(page.source().ref().source(), entry.url()))
        .podcast(page.podcast())
        .title(title)
        .url(entry.url())
        .published(published != null ? published : HtmlFields.domDate(block))
        .description(summary == null ? null : HtmlFields.shorten(summary))
        .text(text)
        .source(page.source().ref().source())
        .contentHash(page.source().hash());
    b.audioUrl(HtmlFields.audio(page.ld(), page.warnings(), nodes, null, block, block, shared));
    HtmlFields.numbers(b, ld, nodes, title, block);
    HtmlTags.links(block).forEach(b::addTag);
    HtmlFields.people(b, ld, nodes, block, title, page.podcast());
    b.chapters(HtmlText.chapters(text));
    Episode e = b.build();
    boolean enough = e.published() != null || (summary != null && summary.length() >= SUMMARY_MIN);
    return enough ? e : null;
  }

  /** The entry's summary: its description or excerpt element, else its first paragraph that is not the title. */
  private static String summary(Element block, String title) {
    for (Element e : block.select(".description, .excerpt, .summary, .entry-summary, [itemprop=description], "
        + "[class*=description], [class*=excerpt], [class*=summary], p")) {
      String t = HtmlText.line(e.text());
      if (t.length() >= 20 && !t.equalsIgnoreCase(title)) {
        return t;
      }
    }
    return null;
  }

  /** An entry known only from the listing's JSON-LD. */
  private static Episode ldEntry(Page page, JsonNode item) {
    HtmlJsonLd ld = page.ld();
    String title = ld.text(item, "headline") != null ? ld.text(item, "headline") : ld.text(item, "name");
    String url = ld.text(item, "url") != null ? ld.text(item, "url") : ld.text(item, "@id");
    String summary = ld.text(item, "description");
    LocalDate published = HtmlValues.date(ld.text(item, "datePublished"));
    if (title == null || url == null || (published == null && (summary == null || summary.length() < SUMMARY_MIN))) {
      return null;
    }
    return Episode.builder()
        .id(Ids.episodeId(page.source().ref().source(), url))
        .podcast(page.podcast())
        .title(HtmlText.line(title))
        .url(url)
        .published(published)
        .description(summary == null ? null : HtmlFields.shorten(HtmlText.line(summary)))
        .text(summary == null ? "" : HtmlText.line(summary))
        .episodeNumber(HtmlValues.integer(ld.text(item, "episodeNumber")))
        .source(page.source().ref().source())
        .contentHash(page.source().hash())
        .build();
  }
}
