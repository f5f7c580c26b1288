package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.SharedCorpus;
import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The parser on real pages of three podcast sites (Docusaurus, a Jekyll-like Siteleaf theme, minified Hugo). */
class HtmlEpisodeParserCorpusTest {
  /** Index, archive, tag, host and later pages of these sites: each must be split into entries or skipped. */
  private static final Pattern LISTING_PATH = Pattern.compile(
      "^[^/]+/[^/]+/index\\.html$|/(tags/[^/]+|hosts(/[^/]+)?|archive|page/\\d+)/index\\.html$");
  private final List<String> warnings = new ArrayList<>();

  private static Path root() {
    return SharedCorpus.corpus("html");
  }

  private List<Episode> parse(String relative) throws Exception {
    return new HtmlEpisodeParser().parse(source(root(), root().resolve(relative)), warnings);
  }

  private static SourceText source(Path root, Path file) throws IOException {
    String rel = root.relativize(file).toString().replace('\\', '/');
    return new SourceText(new SourceRef(root.toString(), rel, file), Files.readString(file), "h");
  }

  private Episode single(String relative) throws Exception {
    List<Episode> episodes = parse(relative);
    assertThat(episodes).hasSize(1);
    return episodes.get(0);
  }

  @Test
  void docusaurusEpisodeWithPodcastEpisodeJsonLd() throws Exception {
    Episode e = single("adventuresindevops/episodes/277-implementing-your-own-database/index.html");

    assertThat(e.title()).isEqualTo("You Wouldn't Implement A Database");
    assertThat(e.podcast()).isEqualTo("Adventures in DevOps");
    assertThat(e.url()).isEqualTo("https://adventuresindevops.com/episodes/277-implementing-your-own-database");
    assertThat(e.published()).isEqualTo(LocalDate.of(2026, 6, 19));
    assertThat(e.episodeNumber()).isEqualTo(277);
    assertThat(e.people()).containsExactly(new Person("Jeff Kuo", Role.GUEST));
    assertThat(e.audioUrl()).as("the only media is a YouTube video").isNull();
    assertThat(e.description()).startsWith("Jeff Kuo tells us about technical trials");
    assertThat(e.text()).contains("Berkeley DB", "Taroko National Park")
        .doesNotContain("Guest Request", "Edit this page", "Copyright", "Discord Community", "Next episode",
            "Who Needs Testers Anyway?");
  }

  @Test
  void docusaurusSponsorCardIsNotAPerson() throws Exception {
    Episode e =
        single("adventuresindevops/episodes/2025/06/25/kubernetes-deep-dive-and-critical-review-of-ai/index.html");

    assertThat(e.people()).containsExactly(new Person("Omer Hamerman", Role.GUEST));
  }

  @Test
  void docusaurusGuestNamedInTitle() throws Exception {
    Episode e = single("adventuresindevops/episodes/everything-is-amazing-with-otel/index.html");

    assertThat(e.people()).containsExactly(new Person("Adriana Villela", Role.GUEST));
  }

  @Test
  void docusaurusBlogIndexAndSecondPageBecomeShortEntries() throws Exception {
    List<Episode> first = parse("adventuresindevops/episodes/index.html");
    List<Episode> second = parse("adventuresindevops/episodes/page/2/index.html");

    assertThat(first).hasSize(26);
    assertThat(second).hasSize(26);
    Episode top = first.get(0);
    assertThat(top.title()).isEqualTo("Why does anyone use Crossplane?");
    assertThat(top.url())
        .isEqualTo("https://adventuresindevops.com/episodes/282-why-use-crossplane-and-other-misaligned-incentives");
    assertThat(top.id()).isEqualTo(Ids.episodeId("adventuresindevops/episodes/index.html", top.url()));
    assertThat(top.published()).isEqualTo(LocalDate.of(2026, 8, 7));
    assertThat(top.description()).startsWith("Pushkar shares why teams switch to Crossplane");
    assertThat(top.text().length()).isLessThan(1000);
  }

  @Test
  void docusaurusArchiveAndAuthorPagesAreNotEpisodes() {
    assertThatThrownBy(() -> parse("adventuresindevops/episodes/archive/index.html"))
        .isInstanceOf(NotAnEpisodeException.class).hasMessageStartingWith("listing page with 58 entries");
    assertThatThrownBy(() -> parse("adventuresindevops/episodes/hosts/index.html"))
        .isInstanceOf(NotAnEpisodeException.class).hasMessageStartingWith("listing page with 2 entries");
    assertThatThrownBy(() -> parse("adventuresindevops/episodes/hosts/wparad/index.html"))
        .isInstanceOf(NotAnEpisodeException.class).hasMessageContaining("no episode content");
  }

  @Test
  void siteleafEpisodeWithAudioTagsAndChapters() throws Exception {
    Episode e = single("morningshow/podcast/296/index.html");

    assertThat(e.title()).isEqualTo("Great Great Great Great Great Great Grandpa Pork");
    assertThat(e.podcast()).isEqualTo("Morning Show");
    assertThat(e.url()).isEqualTo("http://morningshow.siteleaf.net/podcast/296");
    assertThat(e.published()).as("episode pages of this site carry no date").isNull();
    assertThat(e.episodeNumber()).isEqualTo(296);
    assertThat(e.audioUrl()).isEqualTo("http://podcasts-1.feedpress.co/10588/morningshow-296.mp3");
    assertThat(e.tags()).containsExactly("Nexus", "sushi", "pizza", "Food Friday");
    assertThat(e.chapters()).hasSize(6).startsWith(new Chapter(589, "Headlines"));
    assertThat(e.chapters().get(5)).isEqualTo(new Chapter(2151, "Daily Segment"));
    assertThat(e.text()).contains("So many kinds of pizza")
        .doesNotContain("Subscribe", "Open sourced in", "Your browser does not support", "iTunes");
  }

  @Test
  void siteleafListPagesCarryTheDates() throws Exception {
    List<Episode> byHost = parse("morningshow/podcast/hosts/kyle-roderick/index.html");

    assertThat(byHost).extracting(Episode::title).containsExactly("The Flobster Roll", "Cast Iron Shirt");
    assertThat(byHost.get(0).published()).isEqualTo(LocalDate.of(2016, 8, 26));
    assertThat(byHost.get(0).url()).isEqualTo("http://morningshow.siteleaf.net/podcast/315");

    List<Episode> tagged = parse("morningshow/podcast/tags/coffee/index.html");
    assertThat(tagged).hasSize(3);
    assertThat(tagged.get(0).title()).isEqualTo("Taco Bell Nasal Douche");
    assertThat(tagged.get(0).episodeNumber()).isEqualTo(321);
    assertThat(tagged.get(0).tags()).contains("coffee", "CHiPs");
    assertThat(tagged).allSatisfy(e -> assertThat(e.audioUrl()).as("template link without a number").isNull());
    assertThat(warnings).anyMatch(w -> w.contains("morningshow-.mp3"));

    Episode latest = single("morningshow/podcast/index.html");
    assertThat(latest.title()).isEqualTo("We're Moving!");
    assertThat(latest.published()).isEqualTo(LocalDate.of(2016, 12, 16));
    assertThat(latest.audioUrl()).isEqualTo("http://podcasts-1.feedpress.co/10588/morningshow-331.mp3");
  }

  @Test
  void siteleafArchiveAndEmptyHostsPageAreNotEpisodes() {
    assertThatThrownBy(() -> parse("morningshow/podcast/archive/index.html"))
        .isInstanceOf(NotAnEpisodeException.class).hasMessageStartingWith("listing page with");
    assertThatThrownBy(() -> parse("morningshow/podcast/hosts/index.html"))
        .isInstanceOf(NotAnEpisodeException.class);
  }

  @Test
  void hugoPortugueseEpisodeWithHostsTagsAndMp3() throws Exception {
    Episode e = single("castalio/episodes/episodio-130-ligia-dutra-zeppelini-e-commerce/index.html");

    assertThat(e.title()).isEqualTo("Episódio 130: Lígia Dutra Zeppelini - E-commerce");
    assertThat(e.podcast()).isEqualTo("Castálio Podcast");
    assertThat(e.published()).isEqualTo(LocalDate.of(2018, 3, 27));
    assertThat(e.episodeNumber()).isEqualTo(130);
    assertThat(e.people()).containsExactly(new Person("Elyézer Rezende", Role.HOST),
        new Person("Bruno Rocha", Role.HOST));
    assertThat(e.audioUrl()).isEqualTo("https://archive.org/download/castalio-podcast-130/castalio-podcast-130.mp3");
    assertThat(e.tags()).containsExactly("castalio", "podcast", "Lígia Zeppelini", "e-commerce", "upalupa",
        "bate papo ecommerce", "opodcastedelas");
    assertThat(e.description()).isNotEqualTo(e.title());
    assertThat(e.text()).contains("Bate Papo", "Tópicos abordados")
        .doesNotContain("Inscreva-se", "Sites Amigos", "Episódios Relacionados", "Disqus", "Um podcast inspirado",
            "Episódio 129");
  }

  @Test
  void hugoListingsBecomeShortEntries() throws Exception {
    List<Episode> episodes = parse("castalio/episodes/index.html");

    assertThat(episodes).hasSize(10);
    Episode top = episodes.get(0);
    assertThat(top.title()).startsWith("Episódio 155:");
    assertThat(top.episodeNumber()).isEqualTo(155);
    assertThat(top.published()).isEqualTo(LocalDate.of(2021, 10, 5));
    assertThat(top.url()).startsWith("https://castalio.info/episodes/episodio-155-");
    assertThat(top.people()).as("the byline is the podcast itself").isEmpty();
    assertThat(parse("castalio/tags/python/index.html")).hasSize(10);
  }

  /** Every page: no failure, no giant episode, and every page with many entry links is split or skipped. */
  @Test
  void everyPageParsesIntoBoundedEpisodesOrIsSkipped() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root())) {
      files = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    int episodes = 0;
    int skipped = 0;
    for (Path f : files) {
      String rel = root().relativize(f).toString().replace('\\', '/');
      String dir = rel.replaceFirst("/index\\.html$", "").replaceFirst("^[^/]+/", "/");
      boolean listingPath = LISTING_PATH.matcher(rel).find();
      try {
        List<Episode> parsed = new HtmlEpisodeParser().parse(source(root(), f), new ArrayList<>());
        assertThat(parsed).as(rel).isNotEmpty();
        for (Episode e : parsed) {
          assertThat(e.title()).as(rel).isNotBlank().hasSizeLessThan(300);
          assertThat(e.text().length()).as("text of " + e.title() + " in " + rel).isLessThan(12_000);
          if (listingPath) {
            assertThat(e.url()).as("an entry of listing " + rel + " links to its own page").isNotNull()
                .doesNotEndWith(dir).doesNotEndWith(dir + "/");
          }
        }
        if (!listingPath) {
          assertThat(parsed).as("episode page " + rel).hasSize(1);
        }
        episodes += parsed.size();
      } catch (NotAnEpisodeException e) {
        assertThat(listingPath).as(rel + " skipped: " + e.getMessage()).isTrue();
        skipped++;
      } catch (ParseException e) {
        throw new AssertionError(rel + " failed: " + e.getMessage(), e);
      }
    }
    assertThat(skipped).isEqualTo(5);
    assertThat(episodes).isGreaterThan(files.size());
  }
}
