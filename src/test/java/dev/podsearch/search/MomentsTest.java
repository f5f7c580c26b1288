package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MomentsTest {
  @Test
  void aShortCueIsShownWholeWithItsMatchesMarkedAndEscaped() {
    String cue = "Tracing <b>tells</b> you where time goes.";

    assertThat(Moments.excerpt(cue, new int[] {0}, new int[] {7}))
        .isEqualTo("<mark>Tracing</mark> &lt;b&gt;tells&lt;/b&gt; you where time goes.");
  }

  @Test
  void aLongCueIsCutAroundItsFirstMatchAtSpacesWithEllipses() {
    String before = "word ".repeat(200);
    String cue = before + "observability matters " + "more ".repeat(200);
    int start = before.length();

    String excerpt = Moments.excerpt(cue, new int[] {start}, new int[] {start + "observability".length()});

    assertThat(excerpt).startsWith("… word").endsWith("more …").contains("<mark>observability</mark> matters");
    assertThat(excerpt.replace("<mark>", "").replace("</mark>", "").length())
        .isBetween(Moments.MOMENT_CHARS - 10, Moments.MOMENT_CHARS + 10);
  }

  @Test
  void matchesOutsideTheExcerptAreLeftOutNotBroken() {
    String cue = "alpha " + "filler ".repeat(100) + "alpha";
    int last = cue.length() - 5;

    String excerpt = Moments.excerpt(cue, new int[] {0, last}, new int[] {5, last + 5});

    assertThat(excerpt).startsWith("<mark>alpha</mark> filler").endsWith("filler …").doesNotContain("<mark> ");
    assertThat(excerpt.split("<mark>", -1)).hasSize(2);
  }
}
