package dev.podsearch.importer;

/** A source that is deliberately not imported, with the reason reported to the operator as a note. */
final class NotAnEpisodeException extends Exception {
  NotAnEpisodeException(String reason) {
    super(reason);
  }
}
