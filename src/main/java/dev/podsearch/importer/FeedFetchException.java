package dev.podsearch.importer;

import java.io.IOException;

/** A feed URL that could not be fetched; the message names the URL and says why, in words an operator can act on. */
public final class FeedFetchException extends IOException {
  FeedFetchException(String message) {
    super(message);
  }

  FeedFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
