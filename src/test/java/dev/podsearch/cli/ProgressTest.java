package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void plainProgressEndsWithTheFinalCount() {
    StringWriter err = new StringWriter();
    try (Progress progress = Progress.plain(new PrintWriter(err), Long.MAX_VALUE).start("reindex", 4)) {
      progress.step();
      progress.step();
      progress.step();
    }

    assertThat(err.toString()).isEqualTo("reindex: 3/4 sources (75%)" + System.lineSeparator());
  }

  @Test
  void plainProgressPrintsAsItGoesWhenTheIntervalIsZero() {
    StringWriter err = new StringWriter();
    try (Progress progress = Progress.plain(new PrintWriter(err), 0).start("reindex", 2)) {
      progress.step();
    }

    assertThat(err.toString().lines()).containsExactly("reindex: 1/2 sources (50%)", "reindex: 1/2 sources (50%)");
  }

  @Test
  void emptyRunIsComplete() {
    StringWriter err = new StringWriter();
    Progress.plain(new PrintWriter(err), Long.MAX_VALUE).start("reindex", 0).close();

    assertThat(err.toString()).contains("0/0 sources (100%)");
  }
}
