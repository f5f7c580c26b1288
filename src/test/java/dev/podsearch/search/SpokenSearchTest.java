package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Searching what was said: speaker: queries, phrases across cues, moments with chapters and links. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpokenSearchTest {
  @TempDir static Path dir;
  LuceneSearchService service;

  @BeforeAll
  void buildIndex() {
    TestIndex.write(dir, List.of(
        TestIndex.episode("ada-says", "Observability chat", "Notes.").toBuilder()
            .audioUrl("https://cdn.example.org/ada.mp3")
            .chapters(List.of(new Chapter(0, "Hello"), new Chapter(10, "Tools"), new Chapter(40, "Goodbye")))
            .transcript(List.of(
                new Cue(0, 5, "Lars Kamp", "Tracing is my favourite topic."),
                new Cue(10.0, 14, "Ada Lovelace", "I never use tracing myself."),
                new Cue(14, 20, "Lars Kamp", "Logs then? We rely on distributed"),
                new Cue(20.75, 26, "Lars Kamp", "tracing for everything else."),
                new Cue(40, 45, null, "Tracing music plays.")))
            .build(),
        TestIndex.episode("lars-says", "Logging chat", "Notes.").toBuilder()
            .people(List.of(new Person("Grace Hopper", Role.GUEST)))
            .transcript(List.of(
                new Cue(0, 5, "Lars Kamp", "Tracing again and again."),
                new Cue(5, 9, "Ada Lovelace", "Logs only, please.")))
            .build()));
    service = LuceneSearchService.open(dir);
  }

  @AfterAll
  void close() {
    service.close();
  }

  private List<Hit> hits(String q) {
    return service.search(SearchRequest.of(q)).hits();
  }

  @Test
  void speakerFindsTheEpisodesWhereThatPersonSaidTheWordsAndOnlyTheirCues() {
    assertThat(hits("speaker:\"Ada Lovelace\" tracing")).singleElement().satisfies(hit -> {
      assertThat(hit.id()).isEqualTo("ada-says");
      assertThat(hit.moments()).extracting(Moment::start, Moment::speaker, Moment::text)
          .containsExactly(tuple(10.0, "Ada Lovelace", "I never use <mark>tracing</mark> myself."));
    });
    assertThat(hits("speaker:\"Lars Kamp\" logs")).extracting(Hit::id).containsExactly("ada-says");
  }

  @Test
  void aSpeakerNameMatchesByAnyOfItsPartsAndItsCaseAndAccents() {
    assertThat(hits("speaker:ada tracing")).extracting(Hit::id).containsExactly("ada-says");
    assertThat(hits("SPEAKER:\"ada LOVELACE\" tracing")).extracting(Hit::id).containsExactly("ada-says");
    assertThat(hits("speaker:\"Ádá Lovelace\" logs")).extracting(Hit::id).containsExactly("lars-says");
  }

  @Test
  void aQuotedPhraseMustBeSaidInOneGoByThatSpeaker() {
    assertThat(hits("speaker:ada \"use tracing\"")).extracting(Hit::id).containsExactly("ada-says");
    assertThat(hits("speaker:lars \"use tracing\"")).isEmpty();
  }

  @Test
  void aSpeakerAloneFindsTheEpisodesTheySpeakInOrArePeopleOf() {
    assertThat(hits("speaker:\"Ada Lovelace\"")).extracting(Hit::id).containsExactlyInAnyOrder("ada-says", "lars-says");
    assertThat(hits("speaker:\"Grace Hopper\"")).extracting(Hit::id).containsExactly("lars-says");
    assertThat(hits("speaker:nobody tracing")).isEmpty();
  }

  @Test
  void otherScopesStillApplyBesideASpeaker() {
    assertThat(hits("speaker:ada tracing title:logging")).isEmpty();
    assertThat(hits("speaker:lars tracing -title:logging")).extracting(Hit::id).containsExactly("ada-says");
  }

  @Test
  void aPhraseMatchesAcrossACueBoundaryAndItsMomentIsTheCueWhereItStarts() {
    assertThat(hits("\"distributed tracing\"")).singleElement().satisfies(hit -> {
      assertThat(hit.id()).isEqualTo("ada-says");
      assertThat(hit.moments()).singleElement().satisfies(m -> {
        assertThat(m.start()).isEqualTo(14.0);
        assertThat(m.text()).isEqualTo("Logs then? We rely on <mark>distributed</mark>");
        assertThat(m.link()).isEqualTo("https://cdn.example.org/ada.mp3#t=14");
      });
    });
  }

  @Test
  void momentsNameTheChapterTheyFallInAndLinkToTheWholeSecond() {
    Hit hit = hits("tracing").stream().filter(h -> h.id().equals("ada-says")).findFirst().orElseThrow();

    assertThat(hit.moments()).extracting(Moment::start, Moment::chapter, Moment::chapterStart, Moment::link)
        .containsExactly(
            tuple(0.0, "Hello", 0.0, "https://cdn.example.org/ada.mp3#t=0"),
            tuple(10.0, "Tools", 10.0, "https://cdn.example.org/ada.mp3#t=10"),
            tuple(20.75, "Tools", 10.0, "https://cdn.example.org/ada.mp3#t=20"),
            tuple(40.0, "Goodbye", 40.0, "https://cdn.example.org/ada.mp3#t=40"));
  }

  @Test
  void withoutAudioAMomentLinksToTheEpisodePage() {
    Hit hit = hits("speaker:lars again").get(0);

    assertThat(hit.moments()).extracting(Moment::link).containsExactly("https://example.org/lars-says");
    assertThat(hit.moments()).extracting(Moment::chapter).containsOnlyNulls();
  }

  @Test
  void theParserGivesTheUnscopedWordsAndPhrasesToTheSpeaker() {
    UserQuery q = UserQueryParser.parse("speaker:\"Ada L\" compilers \"by hand\" -rust title:history");

    assertThat(q.optional()).isEmpty();
    assertThat(q.excluded()).singleElement().isInstanceOf(UserQuery.Word.class);
    assertThat(q.required()).hasSize(2).last().isInstanceOfSatisfying(UserQuery.Said.class, said -> {
      assertThat(said.speakers()).containsExactly("Ada L");
      assertThat(said.units()).extracting(u -> u.getClass().getSimpleName()).containsExactly("Word", "Phrase");
    });
  }

  @Test
  void aSpeakerWithoutANameIsRefusedWithAnExample() {
    assertThatThrownBy(() -> hits("speaker: tracing"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("speaker:\"Ada Lovelace\"");
  }
}
