package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.SharedCorpus;
import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every file of each real corpus set goes through the importer as the reindex command sends it: in parallel. */
class CorpusParseAllTest {

  private static final Importer IMPORTER = new Importer();

  private static List<ParseOutcome> importAll(String set) {
    List<SourceRef> refs = new SourceScanner().scan(List.of(SharedCorpus.corpus(set).toString()));
    List<ParseOutcome> outcomes = refs.parallelStream().map(CorpusParseAllTest::importOne).toList();
    Map<String, Long> kinds = outcomes.stream()
        .collect(Collectors.groupingBy(o -> o.getClass().getSimpleName(), java.util.TreeMap::new,
            Collectors.counting()));
    long warned = outcomes.stream().filter(o -> o instanceof ParseOutcome.Parsed p && !p.warnings().isEmpty()).count();
    System.out.printf("%s: %d sources %s, %d episodes, %d sources with warnings%n", set, refs.size(), kinds,
        episodes(outcomes).size(), warned);
    return outcomes;
  }

  private static ParseOutcome importOne(SourceRef ref) {
    try {
      return IMPORTER.parse(IMPORTER.load(ref));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Episode> episodes(List<ParseOutcome> outcomes) {
    return outcomes.stream().filter(o -> o instanceof ParseOutcome.Parsed)
        .flatMap(o -> ((ParseOutcome.Parsed) o).episodes().stream()).toList();
  }

  private static List<String> failures(List<ParseOutcome> outcomes) {
    return outcomes.stream().filter(o -> o instanceof ParseOutcome.Failed)
        .map(o -> ((ParseOutcome.Failed) o).message()).toList();
  }

  @Test
  void someEngineeringParsesCompletely() {
    List<ParseOutcome> outcomes = importAll("someengineering-podcast");
    assertThat(failures(outcomes)).isEmpty();
    assertThat(outcomes).hasSize(24).allMatch(o -> o instanceof ParseOutcome.Parsed);
    assertThat(episodes(outcomes)).hasSize(24).extracting(Episode::id).doesNotHaveDuplicates();
  }

  @Test
  void syntaxParsesCompletelyWithChapters() {
    List<ParseOutcome> outcomes = importAll("syntaxfm-shownotes");
    assertThat(failures(outcomes)).isEmpty();
    List<Episode> episodes = episodes(outcomes);
    assertThat(episodes).hasSize(1033).allSatisfy(e -> {
      assertThat(e.episodeNumber()).isNotNull();
      assertThat(e.published()).isNotNull();
      assertThat(e.audioUrl()).isNotNull();
    });
    assertThat(episodes.stream().filter(e -> !e.chapters().isEmpty()).count()).isGreaterThan(600);
  }

  @Test
  void bitcoinTranscriptsParseAndOnlySectionPagesAreSkipped() {
    List<ParseOutcome> outcomes = importAll("bitcointranscripts");
    assertThat(failures(outcomes)).isEmpty();
    assertThat(outcomes).filteredOn(o -> o instanceof ParseOutcome.Skipped)
        .allMatch(o -> o.ref().source().matches("(.*/)?_index(\\.[a-z]{2})?\\.md"));
    assertThat(episodes(outcomes)).hasSizeGreaterThan(1200).allSatisfy(e -> assertThat(e.title()).isNotBlank());
  }

  @Test
  void changelogTranscriptsParseCompletelyWithCues() {
    List<ParseOutcome> outcomes = importAll("changelog-transcripts");
    assertThat(failures(outcomes)).isEmpty();
    assertThat(outcomes).allMatch(o -> o instanceof ParseOutcome.Parsed p && p.format() == Format.TEXT_TRANSCRIPT);
    assertThat(episodes(outcomes)).hasSize(2084).allSatisfy(e -> {
      assertThat(e.podcast()).isNotBlank();
      assertThat(e.transcript()).isNotEmpty();
    });
  }
}
