package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlEpisodeParserTest {
  private final List<String> warnings = new ArrayList<>();

  static SourceText fixture(String name) throws IOException {
    try (InputStream in = HtmlEpisodeParserTest.class.getResourceAsStream("/html/" + name)) {
      return new SourceText(new SourceRef("/fixtures", "html/" + name, null),
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "hash-" + name);
    }
  }

  private Episode single(String name) throws Exception {
    List<Episode> episodes = new HtmlEpisodeParser().parse(fixture(name), warnings);
    assertThat(episodes).hasSize(1);
    return episodes.get(0);
  }

  @Test
  void readsJsonLdGraphWithReferencedSeries() throws Exception {
    Episode e = single("jsonld-graph.html");

    assertThat(e.title()).isEqualTo("Caching Everything");
    assertThat(e.podcast()).isEqualTo("Byte Stories");
    assertThat(e.url()).isEqualTo("https://bytestories.example/episodes/42-caching");
    assertThat(e.id()).isEqualTo(Ids.episodeId("html/jsonld-graph.html", e.url()));
    assertThat(e.published()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(e.durationSeconds()).isEqualTo(3723);
    assertThat(e.episodeNumber()).isEqualTo(42);
    assertThat(e.season()).isEqualTo(3);
    assertThat(e.audioUrl()).isEqualTo("https://cdn.bytestories.example/42.mp3");
    assertThat(e.tags()).containsExactly("caching", "performance");
    assertThat(e.people()).containsExactly(new Person("Ana Souza", Role.HOST), new Person("Ben Okafor", Role.GUEST));
    assertThat(e.description()).isEqualTo("Why caches are hard, and when to skip them.");
    assertThat(e.chapters()).containsExactly(new Chapter(0, "Intro"), new Chapter(330, "Cache stampedes"),
        new Chapter(3670, "Wrap-up"));
    assertThat(e.text()).contains("cache invalidation").doesNotContain("Footer words", "All episodes");
    assertThat(e.source()).isEqualTo("html/jsonld-graph.html");
    assertThat(e.contentHash()).isEqualTo("hash-jsonld-graph.html");
  }

  @Test
  void readsOpenGraphOnlyPage() throws Exception {
    Episode e = single("opengraph-only.html");

    assertThat(e.title()).isEqualTo("The Tide Pool Episode");
    assertThat(e.podcast()).isEqualTo("Shoreline Radio");
    assertThat(e.url()).isEqualTo("https://shoreline.example/show/tide-pool");
    assertThat(e.audioUrl()).isEqualTo("https://media.shoreline.example/tide-pool.m4a");
    assertThat(e.published()).isEqualTo(LocalDate.of(2023, 7, 14));
    assertThat(e.tags()).containsExactly("ocean", "biology");
    assertThat(e.description()).isEqualTo("We wade into tide pools with a marine biologist.");
    assertThat(e.text()).isEqualTo("Sea stars, anemones and the tides that shape them.");
  }

  @Test
  void readsPlainBlogPostWithRelTagGuestsAndByline() throws Exception {
    Episode e = single("blog-post-rel-tag.html");

    assertThat(e.title()).isEqualTo("Garden Chat #7 – Composting at home");
    assertThat(e.podcast()).isEqualTo("Green Thumbs Podcast");
    assertThat(e.url()).isNull();
    assertThat(e.id()).isEqualTo(Ids.episodeId("html/blog-post-rel-tag.html", "page"));
    assertThat(e.published()).isEqualTo(LocalDate.of(2022, 3, 3));
    assertThat(e.episodeNumber()).isEqualTo(7);
    assertThat(e.audioUrl()).isEqualTo("/files/garden-chat-7.mp3");
    assertThat(e.tags()).containsExactly("compost", "soil");
    assertThat(e.people()).containsExactly(new Person("Tom Baker", Role.GUEST),
        new Person("Priya Natarajan", Role.GUEST), new Person("Rosa Lind", Role.HOST));
    assertThat(e.text()).contains("kitchen scraps")
        .doesNotContain("About us", "Recent posts", "Great show", "Copyright");
  }

  @Test
  void toleratesTruncatedHtml() throws Exception {
    Episode e = single("truncated.html");

    assertThat(e.title()).isEqualTo("Episode 12: Night Trains");
    assertThat(e.episodeNumber()).isEqualTo(12);
    assertThat(e.text()).contains("revival of night trains in Eu");
  }

  @Test
  void keepsMarkupInTitleAsPlainTextAndNoScriptInText() throws Exception {
    Episode e = single("script-in-title.html");

    assertThat(e.title()).isEqualTo("<script>alert(1)</script> Hacked Title");
    assertThat(e.published()).isEqualTo(LocalDate.of(2021, 5, 1));
    assertThat(e.audioUrl()).isEqualTo("https://a.example/ep.mp3");
    assertThat(e.text()).contains("Plain notes.")
        .doesNotContain("secretTracker", "injected-script-text", "noscript-fallback", "color: red",
            "does not support");
  }

  @Test
  void listingWhoseEntriesHaveOnlyTitlesIsNotAnEpisode() {
    assertThatThrownBy(() -> new HtmlEpisodeParser().parse(fixture("listing-titles-only.html"), warnings))
        .isInstanceOf(NotAnEpisodeException.class)
        .hasMessageStartingWith("listing page with 3 entries: Third; Second; First");
  }

  @Test
  void listingWithDatesAndSummariesBecomesOneShortEpisodePerEntry() throws Exception {
    List<Episode> episodes = new HtmlEpisodeParser().parse(fixture("listing-with-summaries.html"), warnings);

    assertThat(episodes).extracting(Episode::title).containsExactly("Second Hour", "First Hour");
    Episode first = episodes.get(1);
    assertThat(first.url()).isEqualTo("https://quiet.example/ep/1");
    assertThat(first.id()).isEqualTo(Ids.episodeId("html/listing-with-summaries.html", "https://quiet.example/ep/1"));
    assertThat(first.published()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(first.description()).startsWith("The first hour is about silence in forests");
    assertThat(first.audioUrl()).isEqualTo("https://quiet.example/audio/1.mp3");
    assertThat(first.text()).doesNotContain("Second Hour", "Older");
  }

  @Test
  void emptyOrTaglessInputIsAParseError() {
    SourceRef ref = new SourceRef("/x", "a.html", null);
    assertThatThrownBy(() -> new HtmlEpisodeParser().parse(new SourceText(ref, "  ", "h"), warnings))
        .isInstanceOf(ParseException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> new HtmlEpisodeParser().parse(new SourceText(ref, "just words", "h"), warnings))
        .isInstanceOf(ParseException.class).hasMessageContaining("not HTML");
  }

  @Test
  void brokenJsonLdIsAWarningNotAFailure() throws Exception {
    String html = "<html><head><title>Ep 3: Rain</title><script type=\"application/ld+json\">{not json"
        + "</script></head><body><article><h1>Ep 3: Rain</h1><p>Rain all day.</p></article></body></html>";
    List<Episode> episodes = new HtmlEpisodeParser().parse(
        new SourceText(new SourceRef("/x", "rain.html", null), html, "h"), warnings);

    assertThat(episodes).extracting(Episode::title).containsExactly("Ep 3: Rain");
    assertThat(warnings).containsExactly("JSON-LD block 1 is not valid JSON, ignored");
  }

  private List<Episode> parseInline(String html) throws Exception {
    return new HtmlEpisodeParser().parse(new SourceText(new SourceRef("/x", "page.html", null), html, "h"), warnings);
  }

  @Test
  void listWithoutHeadingsIsStillAListing() throws Exception {
    StringBuilder html = new StringBuilder("<html><body><main><h1>All episodes</h1><ul class=\"episodes\">");
    for (int i = 1; i <= 4; i++) {
      html.append("<li class=\"ep\"><a href=\"/episodes/").append(i).append("\">Episode ").append(i)
          .append(": Talk number ").append(i).append("</a> <span>2022-01-0").append(i)
          .append("</span><p>In this talk we cover topic number ").append(i).append(" in depth.</p></li>");
    }
    html.append("</ul></main></body></html>");

    List<Episode> episodes = parseInline(html.toString());

    assertThat(episodes).extracting(Episode::url)
        .containsExactly("/episodes/1", "/episodes/2", "/episodes/3", "/episodes/4");
    assertThat(episodes.get(2).published()).isEqualTo(LocalDate.of(2022, 1, 3));
    assertThat(episodes.get(2).episodeNumber()).isEqualTo(3);
    assertThat(episodes.get(2).text()).doesNotContain("Talk number 2");
  }

  @Test
  void severalEpisodesInJsonLdMakeAListing() throws Exception {
    String html = "<html><head><script type=\"application/ld+json\">["
        + "{\"@type\":\"PodcastEpisode\",\"name\":\"One\",\"url\":\"https://p.example/1\","
        + "\"datePublished\":\"2020-01-01\",\"description\":\"The first one, about beginnings and starts.\"},"
        + "{\"@type\":\"PodcastEpisode\",\"name\":\"Two\",\"url\":\"https://p.example/2\","
        + "\"datePublished\":\"2020-02-01\"}]</script></head><body><p>Two shows.</p></body></html>";

    List<Episode> episodes = parseInline(html);

    assertThat(episodes).extracting(Episode::title).containsExactly("One", "Two");
    assertThat(episodes.get(0).id()).isEqualTo(Ids.episodeId("page.html", "https://p.example/1"));
    assertThat(episodes.get(1).published()).isEqualTo(LocalDate.of(2020, 2, 1));
  }

  @Test
  void peopleFromHeadedSectionsAndPortugueseLabels() throws Exception {
    String html = "<html><head><title>Ep 9</title></head><body><article><h1>Ep 9</h1><p>Notes.</p>"
        + "<h3>Hosts</h3><div class=\"people\"><div class=\"card\"><h4>Jane Doe</h4><p>Editor</p></div>"
        + "<div class=\"card\"><h4>Max Mustermann</h4></div></div>"
        + "<p><b>Convidados:</b> Maria da Silva e João Souza</p>"
        + "<h3>Panel</h3><ul><li><a href=\"https://x.example\">Ola Nordmann</a> - founder of X</li></ul>"
        + "</article></body></html>";

    Episode e = parseInline(html).get(0);

    assertThat(e.people()).containsExactly(new Person("Jane Doe", Role.HOST), new Person("Max Mustermann", Role.HOST),
        new Person("Maria da Silva", Role.GUEST), new Person("João Souza", Role.GUEST),
        new Person("Ola Nordmann", Role.HOST));
  }

  @Test
  void shortEpisodeWithRelatedTeasersStaysOneEpisode() throws Exception {
    String teaser = "<div class=\"card\"><h3><a href=\"/ep/%d\">Older episode %d</a></h3><p>A long teaser that "
        + "describes the older episode number %d at some length, longer than the notes.</p></div>";
    String html = "<html><head><title>Ep 50: Short | Tiny Show</title></head><body><main><h1>Ep 50: Short</h1>"
        + "<audio src=\"/a/50.mp3\"></audio><p>Short notes.</p>"
        + String.format(teaser, 49, 49, 49) + String.format(teaser, 48, 48, 48) + String.format(teaser, 47, 47, 47)
        + "</main></body></html>";

    List<Episode> episodes = parseInline(html);

    assertThat(episodes).extracting(Episode::title).containsExactly("Ep 50: Short");
    assertThat(episodes.get(0).audioUrl()).isEqualTo("/a/50.mp3");
  }

  @Test
  void episodeAndArticleNodesForTheSamePageAreOneEpisode() throws Exception {
    String html = "<html><head><script type=\"application/ld+json\">{\"@graph\":["
        + "{\"@type\":\"PodcastEpisode\",\"name\":\"Solo\",\"url\":\"https://p.example/solo/\"},"
        + "{\"@type\":\"Article\",\"@id\":\"http://www.p.example/solo#article\",\"headline\":\"Solo\"},"
        + "{\"@type\":\"BlogPosting\",\"headline\":\"Solo without url\"}]}</script></head>"
        + "<body><article><h1>Solo</h1><p>Just one.</p></article></body></html>";

    assertThat(parseInline(html)).extracting(Episode::title).containsExactly("Solo");
  }

  @Test
  void themeWithoutArticleOrMainElements() throws Exception {
    Episode e = single("theme-without-article.html");

    assertThat(e.title()).isEqualTo("Episode 88: Lighthouses");
    assertThat(e.podcast()).isEqualTo("Talking Tides");
    assertThat(e.episodeNumber()).isEqualTo(88);
    assertThat(e.published()).isEqualTo(LocalDate.of(2019, 9, 12));
    assertThat(e.audioUrl()).isEqualTo("https://media.example/tt/88.mp3?ref=site");
    assertThat(e.tags()).containsExactly("History", "Sea");
    assertThat(e.people()).containsExactly(new Person("Ines Carvalho", Role.HOST));
    assertThat(e.description()).isEqualTo("Keepers, lenses and the last manned lighthouse.");
    assertThat(e.text()).contains("last keeper").doesNotContain("Shop", "Widget words", "Theme by", "Popular");
  }

  @Test
  void statedDurationAndDataAttributePlayer() throws Exception {
    String html = "<html><head><title>Ep 4: Wind</title></head><body><article><h1>Ep 4: Wind</h1>"
        + "<div class=\"sqs-audio-embed\" data-url=\"https://static.example/wind.mp3\"></div>"
        + "<p>Duration: 52:10</p><p>All about wind.</p></article></body></html>";

    Episode e = parseInline(html).get(0);

    assertThat(e.audioUrl()).isEqualTo("https://static.example/wind.mp3");
    assertThat(e.durationSeconds()).isEqualTo(3130);
  }

  @Test
  void pageBuilderWidgetsThatHoldTheContentAreKept() throws Exception {
    String html = "<html><head><title>Ep 6: Snow</title></head><body><div class=\"elementor\">"
        + "<div class=\"elementor-widget-container\"><h1>Ep 6: Snow</h1></div>"
        + "<div class=\"elementor-widget-container\"><p>Everything about snow flakes.</p></div>"
        + "<div class=\"widget widget_recent_entries\"><p>Recent entries widget.</p></div></div></body></html>";

    Episode e = parseInline(html).get(0);

    assertThat(e.text()).contains("Everything about snow flakes.").doesNotContain("Recent entries");
  }

  @Test
  void microdataAudioAndNoPageAudioForListingEntries() throws Exception {
    String episode = "<html><body><div itemscope itemtype=\"https://schema.org/PodcastEpisode\"><h1 itemprop=\"name\">"
        + "Ep 8: Moss</h1><div itemprop=\"associatedMedia\" itemscope itemtype=\"https://schema.org/AudioObject\">"
        + "<meta itemprop=\"contentUrl\" content=\"https://m.example/moss.mp3\"></div><p>Moss grows.</p></div>"
        + "</body></html>";
    assertThat(parseInline(episode).get(0).audioUrl()).isEqualTo("https://m.example/moss.mp3");

    String listing = "<html><head><meta property=\"og:audio\" content=\"https://m.example/latest.mp3\"></head><body>"
        + "<article><h2><a href=\"/e/2\">Two</a></h2><p>The second episode, about ferns and their spores.</p></article>"
        + "<article><h2><a href=\"/e/1\">One</a></h2><p>The first episode, about moss and where it grows.</p></article>"
        + "</body></html>";
    assertThat(parseInline(listing)).hasSize(2).allSatisfy(e -> assertThat(e.audioUrl()).isNull());
  }

  @Test
  void withoutAnH1TheTitleElementBeatsASectionHeading() throws Exception {
    String html = "<html><head><title>Ep 10: Rivers | Water Talk</title></head><body><article>"
        + "<h2>Show notes</h2><p>Rivers and deltas, from source to sea.</p></article></body></html>";

    assertThat(parseInline(html).get(0).title()).isEqualTo("Ep 10: Rivers");
  }
}
