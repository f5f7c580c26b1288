package dev.podsearch.cli;

/** A reindex stopped by an unexpected error; it was rolled back, so the previous commit is still the index. */
final class ReindexAbortedException extends Exception {
  ReindexAbortedException(String message, Throwable cause) {
    super(message, cause);
  }
}
