package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Episode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** General ranking properties, on a small collection where each episode is the one answer to some query. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingTest {
  @TempDir static Path dir;
  LuceneSearchService service;

  @BeforeAll
  void buildIndex() {
    List<Episode> episodes =
        List.of(
            TestIndex.episode("k8s", "Operating Kubernetes clusters", "Upgrades, node pools and operators."),
            TestIndex.episode("js", "Modern JavaScript tooling", "Bundlers, test runners and linters."),
            TestIndex.episode("mail", "Why we stopped running our own mail server",
                "Deliverability got worse every year; spam filters distrust small senders."),
            TestIndex.episode("budget", "Cloud budgets", "Budget alerts, budget owners and the budget review."),
            TestIndex.episode("forecast", "Forecasting the cloud bill",
                "Finance wants a forecast of the budget; engineers want fewer alerts."),
            TestIndex.episode("hosting", "Self-hosted analytics", "Running the stack on a single box."),
            TestIndex.episode("wallets", "Single sig or multi sig?", "How many keys a wallet needs, and trade-offs."),
            TestIndex.episode("fees", "Onchain fees", "What a payment costs when it settles onchain."),
            TestIndex.episode("fragments", "Transcription slips", "They attack ing the problem from both ends."),
            TestIndex.episode("offense", "Offense wins", "Attacking early pays off."));
    TestIndex.write(dir, episodes);
    service = LuceneSearchService.open(dir);
  }

  @AfterAll
  void close() {
    service.close();
  }

  List<String> ids(String q) {
    return service.search(SearchRequest.of(q)).hits().stream().map(Hit::id).toList();
  }

  @Test
  void anAbbreviationFindsTheEpisodeThatSpellsTheNameOut() {
    assertThat(ids("k8s")).containsExactly("k8s");
    assertThat(ids("js tooling")).first().isEqualTo("js");
  }

  @Test
  void aLongVagueQueryFindsTheEpisodeEvenWhenOnlyTwoOfItsWordsAppear() {
    assertThat(ids("that episode where they gave up hosting their mail because of spam")).first().isEqualTo("mail");
  }

  @Test
  void moreOfTheWordsBeatsOneWordRepeated() {
    // "budget" four times in a short episode does not outweigh an episode holding forecast, budget and bill
    assertThat(ids("budget forecast bill")).first().isEqualTo("forecast");
  }

  @Test
  void aHyphenatedWordMatchesItsPartsWrittenApartOrJoined() {
    assertThat(ids("self-hosted")).containsExactly("hosting");
    assertThat(ids("self hosted analytics")).first().isEqualTo("hosting");
  }

  @Test
  void aHyphenatedCompoundFindsItWrittenAsOneWord() {
    assertThat(ids("on-chain")).containsExactly("fees");
  }

  @Test
  void aClosedCompoundFindsATitleThatWritesItOpen() {
    // "Single sig or multi sig?": the parts side by side in a title count as the word
    assertThat(ids("multisig")).containsExactly("wallets");
    assertThat(ids("multisig keys")).first().isEqualTo("wallets");
  }

  @Test
  void aWordFindsTheEpisodeHoldingItsOtherForms() {
    // "attacking" finds "attack" through stemming, never as a compound of "attack" and "ing"
    assertThat(ids("attacking")).first().isEqualTo("offense");
  }
}
