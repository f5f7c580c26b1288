package dev.podsearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by looking only near the asked offset: after {@code . ? !} (and closing quotes or
 * brackets) followed by white space, unless a lower-case word follows a full stop ("e.g. this"), and after line
 * breaks.
 *
 * <p>The JDK's sentence iterator gives much the same boundaries but backs up and re-scans on every {@code preceding}
 * call, which made highlighting notes tens of kilobytes long the costliest part of a search.
 */
final class SentenceBreaks extends BreakIterator {
  private static final String CLOSERS = "\"')]}’”»";
  /**
   * How far a boundary is looked for: text without sentence punctuation (many transcripts) would otherwise be scanned
   * to its end around every match. Past it, the nearest word start counts as a boundary; snippets are cut to a few
   * hundred characters anyway.
   */
  static final int MAX_SCAN = 500;

  private String text = "";
  private int current;

  @Override
  public void setText(String newText) {
    text = newText;
    current = 0;
  }

  @Override
  public void setText(CharacterIterator it) {
    StringBuilder sb = new StringBuilder();
    for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
      sb.append(c);
    }
    setText(sb.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text, current);
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int first() {
    return current = 0;
  }

  @Override
  public int last() {
    return current = text.length();
  }

  @Override
  public int next() {
    return current == text.length() ? DONE : following(current);
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < Math.abs(n) && result != DONE; i++) {
      result = n > 0 ? next() : previous();
    }
    return result;
  }

  @Override
  public int previous() {
    return current == 0 ? DONE : preceding(current);
  }

  /** The first boundary after {@code offset}, or DONE (current at the end) when there is none. */
  @Override
  public int following(int offset) {
    checkOffset(offset);
    if (offset == text.length()) {
      current = offset;
      return DONE;
    }
    int j = offset + 1;
    int limit = Math.min(text.length(), offset + MAX_SCAN);
    while (j < limit && !startsSentence(text, j)) {
      j++;
    }
    return current = j == limit ? wordStart(j, text.length()) : j;
  }

  /** The last boundary before {@code offset}, or DONE (current at the start) when there is none. */
  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    if (offset == 0) {
      current = 0;
      return DONE;
    }
    int j = offset - 1;
    int limit = Math.max(0, offset - MAX_SCAN);
    while (j > limit && !startsSentence(text, j)) {
      j--;
    }
    return current = j == limit && j > 0 ? Math.min(wordStart(j, offset), offset - 1) : j;
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    if (offset == 0 || offset == text.length() || startsSentence(text, offset)) {
      current = offset;
      return true;
    }
    following(offset);
    return false;
  }

  /** The first word start at or after {@code from} (a character after white space), else {@code end}. */
  private int wordStart(int from, int end) {
    int j = from;
    while (j < end && j > 0 && !(Character.isWhitespace(text.charAt(j - 1)) && !Character.isWhitespace(text.charAt(j)))) {
      j++;
    }
    return j;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text (length " + text.length() + ")");
    }
  }

  /**
   * Whether a sentence starts at {@code j}: a visible character after white space that holds a line break or
   * follows {@code ? !}, or {@code .} when this is no lower-case word; closing quotes or brackets may sit between.
   * Decided from the characters just before {@code j}, so a boundary is found without scanning the whole text.
   */
  static boolean startsSentence(String text, int j) {
    if (j <= 0 || j >= text.length() || Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    int w = j;
    while (w > 0 && Character.isWhitespace(text.charAt(w - 1))) {
      w--;
      char c = text.charAt(w);
      if (c == '\n' || c == '\r' || c == '\u2029') {
        return true;
      }
    }
    if (w == j) {
      return false; // "3.5", "node.js": no sentence end without a space after
    }
    int t = w - 1;
    while (t >= 0 && CLOSERS.indexOf(text.charAt(t)) >= 0) {
      t--;
    }
    if (t < 0) {
      return false;
    }
    char end = text.charAt(t);
    // a full stop before a lower-case word is an abbreviation: "e.g. this"
    return end == '?' || end == '!' || (end == '.' && !Character.isLowerCase(text.charAt(j)));
  }
}
