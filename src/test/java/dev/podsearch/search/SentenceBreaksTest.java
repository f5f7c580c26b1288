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
  void precedingAndFollowingAgreeWithWalkingTheBoundariesAtEveryOffset() {
    String text = "Hi! \"Ok.\" e.g. this. 3.5 node.js?\n\n  Next (one.) Last line\rend.";
    BreakIterator walk = new SentenceBreaks();
    walk.setText(text);
    List<Integer> bounds = new ArrayList<>();
    for (int b = walk.first(); b != BreakIterator.DONE; b = walk.next()) {
      bounds.add(b);
    }
    BreakIterator it = new SentenceBreaks();
    it.setText(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      int at = offset;
      int following = bounds.stream().filter(b -> b > at).findFirst().orElse(BreakIterator.DONE);
      int preceding = bounds.stream().filter(b -> b < at).reduce((a, b) -> b).orElse(BreakIterator.DONE);
      assertThat(it.following(offset)).as("following(%d)", offset).isEqualTo(following);
      assertThat(it.preceding(offset)).as("preceding(%d)", offset).isEqualTo(preceding);
    }
    assertThat(bounds).startsWith(0).endsWith(text.length());
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

  @Test
  void textWithoutSentenceEndsBreaksAtAWordStartWithinTheScanLimit() {
    String text = "word ".repeat(10_000);
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText(text);

    int after = breaks.following(20_000);
    int before = breaks.preceding(20_000);

    assertThat(after).isGreaterThan(20_000).isLessThanOrEqualTo(20_000 + SentenceBreaks.MAX_SCAN + 5);
    assertThat(before).isLessThan(20_000).isGreaterThanOrEqualTo(20_000 - SentenceBreaks.MAX_SCAN);
    assertThat(text.charAt(after - 1)).isEqualTo(' ');
    assertThat(text.charAt(before - 1)).isEqualTo(' ');
  }

  @Test
  void theBoundaryNearestAnOffsetIsWhereASentenceStartsInTheWholeScan() {
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = {'a', 'B', 'é', '.', '!', '?', ' ', ' ', '\n', '"', ')', '\u00a0', '\u2029', '\t', '3'};
    SentenceBreaks breaks = new SentenceBreaks();
    for (int round = 0; round < 300; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = sb.toString();
      breaks.setText(text);
      for (int offset = 0; offset < text.length(); offset++) {
        int next = -1;
        for (int j = offset + 1; j < text.length() && next < 0; j++) {
          next = SentenceBreaks.startsSentence(text, j) ? j : -1;
        }
        int previous = -1;
        for (int j = offset - 1; j > 0 && previous < 0; j--) {
          previous = SentenceBreaks.startsSentence(text, j) ? j : -1;
        }
        assertThat(breaks.following(offset)).as("following %d in %s", offset, text)
            .isEqualTo(next < 0 ? text.length() : next);
        if (offset > 0) {
          assertThat(breaks.preceding(offset)).as("preceding %d in %s", offset, text)
              .isEqualTo(previous < 0 ? 0 : previous);
        }
      }
    }
  }
}
