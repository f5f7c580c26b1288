package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTextParserTest {

  private static final Path SEED = Path.of("data/cloud-infrastructure-podcast-episodes.txt");

  private static List<Episode> parse(String source, String text) throws Exception {
    SourceRef ref = new SourceRef("/data", source, null);
    return new ListingTextParser().parse(new SourceText(ref, text, "hash"), new ArrayList<>());
  }

  private static List<Episode> seed() throws Exception {
    return parse("cloud-infrastructure-podcast-episodes.txt", Files.readString(SEED));
  }

  @Test
  void theSeedHasFiveEpisodesOneGuestEach() throws Exception {
    assertThat(seed()).extracting(e -> e.people(Role.GUEST)).containsExactly(
        List.of(new Person("Michael Driscoll", Role.GUEST)),
        List.of(new Person("Waldemar Hummer", Role.GUEST)),
        List.of(new Person("Jonathan Bernales", Role.GUEST)),
        List.of(new Person("Andreas Grabner", Role.GUEST)),
        List.of(new Person("Dvir Mizrahi", Role.GUEST)));
  }

  @Test
  void theNameOnEveryEntryIsTheHost() throws Exception {
    assertThat(seed()).allSatisfy(e -> assertThat(e.people(Role.HOST)).containsExactly(new Person("Lars Kamp",
        Role.HOST)));
  }

  @Test
  void titlesComeFromTheSentenceThatIntroducesTheGuest() throws Exception {
    assertThat(seed()).extracting(Episode::title).containsExactly(
        "Michael Driscoll, Co-founder and CEO of Rill Data",
        "Waldemar Hummer, Co-Founder and CTO at LocalStack",
        "Jonathan Bernales, DevOps Engineer at Ekonoo",
        "Andreas Grabner, DevOps Activist at Dynatrace",
        "Dvir Mizrahi, Head of Financial Engineering at Wix");
  }

  @Test
  void thePodcastIsThePageTitleWithoutEpisodes() throws Exception {
    assertThat(seed()).extracting(Episode::podcast).containsOnly("Cloud Infrastructure Podcast");
  }

  @Test
  void idsAreStableAndDistinct() throws Exception {
    List<Episode> episodes = seed();
    assertThat(episodes.get(0).id())
        .isEqualTo(Ids.episodeId("cloud-infrastructure-podcast-episodes.txt", "entry-1"));
    assertThat(episodes).extracting(Episode::id).doesNotHaveDuplicates();
  }

  @Test
  void textKeepsParagraphsAndBulletsButNotThePageChrome() throws Exception {
    List<Episode> episodes = seed();
    Episode first = episodes.get(0);
    assertThat(first.description()).startsWith("Creating an analytics dashboard is a time-consuming process");
    assertThat(first.text()).contains("\n\n• Sources: Rill ships with a CLI")
        .contains("\n• Runtime: ")
        .endsWith("building data infrastructure for engineering teams with SQL and YAML with Rill.")
        .doesNotContain("Lars Kamp").doesNotContain("Skip to main content");
    assertThat(episodes.get(4).text())
        .endsWith("engineering post-mortems, monthly reports, and mandatory resource tagging.")
        .doesNotContain("Contact Us").doesNotContain("Some Engineering Inc.");
  }

  @Test
  void worksForOtherListingsOfTheSameShape() throws Exception {
    String listing = """
        Skip to main content

        Garden Talk: All Episodes

        Rosa Parks
        Ana de Souza

        Ana de Souza is a senior gardener at Kew Gardens, where she looks after the ferns. We talk about soil.

        Rosa Parks
        Tom Baker
        Lee Chan

        Winter is coming for tomatoes. Tom and Lee explain how to keep a greenhouse warm on a budget, and why.

        Copyright 2024
        """;
    List<Episode> episodes = parse("garden.txt", listing);
    assertThat(episodes).hasSize(2);
    assertThat(episodes).extracting(Episode::podcast).containsOnly("Garden Talk");
    assertThat(episodes.get(0).people()).containsExactly(new Person("Rosa Parks", Role.HOST),
        new Person("Ana de Souza", Role.GUEST));
    assertThat(episodes.get(0).title()).isEqualTo("Ana de Souza, Senior gardener at Kew Gardens");
    assertThat(episodes.get(1).people(Role.GUEST)).extracting(Person::name).containsExactly("Tom Baker", "Lee Chan");
    assertThat(episodes.get(1).title()).isEqualTo("Tom Baker: Winter is coming for tomatoes");
  }

  @Test
  void withASingleEntryTheFirstNameHosts() throws Exception {
    String listing = "Weekly Show\n\nMaria Lopez\nSam Hill\n\nSam Hill is the founder of Hill Farms. We talk about"
        + " apples, pears and the weather in the valley this spring.\n";
    assertThat(parse("one.txt", listing)).singleElement().satisfies(e -> assertThat(e.people())
        .containsExactly(new Person("Maria Lopez", Role.HOST), new Person("Sam Hill", Role.GUEST)));
  }

  @Test
  void aTextWithoutEntriesIsNotAnEpisode() {
    assertThatThrownBy(() -> parse("x.txt", "Skip to main content\n\nNothing here yet.\n"))
        .isInstanceOf(NotAnEpisodeException.class);
  }
}
