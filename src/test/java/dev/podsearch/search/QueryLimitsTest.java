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
}
