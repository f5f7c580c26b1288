package dev.podsearch.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  private final Episode episode =
      Episode.builder()
          .id("abc")
          .title("On Iceberg")
          .published(LocalDate.of(2023, 4, 5))
          .people(List.of(new Person("Lars Kamp", Role.HOST)))
          .transcript(List.of(new Cue(1.5, 3, "Lars", "hello")))
          .source("data/x.txt")
          .build();

  @Test
  void writesEpisodeFieldsInContractOrderWithIsoDatesAndLowerCaseRoles() {
    String json = Json.write(episode);

    assertThat(json).startsWith("{\"id\":\"abc\",\"podcast\":null,\"title\":\"On Iceberg\"");
    assertThat(json).contains("\"published\":\"2023-04-05\"");
    assertThat(json).contains("\"people\":[{\"name\":\"Lars Kamp\",\"role\":\"host\"}]");
    assertThat(json).contains("\"transcript\":[{\"start\":1.5,\"end\":3.0,\"speaker\":\"Lars\",\"text\":\"hello\"}]");
    assertThat(json).doesNotContain("toBuilder");
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(Json.read(Json.write(episode), Episode.class)).isEqualTo(episode);
  }
}
