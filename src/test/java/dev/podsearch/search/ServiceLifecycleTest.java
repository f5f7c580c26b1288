package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLifecycleTest {
  @TempDir Path dir;

  private static boolean within(long millis, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  @Test
  void withoutAnIndexEveryCallSaysHowToBuildOne() {
    try (LuceneSearchService service = LuceneSearchService.open(dir.resolve("index"))) {
      assertThat(service.status()).isEqualTo(new IndexStatus(false, 0, 0, null));
      assertThatThrownBy(() -> service.search(SearchRequest.of("cloud")))
          .isInstanceOf(IndexUnavailableException.class)
          .hasMessageContaining("podsearch reindex");
      assertThatThrownBy(service::tags).isInstanceOf(IndexUnavailableException.class);
      assertThatThrownBy(() -> service.suggest("clo", 5)).isInstanceOf(IndexUnavailableException.class);
      assertThatThrownBy(() -> service.episode("x")).isInstanceOf(IndexUnavailableException.class);
    }
  }

  @Test
  void badParametersAreReportedEvenWithoutAnIndex() {
    try (LuceneSearchService service = LuceneSearchService.open(dir.resolve("index"))) {
      assertThatThrownBy(() -> service.search(new SearchRequest("x", null, null, null, null, null, null, 1, 0)))
          .isInstanceOf(InvalidQueryException.class);
    }
  }

  @Test
  void aReindexByAnotherWriterIsSearchableWithinTwoSeconds() throws Exception {
    TestIndex.write(dir, TestIndex.episode("one", "Kubernetes basics", "Pods and nodes."));
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      assertThat(service.search(SearchRequest.of("serverless")).total()).isZero();
      TestIndex.write(dir, TestIndex.episode("two", "Serverless at scale", "Functions everywhere.", "Serverless"));
      assertThat(within(2_000, () -> service.search(SearchRequest.of("serverless")).total() == 1))
          .as("the new commit is served within 2 s")
          .isTrue();
      assertThat(service.tags()).extracting(TagCount::tag).contains("Serverless");
      assertThat(service.suggest("serv", 5)).contains(new Suggestion("Serverless at scale", "title"));
    }
  }

  @Test
  void anEmptyIndexAnswersWithNothing() {
    TestIndex.write(dir, java.util.List.of());
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      SearchResults r = service.search(SearchRequest.of("anything"));
      assertThat(r.total()).isZero();
      assertThat(r.facets()).containsOnlyKeys("tag", "person", "podcast", "year");
      assertThat(service.tags()).isEmpty();
      assertThat(service.suggest("a", 5)).isEmpty();
      assertThat(service.status().available()).isTrue();
    }
  }

  @Test
  void afterCloseTheServiceIsUnavailable() {
    TestIndex.write(dir, TestIndex.episode("one", "Kubernetes basics", "Pods and nodes."));
    LuceneSearchService service = LuceneSearchService.open(dir);
    service.close();
    assertThat(service.status().available()).isFalse();
    assertThatThrownBy(() -> service.search(SearchRequest.of("pods")))
        .isInstanceOf(IndexUnavailableException.class)
        .hasMessageContaining("closing");
  }
}
