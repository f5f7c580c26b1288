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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownParserTest {

  @TempDir
  Path dir;

  /** Parses one real file under a corpus set, the set's folder being the imported root. */
  private static Episode corpusEpisode(String set, String relative) throws Exception {
    Path root = SharedCorpus.corpus(set);
    SourceRef ref = new SourceRef(root.toString(), relative, root.resolve(relative));
    return parse(ref, Files.readString(ref.path()));
  }

  private static Episode parse(SourceRef ref, String text) throws Exception {
    List<Episode> episodes = new MarkdownParser().parse(new SourceText(ref, text, "hash"), new ArrayList<>());
    assertThat(episodes).hasSize(1);
    return episodes.get(0);
  }

  private Episode inline(String relative, String text) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return parse(new SourceRef(dir.toString(), relative, p), text);
  }

  @Test
  void everySomeEngineeringEpisodeHasTitleDateTagsHostAndGuest() throws Exception {
    Path root = SharedCorpus.corpus("someengineering-podcast");
    List<SourceRef> refs = new SourceScanner().scan(List.of(root.toString()));
    assertThat(refs).hasSize(24);
    for (SourceRef ref : refs) {
      Episode e = parse(ref, Files.readString(ref.path()));
      assertThat(e.title()).as(ref.source()).isNotBlank().doesNotStartWith("Episode");
      assertThat(e.published()).as(ref.source()).isNotNull();
      assertThat(e.tags()).as(ref.source()).isNotEmpty();
      assertThat(e.people(Role.HOST)).as(ref.source()).extracting(Person::name).containsExactly("Lars Kamp");
      assertThat(e.people(Role.GUEST)).as(ref.source()).hasSize(1);
      assertThat(e.text()).as(ref.source()).isNotBlank()
          .doesNotContain("YoutubeEmbed").doesNotContain("metadata.title").doesNotContain("<abbr");
    }
  }

  @Test
  void aDocusaurusEpisodeReadsFrontMatterHeadingAndInlineAuthor() throws Exception {
    Episode e = corpusEpisode("someengineering-podcast", "how-to-build-for-the-cloud-on-your-laptop/index.mdx");
    assertThat(e.title()).isEqualTo("How to Build for the Cloud on Your Laptop!");
    assertThat(e.published()).isEqualTo(LocalDate.of(2022, 10, 18));
    assertThat(e.tags()).containsExactly("Cloud Infrastructure", "Open-Source Software", "DevOps", "AWS");
    assertThat(e.url()).isEqualTo("https://www.youtube.com/watch?v=IzV0uTPejcc");
    assertThat(e.people()).containsExactly(new Person("Lars Kamp", Role.HOST),
        new Person("Waldemar Hummer", Role.GUEST));
    assertThat(e.description()).startsWith("LocalStack gives you a fully functional local cloud stack");
    assertThat(e.text()).startsWith("Waldemar Hummer is Co-Founder and CTO at LocalStack.")
        .contains("parity with AWS").doesNotContain("How to Build for the Cloud on Your Laptop!")
        .endsWith("a deep-dive into LocalStack's GitHub repository.");
  }

  @Test
  void aLegacyEpisodeTakesItsDateFromThePathAndItsNumberFromTheTitle() throws Exception {
    Episode e = corpusEpisode("someengineering-podcast",
        "_legacy-some.engineering/2022/03-08-measuring-open-source-adoption/index.md");
    assertThat(e.title()).isEqualTo("Measuring Open-Source Adoption");
    assertThat(e.episodeNumber()).isEqualTo(2);
    assertThat(e.published()).isEqualTo(LocalDate.of(2022, 3, 8));
    assertThat(e.people()).containsExactly(new Person("Lars Kamp", Role.HOST), new Person("Avi Press", Role.GUEST));
    assertThat(e.url()).isEqualTo("https://www.youtube.com/watch?v=splRQ_2BiiM");
    assertThat(e.tags()).containsExactly("interview", "open source", "distribution", "analytics");
  }

  @Test
  void aSyntaxShowHasNumberDateAudioAndChapters() throws Exception {
    Episode e = corpusEpisode("syntaxfm-shownotes", "shows/465 - git in vscode.md");
    assertThat(e.title()).isEqualTo("Git in VS Code");
    assertThat(e.episodeNumber()).isEqualTo(465);
    assertThat(e.published()).isEqualTo(LocalDate.of(2022, 6, 1));
    assertThat(e.audioUrl()).isEqualTo("https://traffic.megaphone.fm/FSI1490112856.mp3");
    assertThat(e.chapters()).hasSize(17).startsWith(new Chapter(21, "Recording Syntax in Riverside"),
        new Chapter(82, "Welcome"), new Chapter(297, "CLI vs VS Code"), new Chapter(447, "Git Jargon"));
    assertThat(e.description()).startsWith("In this episode of Syntax, Wes and Scott talk all about");
    assertThat(e.podcast()).isEqualTo("Syntax");
  }

  @Test
  void chapterTimesPastAnHourComeFromTheLinkText() throws Exception {
    Episode e = corpusEpisode("syntaxfm-shownotes", "shows/418 - 2021 In Review.md");
    assertThat(e.published()).isEqualTo(LocalDate.of(2021, 12, 29));
    assertThat(e.chapters()).hasSize(34).endsWith(new Chapter(3606 + 67, "Enterprise jamstack"),
        new Chapter(3721, "Sponsor: Mux"), new Chapter(3785, "Sick Picks"), new Chapter(4083, "Shameless Plug"));
  }

  @Test
  void aSyntaxGuestIsAGuest() throws Exception {
    Episode e = corpusEpisode("syntaxfm-shownotes", "shows/700 - supper payload.md");
    assertThat(e.people()).containsExactly(new Person("James Mikrut", Role.GUEST));
  }

  @Test
  void aBitcoinPodcastTranscriptUsesItsSectionForShowAndHosts() throws Exception {
    Episode e = corpusEpisode("bitcointranscripts", "chaincode-podcast/2020-01-28-pieter-wuille-part1.md");
    assertThat(e.title()).isEqualTo("Pieter Wuille (part 1 of 2)");
    assertThat(e.podcast()).isEqualTo("The Chaincode Podcast");
    assertThat(e.published()).isEqualTo(LocalDate.of(2020, 1, 28));
    assertThat(e.episodeNumber()).isEqualTo(1);
    assertThat(e.url()).isEqualTo("https://www.youtube.com/watch?v=s0XopkGcN9U");
    assertThat(e.tags()).containsExactly("bitcoin-core");
    assertThat(e.people()).containsExactly(new Person("Pieter Wuille", Role.GUEST));
    assertThat(e.text()).contains("Jonas: Welcome to the podcast");
  }

  @Test
  void aTranslationIsItsOwnEpisode() throws Exception {
    Episode e = corpusEpisode("bitcointranscripts",
        "andreas-antonopoulos/2018-10-23-andreas-antonopoulos-initial-blockchain-download.es.md");
    assertThat(e.title()).isEqualTo("Bitcoin Q&A: Descarga inicial de la cadena de bloques");
    assertThat(e.published()).isEqualTo(LocalDate.of(2018, 10, 23));
    assertThat(e.id()).isNotEqualTo(corpusEpisode("bitcointranscripts",
        "andreas-antonopoulos/2018-10-23-andreas-antonopoulos-initial-blockchain-download.md").id());
  }

  @Test
  void aHugoSectionPageIsNotAnEpisode() {
    assertThatThrownBy(() -> corpusEpisode("bitcointranscripts", "chaincode-podcast/_index.md"))
        .isInstanceOf(NotAnEpisodeException.class);
  }

  @Test
  void genericFrontMatterInItsManyShapes() throws Exception {
    Episode e = inline("my-show/_posts/2021-05-04-ep.md", """
        ---
        title: "Episode 12: Roots and Shoots"
        date: May 4th, 2021
        categories: gardening, spring
        keywords: [compost]
        podcast: Garden Hour
        season: 2
        duration: "1:02:03"
        enclosure: https://cdn.example.com/ep12.mp3?x=1
        permalink: https://example.com/ep12
        hosts: [Rosa Parks]
        guests:
          - name: Ana de Souza
        summary: We talk about roots.
        ---

        Body paragraph about **roots** and [shoots](https://example.com).

        {{< youtube abc >}}

        - 00:00 Intro
        - 05:30 - Compost
        """);
    assertThat(e.title()).isEqualTo("Roots and Shoots");
    assertThat(e.episodeNumber()).isEqualTo(12);
    assertThat(e.season()).isEqualTo(2);
    assertThat(e.published()).isEqualTo(LocalDate.of(2021, 5, 4));
    assertThat(e.tags()).containsExactly("gardening", "spring", "compost");
    assertThat(e.podcast()).isEqualTo("Garden Hour");
    assertThat(e.durationSeconds()).isEqualTo(3723);
    assertThat(e.audioUrl()).isEqualTo("https://cdn.example.com/ep12.mp3?x=1");
    assertThat(e.url()).isEqualTo("https://example.com/ep12");
    assertThat(e.people()).containsExactly(new Person("Rosa Parks", Role.HOST), new Person("Ana de Souza", Role.GUEST));
    assertThat(e.description()).isEqualTo("We talk about roots.");
    assertThat(e.chapters()).containsExactly(new Chapter(0, "Intro"), new Chapter(330, "Compost"));
    assertThat(e.text()).startsWith("Body paragraph about roots and shoots.").doesNotContain("youtube");
  }

  @Test
  void unreadableDatesAndDurationsAreLeftOutWithAWarning() throws Exception {
    Path p = dir.resolve("odd.md");
    String text = "---\ntitle: Odd\ndate: someday soon\nduration: a while\n---\nText.";
    Files.writeString(p, text);
    List<String> warnings = new ArrayList<>();
    List<Episode> episodes = new MarkdownParser().parse(
        new SourceText(new SourceRef(dir.toString(), "odd.md", p), text, "h"), warnings);
    assertThat(episodes.get(0).published()).isNull();
    assertThat(episodes.get(0).durationSeconds()).isNull();
    assertThat(warnings).containsExactly("front matter date 'someday soon' is not a date, left out",
        "front matter duration 'a while' is not a duration, left out");
  }

  @Test
  void hugoTomlFrontMatterIsReadToo() throws Exception {
    Episode e = inline("content/ep.md", """
        +++
        title = "Hugo Episode"
        date = 2023-07-08T09:00:00+02:00
        tags = ["go", 'web']
        episode = 7 # the seventh
        draft = false
        [params]
        title = "not this one"
        +++
        Words.
        """);
    assertThat(e.title()).isEqualTo("Hugo Episode");
    assertThat(e.published()).isEqualTo(LocalDate.of(2023, 7, 8));
    assertThat(e.tags()).containsExactly("go", "web");
    assertThat(e.episodeNumber()).isEqualTo(7);
    assertThat(e.text()).isEqualTo("Words.");
  }

  @Test
  void withoutAPodcastNameTheFolderNamesTheShow() throws Exception {
    assertThat(inline("deep-sea-talks/episodes/e1.md", "---\ntitle: One\n---\nText.").podcast())
        .isEqualTo("Deep Sea Talks");
    assertThat(inline("ocean-shownotes/shows/e2.md", "---\ntitle: Two\n---\nText.").podcast()).isEqualTo("Ocean");
  }

  @Test
  void mdxImportsCommentsAndComponentsVanishButCodeStays() throws Exception {
    Episode e = inline("e/index.mdx", """
        ---
        date: 2024-01-02T10:00:00Z
        ---
        import Player from '@site/src/Player';

        # Heading Title

        {/* hidden note */}

        <Player
          src="x.mp3"
          title={metadata.title}
        />

        <Tabs><TabItem value="a">Visible words</TabItem></Tabs>

        ```
        <Keep this="code" />
        ```
        """);
    assertThat(e.title()).isEqualTo("Heading Title");
    assertThat(e.published()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(e.text()).contains("Visible words").contains("<Keep this=\"code\" />")
        .doesNotContain("import").doesNotContain("hidden note").doesNotContain("Player").doesNotContain("Heading");
  }

  @Test
  void malformedYamlNamesTheLine() throws IOException {
    String md = "---\ntitle: ok\nauthors: [lars\n---\nBody\n";
    assertThatThrownBy(() -> inline("bad.md", md)).isInstanceOfSatisfying(ParseException.class,
        e -> {
          assertThat(e.getMessage()).startsWith("malformed YAML front matter");
          assertThat(e.line()).isBetween(3, 5);
        });
  }
}
