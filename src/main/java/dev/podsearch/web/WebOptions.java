package dev.podsearch.web;

/**
 * Limits of the HTTP server and where its page comes from.
 *
 * @param maxHeaderBytes cap on the request line plus headers (Jetty answers 414/431 beyond it)
 * @param maxBodyBytes cap on a request body; no route reads one today, so this only guards future ones
 * @param pageDirectory the classpath folder the search page is served from at {@code /}
 */
public record WebOptions(int maxHeaderBytes, long maxBodyBytes, String pageDirectory) {

  public WebOptions {
    if (maxHeaderBytes < 1024 || maxBodyBytes < 0) {
      throw new IllegalArgumentException("header cap must be at least 1 KiB and body cap not negative");
    }
  }

  /** The same limits, with the page served from another classpath folder. */
  public WebOptions withPageDirectory(String directory) {
    return new WebOptions(maxHeaderBytes, maxBodyBytes, directory);
  }

  /** 16 KiB of request line and headers (room for a 1000-character query, even URL-encoded UTF-8), 16 KiB of body, the page from {@code /public}. */
  public static WebOptions defaults() {
    return new WebOptions(16 * 1024, 16 * 1024, "/public");
  }
}
