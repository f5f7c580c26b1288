package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Cue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTranscriptParserTest {
  private final List<String> warnings = new ArrayList<>();

  @Test
  void readsCiteTimeAndParagraphRunsEndingEachCueWhereTheNextStarts() throws Exception {
    List<Cue> cues = new HtmlTranscriptParser().cues("""
        <cite>Travis:</cite>
        <time>0:00</time>
        <p>When you first get started&#39;s.</p>
        <cite>Sarah:</cite>
        <time>1:02:03</time>
        <p>Creating good audio.</p>
        """, warnings);

    assertThat(cues).containsExactly(
        new Cue(0, 3723, "Travis", "When you first get started's."),
        new Cue(3723, 3723, "Sarah", "Creating good audio."));
  }

  @Test
  void skipsTheParagraphOfAnUnreadableTimeWithAWarning() throws Exception {
    List<Cue> cues = new HtmlTranscriptParser().cues("""
        <time>0:05</time>
        <p>Kept.</p>
        <time>later</time>
        <p>Skipped.</p>
        """, warnings);

    assertThat(cues).containsExactly(new Cue(5, 5, null, "Kept."));
    assertThat(warnings).containsExactly("line 3: unreadable time 'later', paragraph skipped");
  }

  @Test
  void failsWhenThereIsNoParagraph() {
    assertThatThrownBy(() -> new HtmlTranscriptParser().cues("<cite>Nobody:</cite>", warnings))
        .isInstanceOf(ParseException.class)
        .hasMessage("no HTML transcript cues found");
  }
}
