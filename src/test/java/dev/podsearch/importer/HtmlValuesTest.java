package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlValuesTest {

  @Test
  void readsDatesAsPagesWriteThem() {
    assertThat(HtmlValues.date("2026-06-19T00:00:00.000Z")).isEqualTo(LocalDate.of(2026, 6, 19));
    assertThat(HtmlValues.date("Posted 2019/04/07")).isEqualTo(LocalDate.of(2019, 4, 7));
    assertThat(HtmlValues.date("Mar 27, 2018")).isEqualTo(LocalDate.of(2018, 3, 27));
    assertThat(HtmlValues.date("September 3rd, 2015")).isEqualTo(LocalDate.of(2015, 9, 3));
    assertThat(HtmlValues.date("27 de março de 2018")).isEqualTo(LocalDate.of(2018, 3, 27));
    assertThat(HtmlValues.date("5 juillet 2020")).isEqualTo(LocalDate.of(2020, 7, 5));
    assertThat(HtmlValues.date("3. Dezember 2021")).isEqualTo(LocalDate.of(2021, 12, 3));
    assertThat(HtmlValues.date("05.03.2024")).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(HtmlValues.date("14 mei 2023")).isEqualTo(LocalDate.of(2023, 5, 14));
    assertThat(HtmlValues.date("2 luglio 2022")).isEqualTo(LocalDate.of(2022, 7, 2));
    assertThat(HtmlValues.date("Episode 12 of 2020")).isNull();
    assertThat(HtmlValues.date("2021-02-30")).isNull();
  }

  @Test
  void readsIsoAndClockDurations() {
    assertThat(HtmlValues.seconds("PT1H2M3S")).isEqualTo(3723);
    assertThat(HtmlValues.seconds("PT45M")).isEqualTo(2700);
    assertThat(HtmlValues.seconds("P0DT1H")).isEqualTo(3600);
    assertThat(HtmlValues.seconds("1:02:03")).isEqualTo(3723);
    assertThat(HtmlValues.seconds("62:03")).isEqualTo(3723);
    assertThat(HtmlValues.seconds("45 min")).isEqualTo(2700);
    assertThat(HtmlValues.seconds("1h 5min")).isEqualTo(3900);
    assertThat(HtmlValues.seconds("1 hour, 2 minutes, 3 seconds")).isEqualTo(3723);
    assertThat(HtmlValues.seconds("an hour")).isNull();
    assertThat(HtmlValues.seconds("")).isNull();
  }

  @Test
  void readsEpisodeAndSeasonNumbers() {
    assertThat(HtmlValues.episodeNumber("Episode #274")).isEqualTo(274);
    assertThat(HtmlValues.episodeNumber("Episódio 130: Lígia")).isEqualTo(130);
    assertThat(HtmlValues.episodeNumber("Ep. 12 – Night Trains")).isEqualTo(12);
    assertThat(HtmlValues.episodeNumber("S02E05 The Return")).isEqualTo(5);
    assertThat(HtmlValues.seasonNumber("S02E05 The Return")).isEqualTo(2);
    assertThat(HtmlValues.seasonNumber("Temporada 3, episódio 4")).isEqualTo(3);
    assertThat(HtmlValues.episodeNumber("Aflevering 17: Fietsen")).isEqualTo(17);
    assertThat(HtmlValues.episodeNumber("Top 5 books")).isNull();
  }

  @Test
  void dropsAudioLinksThatLostTheirFileName() {
    assertThat(HtmlValues.isAudioUrl("https://cdn.example/a.mp3?x=1")).isTrue();
    assertThat(HtmlValues.isAudioUrl("https://youtu.be/abc")).isFalse();
    assertThat(HtmlValues.isBrokenAudioUrl("http://podcasts.example/10588/morningshow-.mp3")).isTrue();
    assertThat(HtmlValues.isBrokenAudioUrl("http://podcasts.example/10588/morningshow-274.mp3")).isFalse();
  }
}
