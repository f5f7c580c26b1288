package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.SharedCorpus;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real feed of corpus/rss parses, with its episode count and a few exact fields. */
class FeedCorpusTest {
  private final List<String> warnings = new ArrayList<>();

  private List<Episode> parse(String name) throws Exception {
    Path root = SharedCorpus.corpus("rss");
    return new FeedParser(null).parse(FeedTestSupport.file(root, root.resolve(name)), warnings);
  }

  @Test
  void everyFeedParsesIntoTheRightNumberOfEpisodesWithUniqueIdsAndDates() throws Exception {
    Map<String, Integer> counts = Map.ofEntries(
        Map.entry("partytime__1865.xml", 61), Map.entry("partytime__animated-no-agenda.xml", 20),
        Map.entry("partytime__changing-the-tide.xml", 15), Map.entry("partytime__dk-podcast.xml", 59),
        Map.entry("partytime__homegrown-hits.xml", 4), Map.entry("partytime__natube-test.xml", 15),
        Map.entry("partytime__no-agenda.xml", 29), Map.entry("partytime__pc20rss.xml", 56),
        Map.entry("partytime__podverse-test-feed.xml", 5), Map.entry("partytime__sentimental-garbage.xml", 138),
        Map.entry("podcast-namespace__example.xml", 3), Map.entry("rss-parser__item-itunes-episodeType.rss", 1),
        Map.entry("rss-parser__itunes-keywords-astext.rss", 32), Map.entry("rss-parser__itunes-missing-image.rss", 131));
    List<String> feeds;
    try (Stream<Path> files = Files.list(SharedCorpus.corpus("rss"))) {
      feeds = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml") || n.endsWith(".rss")).toList();
    }
    assertThat(feeds).containsExactlyInAnyOrderElementsOf(counts.keySet());
    for (String feed : feeds) {
      List<Episode> episodes = parse(feed);
      assertThat(episodes).as(feed).hasSize(counts.get(feed));
      assertThat(episodes).as(feed).extracting(Episode::id).doesNotHaveDuplicates();
      assertThat(episodes).as(feed).allSatisfy(e -> {
        assertThat(e.published()).isNotNull();
        assertThat(e.title()).isNotBlank();
        assertThat(e.source()).isEqualTo(feed);
      });
    }
  }

  @Test
  void readsTheSpecExampleExactly() throws Exception {
    List<Episode> episodes = parse("podcast-namespace__example.xml");

    assertThat(episodes).extracting(Episode::title)
        .containsExactly("Episode 3 - The Future", "Episode 2 - The Present", "Episode 1 - The Past");
    Episode three = episodes.get(0);
    assertThat(three.podcast()).isEqualTo("Podcasting 2.0 Namespace Example");
    assertThat(three.published()).isEqualTo(LocalDate.of(2020, 10, 9));
    assertThat(three.season()).isEqualTo(1);
    assertThat(three.episodeNumber()).isEqualTo(3);
    assertThat(three.audioUrl()).isEqualTo("https://example.com/file-03.mp3");
    assertThat(three.url()).isEqualTo("https://example.com/podcast/ep0003");
    assertThat(three.people()).containsExactly(new Person("Adam Curry", Role.HOST), new Person("Dave Jones", Role.GUEST),
        new Person("Becky Smith", Role.UNKNOWN));
    assertThat(three.tags()).containsExactly("Technology", "News", "Tech News");
    assertThat(three.text()).isEqualTo("A look into the future of podcasting and how we get to Podcasting 2.0!");
    assertThat(three.chapters()).as("the chapters file is remote").isEmpty();
    assertThat(warnings).containsExactly(
        "remote files not fetched while parsing: 3 chapters file(s) and 1 item(s) with only remote transcripts");
  }

  @Test
  void readsDurationsSeasonsAndEpisodeNumbersInTheirRealForms() throws Exception {
    Episode barbie = parse("partytime__sentimental-garbage.xml").get(0);
    assertThat(barbie.title()).isEqualTo("Barbie with Jen Cownie");
    assertThat(barbie.durationSeconds()).as("1:05:20").isEqualTo(3920);
    assertThat(barbie.season()).isEqualTo(10);
    assertThat(barbie.episodeNumber()).isEqualTo(29);
    assertThat(barbie.published()).isEqualTo(LocalDate.of(2023, 8, 5));

    Episode first1865 = parse("partytime__1865.xml").get(0);
    assertThat(first1865.title()).isEqualTo("Introducing 'History Daily' From Host Lindsay Graham");
    assertThat(first1865.durationSeconds()).isEqualTo(960);

    Episode trailer = parse("rss-parser__item-itunes-episodeType.rss").get(0);
    assertThat(trailer.title()).isEqualTo("Trailer");
    assertThat(trailer.durationSeconds()).isEqualTo(114);
    assertThat(trailer.episodeNumber()).isEqualTo(1);
    assertThat(trailer.people()).extracting(Person::name)
        .containsExactly("Klaas Heufer-Umlauf", "Thomas Schmitt", "Jakob Lundt");

    assertThat(parse("partytime__changing-the-tide.xml").get(0).durationSeconds()).isEqualTo(4385);
    assertThat(parse("partytime__dk-podcast.xml").get(0).durationSeconds()).isEqualTo(420);
    assertThat(parse("rss-parser__itunes-keywords-astext.rss").get(0).durationSeconds()).isEqualTo(2744);
  }

  @Test
  void readsPodcastPersonsAndKeywordsOfTheNoAgendaFeeds() throws Exception {
    Episode pc20 = parse("partytime__pc20rss.xml").get(0);
    assertThat(pc20.title()).isEqualTo("Episode 57: Rebel Rubes");
    assertThat(pc20.people()).containsExactly(new Person("Adam Curry", Role.HOST), new Person("Dave Jones", Role.HOST),
        new Person("Brian of London", Role.GUEST));
    assertThat(pc20.tags()).startsWith("podcasting", "curry", "podfather");

    Episode na = parse("partytime__no-agenda.xml").get(0);
    assertThat(na.title()).isEqualTo("1393: \"Space Wake\"");
    assertThat(na.people()).containsExactly(new Person("Adam Curry", Role.HOST), new Person("John C Dvorak", Role.HOST));
    assertThat(na.text()).startsWith("No Agenda Episode 1393 - \"Space Wake\"\n\n");
  }

  @Test
  void toleratesTheMalformedRealFeedsWithWarnings() throws Exception {
    assertThat(parse("partytime__no-agenda.xml")).hasSize(29);
    assertThat(warnings).contains("line 2761: malformed XML: Invalid character reference: invalid named reference [gtgt]");

    warnings.clear();
    assertThat(parse("rss-parser__itunes-missing-image.rss")).hasSize(131);
    assertThat(warnings).contains("line 2: blank text before the XML declaration (ignored)",
        "line 88: the same guid/link as an earlier item ('http://taverncast.com/shows/geekistry-2.mp3'); told apart by position");
    assertThat(parse("rss-parser__itunes-missing-image.rss").get(0).durationSeconds()).isEqualTo(4190);
  }

  @Test
  void rejectsTheJsonListThatSitsAmongTheFeeds() {
    Path root = SharedCorpus.corpus("rss");
    assertThatThrownBy(() -> new FeedParser(null).parse(
            FeedTestSupport.file(root, root.resolve("partytime__real-world-list.json")), warnings))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("not an RSS or Atom feed");
  }
}
