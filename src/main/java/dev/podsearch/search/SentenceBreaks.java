package dev.podsearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets, found in one pass over the text: after {@code . ? !} (and closing quotes or
 * brackets) followed by white space, unless a lower-case word follows a full stop ("e.g. this"), and after line
 * breaks.
 *
 * <p>The JDK's sentence iterator gives much the same boundaries but backs up and re-scans on every {@code preceding}
 * call, which made highlighting notes tens of kilobytes long the costliest part of a search.
 */
final class SentenceBreaks extends BreakIterator {
  private static final String CLOSERS = "\"')]}’”»";

  private String text = "";
  private int[] bounds = {0};
  private int index;

  @Override
  public void setText(String newText) {
    text = newText;
    bounds = boundaries(newText);
    index = 0;
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
    return new StringCharacterIterator(text, current());
  }

  @Override
  public int current() {
    return bounds[index];
  }

  @Override
  public int first() {
    index = 0;
    return current();
  }

  @Override
  public int last() {
    index = bounds.length - 1;
    return current();
  }

  @Override
  public int next() {
    if (index == bounds.length - 1) {
      return DONE;
    }
    return bounds[++index];
  }

  @Override
  public int next(int n) {
    int target = index + n;
    if (target < 0 || target >= bounds.length) {
      index = target < 0 ? 0 : bounds.length - 1;
      return DONE;
    }
    index = target;
    return current();
  }

  @Override
  public int previous() {
    if (index == 0) {
      return DONE;
    }
    return bounds[--index];
  }

  /** The first boundary after {@code offset}, or DONE (current at the end) when there is none. */
  @Override
  public int following(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, offset);
    int next = i >= 0 ? i + 1 : -i - 1;
    if (next >= bounds.length) {
      index = bounds.length - 1;
      return DONE;
    }
    index = next;
    return current();
  }

  /** The last boundary before {@code offset}, or DONE (current at the start) when there is none. */
  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, offset);
    int prev = i >= 0 ? i - 1 : -i - 2;
    if (prev < 0) {
      index = 0;
      return DONE;
    }
    index = prev;
    return current();
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(bounds, offset);
    if (i >= 0) {
      index = i;
      return true;
    }
    following(offset);
    return false;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text (length " + text.length() + ")");
    }
  }

  /** 0, every sentence start, and the text's length, ascending and distinct. */
  static int[] boundaries(String text) {
    int n = text.length();
    int[] out = new int[16];
    int count = 0;
    out[count++] = 0;
    for (int i = 0; i < n; i++) {
      int start = sentenceStartAfter(text, i);
      if (start > 0 && start < n && start > out[count - 1]) {
        if (count == out.length) {
          out = Arrays.copyOf(out, count * 2);
        }
        out[count++] = start;
        i = start - 1;
      }
    }
    if (n > out[count - 1]) {
      out = count == out.length ? Arrays.copyOf(out, count + 1) : out;
      out[count++] = n;
    }
    return Arrays.copyOf(out, count);
  }

  /** Where the next sentence starts when one ends at {@code i}, else -1. */
  private static int sentenceStartAfter(String text, int i) {
    char c = text.charAt(i);
    boolean lineBreak = c == '\n' || c == '\r' || c == '\u2029';
    if (!lineBreak && c != '.' && c != '?' && c != '!') {
      return -1;
    }
    int j = i + 1;
    while (!lineBreak && j < text.length() && CLOSERS.indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    if (!lineBreak && (j == text.length() || !Character.isWhitespace(text.charAt(j)))) {
      return -1; // "3.5", "node.js": no sentence end without a space after
    }
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    if (c == '.' && j < text.length() && Character.isLowerCase(text.charAt(j))) {
      return -1; // an abbreviation: "e.g. this"
    }
    return j;
  }
}
