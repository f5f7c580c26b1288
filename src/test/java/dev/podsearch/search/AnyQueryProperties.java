package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a user types, a search either answers or refuses with a reason naming "q" — never anything else. */
class AnyQueryProperties {
  private static Path dir;
  private static LuceneSearchService service;

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("podsearch-anyquery");
    TestIndex.write(dir, TestIndex.collection());
    service = LuceneSearchService.open(dir);
  }

  @AfterContainer
  static void close() throws IOException {
    service.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of("cloud", "kubernetes", "obsevability", "the", "\"", "(", ")", "*", "-", "+", "OR", "AND",
                "NOT", "title:", "tag:", "person:(", "podcast:\"", ":", "~", "^", "\\", "?", "k*", "a*", "<script>", "é"),
            Arbitraries.strings().ofMaxLength(12));
    return pieces.list().ofMaxSize(12).map(l -> String.join(" ", l));
  }

  @Property(tries = 80)
  void searchAnswersOrRefusesClearly(@ForAll("queries") String q) {
    try {
      SearchResults r = service.search(SearchRequest.of(q));
      assertThat(r.total()).isGreaterThanOrEqualTo(r.hits().size());
      r.hits().forEach(h -> assertThat(h.snippet()).doesNotContain("<script"));
    } catch (InvalidQueryException e) {
      assertThat(e.parameter()).isEqualTo("q");
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 50)
  void suggestAlwaysAnswers(@ForAll("queries") String prefix) {
    assertThat(service.suggest(prefix, 10)).hasSizeLessThanOrEqualTo(10);
  }
}
