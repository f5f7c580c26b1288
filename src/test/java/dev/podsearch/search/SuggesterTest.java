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
}
