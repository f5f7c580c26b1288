package dev.podsearch.index;

import java.io.IOException;
import java.nio.file.Path;

/** Another writer (usually another reindex) holds the index's write lock. */
public final class IndexLockedException extends IOException {
  IndexLockedException(Path dir, Throwable cause) {
    super("the index at " + dir + " is locked: another reindex is writing to it; wait for it to finish and try again",
        cause);
  }
}
