package dev.podsearch.search;

/** There is no index to answer from (never built, or closing); the message says how to build one. */
public final class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message) {
    super(message);
  }
}
