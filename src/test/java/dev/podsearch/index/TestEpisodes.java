package dev.podsearch.index;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.time.LocalDate;
import java.util.List;

/** Small hand-built episodes for index tests. */
final class TestEpisodes {
  private TestEpisodes() {}

  static Episode rich() {
    return Episode.builder()
        .id("ep-rich")
        .podcast("Cloud Talk")
        .title("Scaling Postgres on Kubernetes")
        .url("https://example.org/ep/42")
        .published(LocalDate.of(2023, 5, 17))
        .durationSeconds(3120)
        .episodeNumber(42)
        .people(List.of(new Person("Lars Kamp", Role.HOST), new Person("Ada Lovelace", Role.GUEST)))
        .tags(List.of("databases", "kubernetes"))
        .description("How operators run stateful workloads.")
        .text("Show notes about replicas and failover.")
        .transcript(List.of(new Cue(0, 4, "Lars", "Welcome to the show."), new Cue(4, 9, "Ada", "Thanks for having me.")))
        .source("cloud/ep42.html")
        .contentHash("abc")
        .build();
  }

  static Episode plain(String id, String title) {
    return Episode.builder().id(id).title(title).text("text of " + title).build();
  }
}
