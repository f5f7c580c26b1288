package dev.podsearch.cli;

/** Exit codes shared by every command. */
final class ExitCodes {
  /** Everything worked. */
  static final int OK = 0;
  /** Some sources failed; the others were imported (and committed). */
  static final int SOURCES_FAILED = 1;
  /** A bad option, a missing source path or a missing index. */
  static final int USAGE = 2;
  /** The reindex could not run or stopped (index locked, unexpected error); the index is as before. */
  static final int NOT_DONE = 3;

  private ExitCodes() {}
}
