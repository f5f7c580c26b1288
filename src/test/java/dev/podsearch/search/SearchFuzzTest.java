package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile and random queries against a real index: the service answers with results or refuses with an
 * {@link InvalidQueryException} naming the parameter, never anything else, and never hangs.
 */
class SearchFuzzTest {
  /** Far above any real search; a query that takes this long is stuck, not slow. */
  static final Duration HANG = Duration.ofSeconds(10);

  private static Path dir;
  private static LuceneSearchService service;

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("podsearch-searchfuzz");
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

  @Property(tries = 400)
  void anyQueryAnswersOrIsRefusedNamingQ(@ForAll("hostileQueries") String q) {
    assertAnswersOrRefuses(SearchRequest.of(q));
  }

  @Property(tries = 200)
  void anyFiltersPagesAndSizesAnswerOrAreRefused(@ForAll("requests") SearchRequest request) {
    assertAnswersOrRefuses(request);
  }

  @Property(tries = 200)
  void suggestionsAndEpisodeLookupsNeverFail(@ForAll("hostileQueries") String text) {
    assertTimeoutPreemptively(HANG, () -> {
      assertThat(service.episode(text)).isNotNull();
      try {
        assertThat(service.suggest(text, 10)).hasSizeLessThanOrEqualTo(10);
      } catch (InvalidQueryException e) {
        assertThat(e.parameter()).isEqualTo("q");
      }
    });
  }

  @Example
  void theClassicTroublemakersAnswerOrAreRefused() {
    List<String> queries = List.of("*", "?", "/a.*/", "/(a|b)*c{1000}/", "((((((((((", "))))", "\"unbalanced",
        "title:", "tag:", "person:()", "podcast:\"\"", "title:(", "-", "+", "NOT", "AND OR NOT", "~", "^", "\\",
        "a".repeat(999), "a~2000", "k*^9999999999", "*:*", "_exists_:title", "title:[a TO z]", "{a TO b}",
        "\u0000\u0001\u0007\u001b", "\ud800", "\uffff", "&&||!", "a:b:c:d", "(".repeat(500) + "a" + ")".repeat(500));
    queries.forEach(q -> assertAnswersOrRefuses(SearchRequest.of(q)));
  }

  @Example
  void aHugeOrListAnswers() {
    String q = String.join(" OR ", Stream.iterate(0, i -> i + 1).limit(120).map(i -> "w" + i).toList());
    assertThat(q.length()).isLessThanOrEqualTo(SearchRequest.MAX_QUERY_LENGTH);
    assertAnswersOrRefuses(SearchRequest.of(q));
  }

  static void assertAnswersOrRefuses(SearchRequest request) {
    assertTimeoutPreemptively(HANG, () -> {
      try {
        SearchResults r = service.search(request);
        assertThat(r.total()).isGreaterThanOrEqualTo(r.hits().size());
        assertThat(r.hits().size()).isLessThanOrEqualTo(Math.max(0, request.size()));
        r.hits().forEach(h -> assertThat(h.snippet() == null ? "" : h.snippet().replace("<mark>", "")
            .replace("</mark>", "")).doesNotContain("<"));
      } catch (InvalidQueryException e) {
        assertThat(e.parameter()).isNotBlank();
        assertThat(e.getMessage()).isNotBlank();
      }
    }, () -> "search did not finish within " + HANG + ": " + request);
  }

  @Provide
  Arbitrary<String> hostileQueries() {
    Arbitrary<String> word = Arbitraries.of("cloud", "kubernetes", "tracing", "finops", "obsevability", "the", "a",
        "script", "é", "日本", "k8s", "3.14", "c++", "node.js", "o'reilly");
    Arbitrary<String> syntax = Arbitraries.of("\"", "(", ")", "[", "]", "{", "}", "*", "?", "-", "+", "!", "~", "~2", "^",
        "^3", "\\", "/", ":", "&&", "||", "OR", "AND", "NOT", "TO", "title:", "tag:", "person:", "podcast:", "text:",
        "transcript:", "*:", "_exists_:", "/a.*/", "<script>", "javascript:", "%00", "\t", "\n");
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, word),
        net.jqwik.api.Tuple.of(4, syntax),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(10)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 600).map(n -> "(".repeat(n))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 300).map(n -> "x OR ".repeat(n))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(100, 1200).map("w"::repeat)));
    Arbitrary<String> joiner = Arbitraries.of(" ", "", " ", "  ");
    return Combinators.combine(piece.list().ofMaxSize(12), joiner).as((l, j) -> String.join(j, l));
  }

  @Provide
  Arbitrary<SearchRequest> requests() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("DevOps", "FinOps", "Cloud Talk", "Lars Kamp", ""),
        Arbitraries.strings().all().ofMaxLength(20), Arbitraries.integers().between(0, 2000).map("t"::repeat));
    Arbitrary<List<String>> values = text.list().ofMaxSize(4);
    Arbitrary<LocalDate> date = Arbitraries.oneOf(Arbitraries.just(null),
        Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(2023, 1, 1), LocalDate.EPOCH));
    Arbitrary<Integer> number = Arbitraries.oneOf(Arbitraries.integers().between(-3, 120),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 10_000, 101));
    Arbitrary<SortOrder> sort = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(SortOrder.class));
    Arbitrary<int[]> pageAndSize = Combinators.combine(number, number).as((page, size) -> new int[] {page, size});
    return Combinators.combine(hostileQueries(), values, values, values, date, date, sort, pageAndSize)
        .as((q, tags, people, podcasts, from, to, order, ps) ->
            new SearchRequest(q, tags, people, podcasts, from, to, order, ps[0], ps[1]));
  }
}
