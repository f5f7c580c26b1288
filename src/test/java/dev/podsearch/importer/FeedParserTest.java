package dev.podsearch.importer;

import static dev.podsearch.importer.FeedTestSupport.file;
import static dev.podsearch.importer.FeedTestSupport.fixtures;
import static dev.podsearch.importer.FeedTestSupport.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
  private final List<String> warnings = new ArrayList<>();

  private List<Episode> parse(SourceText source) throws Exception {
    return new FeedParser(null).parse(source, warnings);
  }

  @Test
  void readsTheFieldsOfAnRssItemWithItunesAndPodcastingTwoTags() throws Exception {
    Path root = fixtures();
    List<Episode> episodes = parse(file(root, root.resolve("local/show.xml")));

    Episode one = episodes.get(0);
    assertThat(one.podcast()).isEqualTo("Local Sidecar Show");
    assertThat(one.title()).isEqualTo("Episode One");
    assertThat(one.published()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(one.durationSeconds()).isEqualTo(3723);
    assertThat(one.season()).isEqualTo(2);
    assertThat(one.episodeNumber()).isEqualTo(7);
    assertThat(one.audioUrl()).isEqualTo("https://local.example/1.mp3");
    assertThat(one.url()).as("a guid that is not a permalink is no link").isNull();
    assertThat(one.id()).isEqualTo(Ids.episodeId("local/show.xml", "local-1"));
    assertThat(one.source()).isEqualTo("local/show.xml");
    assertThat(one.tags()).containsExactly("rust", "search", "Programming", "Technology", "Software How-To");
    assertThat(one.description()).isEqualTo("Short teaser.");
    assertThat(one.text()).isEqualTo("Full notes for one.\n\nfirst link\nsecond link");
  }

  @Test
  void givesItemPeopleTheirRolesAndFallsBackToChannelHostsThenToTheAuthor() throws Exception {
    Path root = fixtures();
    List<Episode> episodes = parse(file(root, root.resolve("local/show.xml")));

    assertThat(episodes.get(0).people())
        .containsExactly(new Person("Gina Guest", Role.GUEST), new Person("Channel Carol", Role.HOST));
    assertThat(episodes.get(1).people()).containsExactly(new Person("Channel Carol", Role.HOST));

    List<Episode> noChannelPerson = parse(inline("a.xml", """
        <rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>S</title>
        <itunes:author>Hank Host and Holly Host</itunes:author>
        <item><title>T</title></item></channel></rss>"""));
    assertThat(noChannelPerson.get(0).people())
        .containsExactly(new Person("Hank Host", Role.HOST), new Person("Holly Host", Role.HOST));
  }

  @Test
  void readsNamesOutOfAuthorFieldsWithEmailAddresses() {
    assertThat(FeedPeople.names("john@example.com (John Doe)")).containsExactly("John Doe");
    assertThat(FeedPeople.names("John Doe (john@example.com)")).containsExactly("John Doe");
    assertThat(FeedPeople.names("Ada <ada@example.com>, Grace & Linus and Ken")).containsExactly("Ada", "Grace", "Linus", "Ken");
    assertThat(FeedPeople.names("adam@curry.com")).isEmpty();
  }

  @Test
  void attachesLocalChaptersAndPrefersAnSrtTranscriptOverHtml() throws Exception {
    Path root = fixtures();
    Episode one = parse(file(root, root.resolve("local/show.xml"))).get(0);

    assertThat(one.chapters()).containsExactly(new Chapter(0, "Intro"), new Chapter(95.5, "Main topic"));
    assertThat(one.transcript()).containsExactly(
        new Cue(0.5, 3.25, "Hank Host", "Welcome to episode one, the local one."),
        new Cue(3.25, 6.0, "Hank Host", "It has an SRT transcript."),
        new Cue(6.1, 9.9, "Gina Guest", "Thanks for having me."));
  }

  @Test
  void warnsAboutMissingRemoteAndOutsideAttachmentsWithoutLosingTheEpisodes() throws Exception {
    Path root = fixtures();
    List<Episode> episodes = parse(file(root, root.resolve("local/show.xml")));

    assertThat(episodes).hasSize(3);
    Episode two = episodes.get(1);
    assertThat(two.transcript()).extracting(Cue::start, Cue::end, Cue::speaker, Cue::text)
        .containsExactly(tuple(1.0, 4.0, "Hank Host", "Episode two, in WebVTT."));
    assertThat(two.chapters()).isEmpty();
    assertThat(two.durationSeconds()).isEqualTo(2730);
    assertThat(two.season()).isEqualTo(2);
    assertThat(two.episodeNumber()).isEqualTo(8);
    assertThat(two.published()).isEqualTo(LocalDate.of(2024, 3, 12));
    assertThat(episodes.get(2).transcript()).isEmpty();
    assertThat(warnings).containsExactly(
        "line 36: missing.srt not found beside the feed",
        "line 43: ../../outside.srt lies outside the imported folder; not read",
        "remote files not fetched while parsing: 1 chapters file(s) and 0 item(s) with only remote transcripts");
  }

  @Test
  void namesTheTranscriptFileInWarningsAboutItsLines(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ep.srt"), "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\nbroken --> time\nBad.\n");
    Path feed = Files.writeString(dir.resolve("feed.xml"), """
        <rss xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>S</title>
        <item><title>T</title><podcast:transcript url="ep.srt" type="application/srt"/></item>
        </channel></rss>""");

    Episode e = parse(file(dir, feed)).get(0);

    assertThat(e.transcript()).hasSize(1);
    assertThat(warnings).containsExactly("ep.srt line 6: unreadable cue time 'broken --> time', cue skipped");
  }

  @Test
  void readsAtomEntries() throws Exception {
    Path root = fixtures();
    List<Episode> episodes = parse(file(root, root.resolve("atom.xml")));

    assertThat(episodes).extracting(Episode::title).containsExactly("Second: Atom & Enclosures", "First: Hello Atom");
    Episode second = episodes.get(0);
    assertThat(second.podcast()).isEqualTo("Tiny Atom Cast");
    assertThat(second.url()).isEqualTo("https://atom.example/2");
    assertThat(second.audioUrl()).isEqualTo("https://atom.example/2.mp3");
    assertThat(second.published()).as("published wins over updated, in the writer's own zone")
        .isEqualTo(LocalDate.of(2024, 3, 2));
    assertThat(second.durationSeconds()).isEqualTo(3725);
    assertThat(second.tags()).containsExactly("feeds");
    assertThat(second.people()).containsExactly(new Person("Ada Host", Role.HOST));
    assertThat(second.description()).isEqualTo("Short summary of two.");
    assertThat(second.text()).isEqualTo("Full notes of episode two.\n\nWith a second paragraph about Atom links.");
    assertThat(second.id()).isEqualTo(Ids.episodeId("atom.xml", "urn:uuid:episode-2"));

    Episode first = episodes.get(1);
    assertThat(first.url()).isEqualTo("https://atom.example/1");
    assertThat(first.published()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(first.people()).containsExactly(new Person("Grace Guest", Role.HOST));
    assertThat(first.text()).isEqualTo("Inline XHTML notes.");
    assertThat(warnings).isEmpty();
  }

  @Test
  void reportsMalformedFeedsAsWarningsWithLinesAndKeepsEveryItem() throws Exception {
    Path root = fixtures();
    List<Episode> episodes = parse(file(root, root.resolve("broken.xml")));

    assertThat(episodes).extracting(Episode::podcast).containsOnly("Broken & Brave");
    assertThat(episodes.get(0).title()).isEqualTo("Ep 1 © &bogus; entity");
    assertThat(episodes.get(0).published()).isNull();
    assertThat(episodes.get(0).durationSeconds()).isNull();
    assertThat(episodes.get(0).text()).isEqualTo("Unclosed bold in notes");
    assertThat(episodes).hasSize(2);
    assertThat(warnings).contains(
        "line 2: blank text before the XML declaration (ignored)",
        "line 9: unreadable date 'not a date at all'",
        "line 10: unreadable duration 'forever'");
    assertThat(warnings).anyMatch(w -> w.startsWith("line 7: malformed XML:"));
  }

  @Test
  void readsRss1ItemsThatSitBesideTheChannel() throws Exception {
    List<Episode> episodes = parse(inline("rdf.xml", """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://old.example/"><title>Old School</title></channel>
          <item rdf:about="https://old.example/1">
            <title>First</title><link>https://old.example/1</link><dc:date>2004-05-06T07:08:09Z</dc:date>
            <dc:creator>Someone</dc:creator>
          </item>
        </rdf:RDF>"""));

    assertThat(episodes).singleElement().satisfies(e -> {
      assertThat(e.podcast()).isEqualTo("Old School");
      assertThat(e.title()).isEqualTo("First");
      assertThat(e.url()).isEqualTo("https://old.example/1");
      assertThat(e.published()).isEqualTo(LocalDate.of(2004, 5, 6));
      assertThat(e.people()).containsExactly(new Person("Someone", Role.HOST));
    });
  }

  @Test
  void keepsIdsUniqueWhenItemsRepeatAGuid() throws Exception {
    List<Episode> episodes = parse(inline("dup.xml", """
        <rss><channel><title>S</title>
        <item><title>A</title><guid>same</guid></item>
        <item><title>B</title><guid>same</guid></item>
        </channel></rss>"""));

    assertThat(episodes).extracting(Episode::id).doesNotHaveDuplicates();
    assertThat(warnings).containsExactly("line 3: the same guid/link as an earlier item ('same'); told apart by position");
  }

  @Test
  void keysItemsByGuidThenLinkThenEnclosureThenTitle() throws Exception {
    List<Episode> episodes = parse(inline("keys.xml", """
        <rss><channel><title>S</title>
        <item><title>A</title><link>https://x/a</link></item>
        <item><title>B</title><enclosure url="https://x/b.mp3"/></item>
        <item><title>C</title></item>
        </channel></rss>"""));

    assertThat(episodes).extracting(Episode::id).containsExactly(
        Ids.episodeId("keys.xml", "https://x/a"), Ids.episodeId("keys.xml", "https://x/b.mp3"),
        Ids.episodeId("keys.xml", "C"));
  }

  @Test
  void rejectsAFileThatIsNotAFeed() {
    assertThatThrownBy(() -> parse(inline("page.html", "<!DOCTYPE html>\n<html><body><p>hi</p></body></html>")))
        .isInstanceOf(ParseException.class)
        .hasMessage("not an RSS or Atom feed: the root element is <html>, expected <rss> or <feed>");
    assertThatThrownBy(() -> parse(inline("list.json", "[{\"uri\": \"https://x\"}]")))
        .isInstanceOf(ParseException.class)
        .hasMessage("not an RSS or Atom feed: no XML elements found");
  }

  @Test
  void skipsAFeedWithoutItems() {
    assertThatThrownBy(() -> parse(inline("empty.xml", "<rss><channel><title>Soon</title></channel></rss>")))
        .isInstanceOf(NotAnEpisodeException.class)
        .hasMessage("a feed without episodes (no <item> elements)");
  }
}
