package dev.podsearch.index;

/** There is no committed index to read (not built yet) or it is closing; the message says what to do. */
public final class IndexNotReadyException extends RuntimeException {
  public IndexNotReadyException(String message) {
    super(message);
  }
}
