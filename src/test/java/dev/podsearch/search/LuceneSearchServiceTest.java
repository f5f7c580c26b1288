package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneSearchServiceTest {
  @TempDir static Path dir;
  LuceneSearchService service;

  @BeforeAll
  void buildIndex() {
    TestIndex.write(dir, TestIndex.collection());
    service = LuceneSearchService.open(dir);
  }

  @AfterAll
  void close() {
    service.close();
  }

  SearchResults search(String q) {
    return service.search(SearchRequest.of(q));
  }

  static SearchRequest request(String q, List<String> tags) {
    return new SearchRequest(q, tags, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 10);
  }

  static List<String> ids(SearchResults r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Nested
  class Ranking {
    @Test
    void aTitleMatchOutranksABodyMatch() {
      assertThat(ids(search("kubernetes"))).containsExactly("k8s-title", "k8s-body");
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
      assertThat(ids(search("costing"))).contains("costs");
    }

    @Test
    void theExactWordOutranksAnotherFormOfIt() {
      // "operators" is in k8s-title's text exactly; "operator" form only stems to the same word elsewhere
      SearchResults r = search("clusters");
      assertThat(ids(r)).first().isEqualTo("k8s-title");
    }

    @Test
    void aMisspeltWordStillFindsTheEpisodeButAnExactMatchRanksFirst() {
      assertThat(ids(search("obsevability"))).containsExactly("talk");
      List<Hit> exact = search("observability").hits();
      List<Hit> fuzzy = search("obsevability").hits();
      assertThat(fuzzy.get(0).score()).isLessThan(exact.get(0).score());
    }

    @Test
    void quotedPhrasesMustAppearAsTyped() {
      assertThat(ids(search("\"cloud bill\""))).containsExactly("costs");
      assertThat(ids(search("\"bill cloud\""))).isEmpty();
    }

    @Test
    void minusExcludesAndOrWidens() {
      assertThat(ids(search("kubernetes -containers"))).containsExactly("k8s-title");
      assertThat(ids(search("budgets OR tracing"))).containsExactlyInAnyOrder("finops", "talk");
    }

    @Test
    void fieldScopesSearchOnlyThatField() {
      assertThat(ids(search("person:grace"))).containsExactly("finops");
      assertThat(ids(search("title:cloud"))).containsExactly("costs");
      assertThat(ids(search("tag:security"))).containsExactly("script");
      assertThat(ids(search("podcast:\"money matters\""))).containsExactly("finops");
    }

    @Test
    void prefixesMatchWordStarts() {
      assertThat(ids(search("kube*"))).containsExactlyInAnyOrder("k8s-title", "k8s-body");
    }

    @Test
    void aVagueQueryWithOneUnknownWordStillFindsSomething() {
      assertThat(ids(search("cloud zebra giraffe"))).isNotEmpty();
    }

    @Test
    void aBlankQueryListsEverythingNewestFirst() {
      SearchResults r = search("");
      assertThat(r.total()).isEqualTo(6);
      assertThat(ids(r)).first().isEqualTo("talk");
      assertThat(ids(r)).last().isEqualTo("script");
    }

    @Test
    void dateSortAndDateRangeFilter() {
      SearchRequest r =
          new SearchRequest("devops", List.of(), List.of(), List.of(), LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31),
              SortOrder.DATE, 1, 10);
      assertThat(ids(service.search(r))).containsExactly("k8s-title", "k8s-body");
    }

    @Test
    void pagesSliceTheRankedList() {
      SearchRequest first = new SearchRequest("", null, null, null, null, null, null, 1, 4);
      SearchRequest second = new SearchRequest("", null, null, null, null, null, null, 2, 4);
      assertThat(ids(service.search(first))).hasSize(4);
      assertThat(ids(service.search(second))).hasSize(2).doesNotContainAnyElementsOf(ids(service.search(first)));
      assertThat(service.search(second).total()).isEqualTo(6);
    }
  }

  @Nested
  class Facets {
    @Test
    void countsAreExactPerDimension() {
      SearchResults r = search("");
      assertThat(r.facets().get("tag"))
          .containsExactly(
              new FacetValue("DevOps", 3, false),
              new FacetValue("Cloud Spend", 2, false),
              new FacetValue("FinOps", 2, false),
              new FacetValue("Kubernetes", 1, false),
              new FacetValue("Security", 1, false));
      assertThat(r.facets().get("podcast"))
          .containsExactly(new FacetValue("Cloud Talk", 5, false), new FacetValue("Money Matters", 1, false));
      assertThat(r.facets().get("person")).contains(new FacetValue("Lars Kamp", 2, false));
      assertThat(r.facets().get("year")).hasSize(5);
    }

    @Test
    void tickingATagKeepsTheOtherTagsCountsAndNarrowsTheOtherDimensions() {
      SearchResults r = service.search(request("", List.of("FinOps")));
      assertThat(r.total()).isEqualTo(2);
      assertThat(r.facets().get("tag"))
          .containsExactly(
              new FacetValue("DevOps", 3, false),
              new FacetValue("Cloud Spend", 2, false),
              new FacetValue("FinOps", 2, true),
              new FacetValue("Kubernetes", 1, false),
              new FacetValue("Security", 1, false));
      assertThat(r.facets().get("podcast"))
          .containsExactly(new FacetValue("Cloud Talk", 1, false), new FacetValue("Money Matters", 1, false));
    }

    @Test
    void tagsOfOneDimensionAreOredAndMatchedIgnoringCase() {
      SearchResults r = service.search(request("", List.of("finops", "security")));
      assertThat(ids(r)).containsExactlyInAnyOrder("costs", "finops", "script");
      assertThat(r.facets().get("tag")).filteredOn(FacetValue::selected).extracting(FacetValue::value)
          .containsExactlyInAnyOrder("FinOps", "Security");
    }

    @Test
    void aSelectedValueWithoutHitsIsStillListed() {
      SearchResults r = service.search(request("kubernetes", List.of("Security")));
      assertThat(r.total()).isZero();
      assertThat(r.facets().get("tag")).contains(new FacetValue("Security", 0, true));
    }

    @Test
    void facetCountsFollowTheQuery() {
      SearchResults r = search("kubernetes");
      assertThat(r.facets().get("tag")).containsExactly(new FacetValue("DevOps", 2, false), new FacetValue("Kubernetes", 1, false));
    }
  }

  @Nested
  class Highlighting {
    @Test
    void matchesAreMarkedAndEverythingElseEscaped() {
      Hit hit = search("script").hits().get(0);
      assertThat(hit.snippet())
          .contains("&lt;<mark>script</mark>&gt;")
          .contains("&amp; output")
          .doesNotContain("<script>");
    }

    @Test
    void withoutAMatchInTheTextTheDescriptionStartIsShownEscaped() {
      Hit hit = search("title:shifting").hits().get(0);
      assertThat(hit.snippet()).isEqualTo("Why cost awareness is part of &lt;b&gt;development&lt;/b&gt; culture.");
    }

    @Test
    void transcriptMatchesBecomeTimedMomentsLinkingIntoTheAudio() {
      Hit hit = search("tracing").hits().get(0);
      assertThat(hit.id()).isEqualTo("talk");
      assertThat(hit.mentions()).isEqualTo(2);
      assertThat(hit.moments())
          .extracting(Moment::start, Moment::speaker, Moment::text, Moment::link)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  5.0, "Ada", "Today we discuss observability and <mark>tracing</mark>.",
                  "https://cdn.example.org/talk.mp3#t=5"),
              org.assertj.core.groups.Tuple.tuple(
                  12.0, "Lars", "<mark>Tracing</mark> tells you where time goes.",
                  "https://cdn.example.org/talk.mp3#t=12"));
      assertThat(hit.moments()).extracting(Moment::chapter, Moment::chapterStart)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Intro", 0.0),
              org.assertj.core.groups.Tuple.tuple("Tracing deep dive", 10.0));
      assertThat(hit.snippet()).contains("<mark>tracing</mark>");
    }
  }

  @Nested
  class Spelling {
    @Test
    void anUnknownWordGetsACorrection() {
      assertThat(search("obsevability and tracing").didYouMean()).isEqualTo("observability and tracing");
      assertThat(search("title:kubernetis").didYouMean()).isEqualTo("title:kubernetes");
    }

    @Test
    void knownWordsGetNone() {
      assertThat(search("kubernetes").didYouMean()).isNull();
    }

    @Test
    void aWordKnownOnlyInTheNotesIsNoTypoEvenWhenATitleHasAFormCloseToIt() {
      // "clusters" is in no title, only in notes and descriptions: still a real word, so no correction
      assertThat(search("clusters").didYouMean()).isNull();
    }
  }

  @Nested
  class Errors {
    @Test
    void badNumbersNameTheirParameter() {
      assertThatThrownBy(() -> service.search(new SearchRequest("x", null, null, null, null, null, null, 1, 0)))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
      assertThatThrownBy(() -> service.search(new SearchRequest("x", null, null, null, null, null, null, 1, 101)))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
      assertThatThrownBy(() -> service.search(new SearchRequest("x", null, null, null, null, null, null, 0, 10)))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
      assertThatThrownBy(() -> service.search(new SearchRequest("x", null, null, null, null, null, null, 101, 100)))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
      assertThatThrownBy(
              () -> service.search(
                  new SearchRequest("x", null, null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1), null, 1, 10)))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
    }

    @Test
    void aTooLongQueryIsRefused() {
      assertThatThrownBy(() -> search("a".repeat(SearchRequest.MAX_QUERY_LENGTH + 1)))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("q"))
          .hasMessageContaining("1000");
      assertThat(search("cloud ".repeat(40)).hits()).isNotEmpty();
    }

    @Test
    void syntaxGarbageEitherWorksOrSaysWhatIsWrong() {
      for (String q :
          List.of("title:(", "\"unclosed", "*", "AND OR", "((((", "))", "-", "+", "\"", "title:", "a:b:c", "NOT",
              "kube* OR", "OR kube", "title:(cloud", "?", "!!!", "foo~2", "tag:\"\"", "-*", "&&", "\\", "/x/", "^2")) {
        try {
          SearchResults r = search(q);
          assertThat(r.total()).as(q).isGreaterThanOrEqualTo(0);
        } catch (InvalidQueryException e) {
          assertThat(e.parameter()).as(q).isEqualTo("q");
          assertThat(e.getMessage()).as(q).isNotBlank();
        }
      }
    }

    @Test
    void specificGarbageGetsSpecificAnswers() {
      assertThatThrownBy(() -> search("title:(")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("title:");
      assertThatThrownBy(() -> search("AND OR")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("operators");
      assertThat(search("\"cloud bill").hits()).extracting(Hit::id).containsExactly("costs");
      assertThat(search("*").total()).isEqualTo(6);
    }

    @Test
    void aHugeOrListIsRefusedClearly() {
      String q = String.join(" OR ", java.util.Collections.nCopies(150, "cloud"));
      assertThatThrownBy(() -> search(q))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("q"))
          .hasMessageContaining("at most");
    }
  }

  @Nested
  class Browsing {
    @Test
    void anEpisodeComesWithRelatedEpisodesButNotItself() {
      EpisodeDetail d = service.episode("costs").orElseThrow();
      assertThat(d.episode().title()).isEqualTo("Cloud costs shifting left");
      assertThat(d.related()).extracting(Hit::id).startsWith("finops").doesNotContain("costs").hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void anUnknownEpisodeIsEmpty() {
      assertThat(service.episode("nope")).isEmpty();
    }

    @Test
    void tagsAreByCountThenName() {
      assertThat(service.tags())
          .containsExactly(
              new TagCount("DevOps", 3),
              new TagCount("Cloud Spend", 2),
              new TagCount("FinOps", 2),
              new TagCount("Kubernetes", 1),
              new TagCount("Security", 1));
    }

    @Test
    void suggestionsCompleteTitlesPeopleTagsAndPodcasts() {
      assertThat(service.suggest("kub", 10)).contains(new Suggestion("Kubernetes", "tag"), new Suggestion("Kubernetes in production", "title"));
      assertThat(service.suggest("lov", 10)).containsExactly(new Suggestion("Ada Lovelace", "person"));
      assertThat(service.suggest("money", 10)).first().isEqualTo(new Suggestion("Money Matters", "podcast"));
      assertThat(service.suggest("c", 3)).hasSize(3);
      assertThat(service.suggest("", 10)).isEmpty();
    }

    @Test
    void statusDescribesTheServedIndex() {
      IndexStatus s = service.status();
      assertThat(s.available()).isTrue();
      assertThat(s.episodes()).isEqualTo(6);
      assertThat(s.sizeBytes()).isPositive();
      assertThat(s.lastCommit()).isNotNull();
    }

    @Test
    void sourcesFollowTheRanking() {
      assertThat(service.sources(SearchRequest.of("kubernetes"))).containsExactly("k8s-title.md", "k8s-body.md");
    }
  }
}
