package dev.podsearch.importer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the remote chapters and transcript files of one feed, a few at a time, within bounds: at most {@code
 * maxFetches} files and one time budget per feed, so that a feed with thousands of items or a slow host cannot stall a
 * reindex. A file that cannot be fetched is a warning naming its URL and why; the episode keeps everything else.
 */
final class FeedRemoteFiles {
  static final int MAX_FETCHES = 200;
  static final int PARALLELISM = 4;
  static final Duration BUDGET = Duration.ofSeconds(60);

  /** One file to fetch: its URL, what it is ("chapters file", "transcript") and the feed line that links to it. */
  record Wanted(URI uri, String what, int line) {}

  private final FeedFetcher fetcher;
  private final int maxFetches;
  private final Duration budget;

  FeedRemoteFiles(FeedFetcher fetcher, int maxFetches, Duration budget) {
    this.fetcher = fetcher;
    this.maxFetches = maxFetches;
    this.budget = budget;
  }

  /** The standard bounds, with the shared attachment fetcher. */
  static FeedRemoteFiles standard() {
    return new FeedRemoteFiles(FeedFetcher.forAttachments(), MAX_FETCHES, BUDGET);
  }

  /** The text of each file that could be fetched, by URL; the others are reported in {@code warnings}. */
  Map<URI, String> fetch(List<Wanted> wanted, List<String> warnings) {
    if (wanted.isEmpty()) {
      return Map.of();
    }
    List<Wanted> todo = wanted.subList(0, Math.min(wanted.size(), maxFetches));
    long deadline = System.nanoTime() + budget.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLELISM, todo.size()), r -> {
      Thread t = new Thread(r, "feed-attachments");
      t.setDaemon(true);
      return t;
    });
    Map<Wanted, Future<byte[]>> futures = new LinkedHashMap<>();
    todo.forEach(w -> futures.put(w, pool.submit(() -> fetcher.attachment(w.uri()))));
    pool.shutdown();
    Map<URI, String> texts = new HashMap<>();
    int outOfTime = 0;
    try {
      for (Map.Entry<Wanted, Future<byte[]>> e : futures.entrySet()) {
        Wanted w = e.getKey();
        try {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new TimeoutException();
          }
          byte[] body = e.getValue().get(left, TimeUnit.NANOSECONDS);
          texts.put(w.uri(), new String(body, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        } catch (TimeoutException ex) {
          outOfTime++;
        } catch (ExecutionException ex) {
          String why = ex.getCause().getMessage() != null ? ex.getCause().getMessage() : w.uri() + ": fetch failed";
          warnings.add("line " + w.line() + ": " + w.what() + " not fetched: " + why);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outOfTime = todo.size() - texts.size();
    } finally {
      pool.shutdownNow(); // cancels what the budget left unstarted or unfinished
    }
    if (outOfTime > 0) {
      warnings.add(outOfTime + " remote chapters/transcript file(s) skipped: the " + budget.toSeconds()
          + " s budget for fetching one feed's files ran out");
    }
    if (wanted.size() > todo.size()) {
      warnings.add((wanted.size() - todo.size()) + " remote chapters/transcript file(s) skipped: at most " + maxFetches
          + " are fetched per feed");
    }
    return texts;
  }
}
