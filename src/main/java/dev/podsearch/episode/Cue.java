package dev.podsearch.episode;

/**
 * One timed stretch of a transcript: what {@code speaker} said between {@code start} and {@code end} seconds.
 *
 * <p>{@code end} may equal {@code start} when the source only gives start times; {@code speaker} may be null.
 */
public record Cue(double start, double end, String speaker, String text) {
  public Cue {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("cue times out of order: " + start + " -> " + end);
    }
    text = text == null ? "" : text;
  }
}
