package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.SharedCorpus;
import dev.podsearch.episode.Episode;
import dev.podsearch.importer.Importer;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceRef;
import dev.podsearch.importer.SourceScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Search over the real someengineering podcast episodes, imported by the real importer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SomeEngineeringCorpusTest {
  @TempDir static Path dir;
  LuceneSearchService service;
  int imported;

  @BeforeAll
  void importAndIndex() throws IOException {
    Path corpus = SharedCorpus.corpus("someengineering-podcast");
    Importer importer = new Importer();
    List<Episode> episodes = new ArrayList<>();
    for (SourceRef ref : new SourceScanner().scan(List.of(corpus.toString()))) {
      if (importer.parse(importer.load(ref)) instanceof ParseOutcome.Parsed parsed) {
        episodes.addAll(parsed.episodes());
      }
    }
    imported = episodes.size();
    TestIndex.write(dir, episodes);
    service = LuceneSearchService.open(dir);
  }

  @AfterAll
  void close() {
    if (service != null) {
      service.close();
    }
  }

  private List<Hit> hits(String q) {
    return service.search(SearchRequest.of(q)).hits();
  }

  @Test
  void everyImportedEpisodeIsSearchable() {
    assertThat(imported).isGreaterThanOrEqualTo(19);
    assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(imported);
  }

  @Test
  void theEpisodeNamedByTheQueryComesFirst() {
    assertThat(hits("cartography").get(0).title()).containsIgnoringCase("Cartography");
    assertThat(hits("apache iceberg").get(0).title()).containsIgnoringCase("Iceberg");
    assertThat(hits("data observability").get(0).title()).containsIgnoringCase("Observability");
  }

  @Test
  void aTypoIsCorrectedAndStillFinds() {
    SearchResults r = service.search(SearchRequest.of("obsevability"));
    assertThat(r.didYouMean()).isEqualTo("observability");
    assertThat(r.hits()).isNotEmpty();
  }

  @Test
  void tickingTheCommonestTagNarrowsHitsButKeepsTagCounts() {
    SearchResults all = service.search(SearchRequest.of(""));
    FacetValue top = all.facets().get("tag").get(0);
    SearchResults ticked =
        service.search(
            new SearchRequest("", List.of(top.value()), List.of(), List.of(), null, null, null, 1, 10));
    assertThat(ticked.total()).isEqualTo(top.count());
    assertThat(ticked.facets().get("tag")).extracting(FacetValue::value, FacetValue::count)
        .containsExactlyElementsOf(
            all.facets().get("tag").stream().map(v -> org.assertj.core.groups.Tuple.tuple(v.value(), v.count())).toList());
    long yearTotal = ticked.facets().get("year").stream().mapToLong(FacetValue::count).sum();
    assertThat(yearTotal).isEqualTo(ticked.total());
    assertThat(service.tags().get(0)).isEqualTo(new TagCount(top.value(), top.count()));
  }

  @Test
  void snippetsAreEscapedHtmlWithOnlyMarkTags() {
    for (Hit h : hits("cloud cost")) {
      String withoutMarks = h.snippet().replace("<mark>", "").replace("</mark>", "");
      assertThat(withoutMarks).doesNotContain("<", ">");
    }
    assertThat(hits("cloud cost")).anySatisfy(h -> assertThat(h.snippet()).contains("<mark>"));
  }

  @Test
  void relatedEpisodesAndSuggestions() {
    Hit first = hits("cartography").get(0);
    EpisodeDetail detail = service.episode(first.id()).orElseThrow();
    assertThat(detail.related()).isNotEmpty().hasSizeLessThanOrEqualTo(5).extracting(Hit::id).doesNotContain(first.id());
    assertThat(service.suggest("iceb", 5)).extracting(Suggestion::text).anyMatch(t -> t.contains("Iceberg"));
    assertThat(service.suggest("lars", 5)).contains(new Suggestion("Lars Kamp", "person"));
  }

  @Test
  void statusCountsTheEpisodes() {
    assertThat(service.status().episodes()).isEqualTo(imported);
    assertThat(Map.of("available", service.status().available())).containsEntry("available", true);
  }
}
