package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Durations, dates and clock times in the forms real feeds and transcripts write them. */
class FeedDurationsTest {

  @Test
  void readsDurationsInEveryCommonForm() {
    assertThat(FeedDurations.seconds("3600")).isEqualTo(3600);
    assertThat(FeedDurations.seconds("2537.639")).isEqualTo(2538);
    assertThat(FeedDurations.seconds("45:30")).isEqualTo(2730);
    assertThat(FeedDurations.seconds("1:05:20")).isEqualTo(3920);
    assertThat(FeedDurations.seconds("00:60:05")).as("minutes past 59, as written by a real feed").isEqualTo(3605);
    assertThat(FeedDurations.seconds("1h 2m")).isEqualTo(3720);
    assertThat(FeedDurations.seconds("1 hr 2 mins 3 secs")).isEqualTo(3723);
    assertThat(FeedDurations.seconds("62 min")).isEqualTo(3720);
    assertThat(FeedDurations.seconds("PT1H2M3S")).isEqualTo(3723);
    assertThat(FeedDurations.seconds("")).isNull();
    assertThat(FeedDurations.seconds("forever")).isNull();
    assertThat(FeedDurations.seconds("12:75")).as("seconds past 59").isNull();
  }

  @Test
  void readsRfc822AndIsoDatesAsThePublisherWroteThem() {
    LocalDate mar5 = LocalDate.of(2024, 3, 5);
    assertThat(FeedDates.parse("Tue, 05 Mar 2024 23:30:00 -0800")).isEqualTo(mar5);
    assertThat(FeedDates.parse("Tue 5 Mar 2024 18:00:00 PST")).isEqualTo(mar5);
    assertThat(FeedDates.parse("Tue, 5 March 2024 18:00:00 EST")).isEqualTo(mar5);
    assertThat(FeedDates.parse("5 Mar 24 18:00 GMT")).isEqualTo(mar5);
    assertThat(FeedDates.parse("2024-03-05T23:30:00.000-0600")).isEqualTo(mar5);
    assertThat(FeedDates.parse("2024-03-05")).isEqualTo(mar5);
    assertThat(FeedDates.parse("March 5th, 2024")).isEqualTo(mar5);
    assertThat(FeedDates.parse("31 Feb 2024 10:00:00 GMT")).isNull();
    assertThat(FeedDates.parse("soon")).isNull();
  }

  @Test
  void readsTranscriptClockTimesExactly() {
    assertThat(TranscriptTimes.seconds("00:00:07,738")).isEqualTo(7.738);
    assertThat(TranscriptTimes.seconds("01:02:03.5")).isEqualTo(3723.5);
    assertThat(TranscriptTimes.seconds("02:03.250")).isEqualTo(123.25);
    assertThat(TranscriptTimes.seconds("0.860")).isEqualTo(0.86);
    assertThat(TranscriptTimes.seconds("1:07")).isEqualTo(67.0);
    assertThat(TranscriptTimes.seconds("00:00:xx")).isNull();
    assertThat(TranscriptTimes.seconds("99999999999999999999")).isNull();
  }
}
