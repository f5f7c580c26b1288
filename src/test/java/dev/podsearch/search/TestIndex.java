package dev.podsearch.search;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.index.SourceInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds real indexes for search tests through the writer side (IndexUpdater + EpisodeSchema.toDocument). */
final class TestIndex {
  static final String ORIGIN = "/test";

  private TestIndex() {}

  /** Commits {@code episodes} to the index in {@code dir} (adding to what is there), one source per episode. */
  static void write(Path dir, List<Episode> episodes) {
    try (IndexUpdater updater = IndexUpdater.open(dir, false)) {
      for (Episode e : episodes) {
        SourceInfo source = new SourceInfo(ORIGIN, e.id() + ".md", "markdown", "hash-" + e.id());
        updater.replaceSource(source.key(), List.of(EpisodeSchema.toDocument(e, source)));
      }
      updater.commit(Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path dir, Episode... episodes) {
    write(dir, Arrays.asList(episodes));
  }

  /** A small episode: id, title, tags and show notes; a fixed podcast and date unless changed with toBuilder. */
  static Episode episode(String id, String title, String text, String... tags) {
    return Episode.builder()
        .id(id)
        .podcast("Cloud Talk")
        .title(title)
        .url("https://example.org/" + id)
        .published(LocalDate.of(2023, 1, 1))
        .tags(List.of(tags))
        .text(text)
        .source(id + ".md")
        .build();
  }

  /** The test collection most service tests share: a few episodes on cloud topics, by two podcasts. */
  static List<Episode> collection() {
    return List.of(
        episode("k8s-title", "Kubernetes in production", "We talk about clusters and operators.", "Kubernetes", "DevOps")
            .toBuilder()
            .people(List.of(new Person("Lars Kamp", Role.HOST), new Person("Ada Lovelace", Role.GUEST)))
            .published(LocalDate.of(2023, 5, 17))
            .description("Running clusters for real.")
            .build(),
        episode("k8s-body", "Running containers", "Some teams adopt kubernetes later than others.", "DevOps")
            .toBuilder()
            .people(List.of(new Person("Lars Kamp", Role.HOST)))
            .published(LocalDate.of(2022, 3, 1))
            .build(),
        episode("costs", "Cloud costs shifting left", "Developers own the cloud bill and cost awareness grows.",
                "Cloud Spend", "FinOps")
            .toBuilder()
            .published(LocalDate.of(2022, 9, 21))
            .description("Why cost awareness is part of <b>development</b> culture.")
            .build(),
        episode("finops", "From FinOps to financial engineering", "Budgets, forecasts and cloud spend.", "FinOps",
                "Cloud Spend")
            .toBuilder()
            .podcast("Money Matters")
            .people(List.of(new Person("Grace Hopper", Role.GUEST)))
            .published(LocalDate.of(2021, 6, 2))
            .build(),
        episode("script", "Escaping on the web", "Never trust <script>alert('x')</script> in user input & output.",
                "Security")
            .toBuilder()
            .published(LocalDate.of(2020, 2, 2))
            .build(),
        episode("talk", "A long conversation", "Show notes with nothing special.", "DevOps")
            .toBuilder()
            .audioUrl("https://cdn.example.org/talk.mp3")
            .chapters(List.of(new Chapter(0, "Intro"), new Chapter(10, "Tracing deep dive")))
            .published(LocalDate.of(2024, 4, 4))
            .transcript(
                List.of(
                    new Cue(0, 5, "Lars", "Welcome to the show."),
                    new Cue(5, 12, "Ada", "Today we discuss observability and tracing."),
                    new Cue(12, 20, "Lars", "Tracing tells you where time goes."),
                    new Cue(20, 30, "Ada", "And logs tell you why.")))
            .build());
  }
}
