package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  @Test
  void sentencesEndAfterStopsQuestionAndExclamationMarks() {
    assertThat(sentences("We ship. Do you? Yes! Done")).containsExactly("We ship. ", "Do you? ", "Yes! ", "Done");
  }

  @Test
  void closingQuotesAndBracketsStayWithTheirSentence() {
    assertThat(sentences("He said \"stop.\" Then (quietly.) Left")).containsExactly("He said \"stop.\" ", "Then (quietly.) ", "Left");
  }

  @Test
  void aStopWithoutSpaceOrBeforeALowerCaseWordEndsNothing() {
    assertThat(sentences("Version 3.5 of node.js is out, e.g. today. Next")).containsExactly(
        "Version 3.5 of node.js is out, e.g. today. ", "Next");
  }

  @Test
  void lineBreaksEndSentences() {
    assertThat(sentences("Show notes\n\n- item one\r\nitem two")).containsExactly("Show notes\n\n", "- item one\r\n", "item two");
  }

  @Test
  void precedingAndFollowingFindTheSurroundingBoundaries() {
    BreakIterator it = new SentenceBreaks();
    it.setText("One. Two. Three.");

    assertThat(it.preceding(7)).isEqualTo(5);
    assertThat(it.following(7)).isEqualTo(10);
    assertThat(it.following(5)).isEqualTo(10);
    assertThat(it.preceding(5)).isEqualTo(0);
    assertThat(it.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(it.following(16)).isEqualTo(BreakIterator.DONE);
    assertThat(it.last()).isEqualTo(16);
    assertThat(it.previous()).isEqualTo(10);
    assertThat(it.isBoundary(5)).isTrue();
    assertThat(it.isBoundary(6)).isFalse();
  }

  @Test
  void emptyTextHasOnlyItsStart() {
    BreakIterator it = new SentenceBreaks();
    it.setText("");

    assertThat(it.first()).isZero();
    assertThat(it.next()).isEqualTo(BreakIterator.DONE);
    assertThat(it.following(0)).isEqualTo(BreakIterator.DONE);
  }

  private static List<String> sentences(String text) {
    BreakIterator it = new SentenceBreaks();
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }
}
