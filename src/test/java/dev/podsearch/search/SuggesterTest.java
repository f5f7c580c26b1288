package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggesterTest {
  @TempDir Path dir;

  @Test
  void aTagSpelledInSeveralCasesIsSuggestedOnceInItsMostUsedSpelling() {
    TestIndex.write(dir,
        TestIndex.episode("a", "One", "text", "Kubernetes"),
        TestIndex.episode("b", "Two", "text", "kubernetes"),
        TestIndex.episode("c", "Three", "text", "kubernetes"));
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      assertThat(service.suggest("kube", 10)).containsExactly(new Suggestion("kubernetes", "tag"));
    }
  }

  @Test
  void aTagFilterFindsTheEpisodesOfEverySpellingOfTheTag() {
    TestIndex.write(dir,
        TestIndex.episode("a", "One", "text", "Kubernetes"),
        TestIndex.episode("b", "Two", "text", "kubernetes"),
        TestIndex.episode("c", "Three", "text", "DevOps"));
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      SearchResults r = service.search(LuceneSearchServiceTest.request("", java.util.List.of("kubernetes")));
      assertThat(LuceneSearchServiceTest.ids(r)).containsExactlyInAnyOrder("a", "b");
    }
  }

  @Test
  void tagsCountEachEpisodeOnceWhateverSpellingsItCarries() {
    TestIndex.write(dir,
        TestIndex.episode("a", "One", "text", "Kubernetes", "kubernetes"),
        TestIndex.episode("b", "Two", "text", "kubernetes"));
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      assertThat(service.tags()).singleElement()
          .satisfies(t -> assertThat(t.tag()).isEqualToIgnoringCase("kubernetes"))
          .extracting(TagCount::count).isEqualTo(2L);
    }
  }

  @Test
  void theTagFacetOfASearchShowsEachTagOnceWhateverItsCase() {
    TestIndex.write(dir,
        TestIndex.episode("a", "One", "text about clusters", "Kubernetes"),
        TestIndex.episode("b", "Two", "text about clusters", "kubernetes"),
        TestIndex.episode("c", "Three", "text about clusters", "kubernetes"),
        TestIndex.episode("d", "Four", "text about clusters", "DevOps"));
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      SearchResults r = service.search(LuceneSearchServiceTest.request("clusters", java.util.List.of("Kubernetes")));

      assertThat(r.facets().get("tag"))
          .containsExactly(new FacetValue("kubernetes", 3, true), new FacetValue("DevOps", 1, false));
    }
  }
}
