package dev.podsearch.importer;

/** A source that cannot be parsed; {@code line} is 0 when unknown. */
final class ParseException extends Exception {
  private final int line;

  ParseException(int line, String reason) {
    super(reason);
    this.line = line;
  }

  int line() {
    return line;
  }
}
