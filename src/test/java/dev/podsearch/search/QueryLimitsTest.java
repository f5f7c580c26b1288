package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLimitsTest {
  @TempDir Path dir;

  @Test
  void aPrefixMatchingTooManyWordsIsRefusedWithAHint() {
    String manyWords =
        IntStream.range(0, RankingQueryBuilder.MAX_PREFIX_TERMS + 1)
            .mapToObj(i -> "zq" + Integer.toString(i, 36))
            .collect(Collectors.joining(" "));
    TestIndex.write(dir, TestIndex.episode("many", "Word list", manyWords));
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      assertThatThrownBy(() -> service.search(SearchRequest.of("zq*")))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("q"))
          .hasMessageContaining("type more letters");
      assertThat(service.search(SearchRequest.of("zq1*")).total()).isEqualTo(1);
    }
  }

  @Test
  void aQueryOverItsTimeIsRefusedNamingQ() {
    TestIndex.write(dir, TestIndex.collection());
    try (LuceneSearchService service = LuceneSearchService.open(dir, 0)) {
      assertThatThrownBy(() -> service.search(SearchRequest.of("cloud kubernetes")))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("q"))
          .hasMessageContaining("took longer than");
    }
  }

  @Test
  void manySearchesAtOnceAllGetTheirTurnAndFailedOnesGiveTheirTurnBack() throws Exception {
    TestIndex.write(dir, TestIndex.collection());
    try (LuceneSearchService slow = LuceneSearchService.open(dir, 0);
        LuceneSearchService service = LuceneSearchService.open(dir)) {
      for (int i = 0; i < LuceneSearchService.MAX_RUNNING * 3; i++) {
        assertThatThrownBy(() -> slow.search(SearchRequest.of("cloud kubernetes")))
            .isInstanceOf(InvalidQueryException.class);
      }
      // had the failed searches kept their turns, this one would wait for ever
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
          () -> assertThatThrownBy(() -> slow.search(SearchRequest.of("cloud kubernetes")))
              .hasMessageContaining("took longer than"));

      int callers = LuceneSearchService.MAX_RUNNING * 4;
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
      try {
        java.util.List<java.util.concurrent.Future<SearchResults>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < callers; i++) {
          answers.add(pool.submit(() -> service.search(SearchRequest.of("kubernetes"))));
        }
        for (java.util.concurrent.Future<SearchResults> answer : answers) {
          assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).total()).isPositive();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
