package dev.podsearch.importer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches feeds over http(s) for URL imports: timeouts, redirects, a size cap, and conditional GET. The ETag and
 * Last-Modified of each feed are kept in a small JSON file ({@value #CACHE_FILE}) in a directory the caller names (the
 * index directory), so that an unchanged feed answers 304 and is reported {@link FetchResult.Unchanged}.
 *
 * <p>Validators learnt by {@link #fetch} are only written by {@link #saveCache()}: call it after the index commit, so
 * that a failed reindex does not leave the cache claiming feeds that never reached the index. Thread-safe.
 */
public final class FeedFetcher {
  /** The cache file's name inside the cache directory. */
  public static final String CACHE_FILE = "feed-cache.json";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  static final long MAX_BYTES = 20L * 1024 * 1024;
  private static final String FEED_TYPES =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");
  private static final Pattern XML_ENCODING = Pattern.compile("(?<=<\\?xml[^>]{0,100})encoding=[\"']([\\w.:-]+)[\"']");

  /** What a fetch gave: the feed's bytes, or word that it has not changed since the cached fetch. */
  public sealed interface FetchResult {
    URI uri();

    /** A 200 answer: the body, and the validators the server sent (null when absent). */
    record Fetched(URI uri, byte[] body, String etag, String lastModified) implements FetchResult {}

    /** A 304 answer to a conditional GET: keep what was imported from this URL last time. */
    record Unchanged(URI uri) implements FetchResult {}
  }

  /** The validators of one feed, as stored in the cache file. */
  record Validators(String etag, String lastModified) {}

  private final HttpClient client;
  private final Path cacheDir;
  private final Duration readTimeout;
  private final long maxBytes;
  /** What the size cap is for, in the message when a body passes it. */
  private final String limitOf;
  private final Map<String, Validators> cache = new ConcurrentHashMap<>();

  /** A fetcher with the standard limits (10 s to connect, 30 s to answer, 20 MB); {@code cacheDir} may be null. */
  public FeedFetcher(Path cacheDir) {
    this(cacheDir, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_BYTES);
  }

  FeedFetcher(Path cacheDir, Duration connectTimeout, Duration readTimeout, long maxBytes) {
    this(cacheDir, connectTimeout, readTimeout, maxBytes, "feeds");
  }

  private FeedFetcher(Path cacheDir, Duration connectTimeout, Duration readTimeout, long maxBytes, String limitOf) {
    this.limitOf = limitOf;
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.cacheDir = cacheDir;
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    cache.putAll(loadCache(cacheDir));
  }

  /** The fetcher {@link Importer#load} uses for URL sources: standard limits, no cache. */
  static FeedFetcher shared() {
    return Shared.INSTANCE;
  }

  /**
   * The fetcher for chapters and transcript files a feed links to, with tighter limits than for feeds (5 s to connect,
   * 10 s to answer, 10 MB): there can be hundreds per feed, and one slow host must not hold up a reindex for long.
   */
  static FeedFetcher forAttachments() {
    return Attachments.INSTANCE;
  }

  /** Attachment fetchers with the given limits, for tests. */
  static FeedFetcher forAttachments(Duration connectTimeout, Duration readTimeout, long maxBytes) {
    return new FeedFetcher(null, connectTimeout, readTimeout, maxBytes, "chapters and transcript files");
  }

  /**
   * GETs a file a feed links to (chapters, transcript) and gives its body as UTF-8; no cache, no check of what it is.
   *
   * @throws FeedFetchException naming the URL: not http(s), unreachable, timed out, HTTP error, too large
   */
  byte[] attachment(URI uri) throws FeedFetchException {
    requireHttp(uri, "files");
    HttpResponse<byte[]> response = send(uri, request(uri, null, "*/*"));
    if (response.statusCode() != 200) {
      throw new FeedFetchException(uri + ": " + describe(response.statusCode()));
    }
    return toUtf8(response.body(), response.headers().firstValue("Content-Type").orElse(""));
  }

  /**
   * Reads a URL source in full (an unconditional GET), as {@link Importer#load} does for files: the reindexer then
   * compares the hash with the indexed one, so an unchanged feed is still not re-parsed.
   *
   * @throws FeedFetchException naming the URL when it is not a valid http(s) URL or cannot be fetched
   */
  SourceContent load(SourceRef ref) throws FeedFetchException {
    return load(ref, false);
  }

  /**
   * Reads a URL source, conditionally when asked and validators are cached: a 304 answer gives {@link
   * SourceContent#notModified}.
   *
   * @throws FeedFetchException naming the URL when it is not a valid http(s) URL or cannot be fetched
   */
  public SourceContent load(SourceRef ref, boolean conditional) throws FeedFetchException {
    URI uri;
    try {
      uri = new URI(ref.source());
    } catch (java.net.URISyntaxException e) {
      throw new FeedFetchException(ref.source() + ": not a valid URL (" + e.getReason() + ")");
    }
    if (fetch(uri, conditional) instanceof FetchResult.Fetched fetched) {
      return new SourceContent(ref, fetched.body(), Ids.sha256(fetched.body()));
    }
    return SourceContent.notModified(ref);
  }

  /**
   * Drops the validators of a feed whose content did not reach the index (it failed to parse), so that the next run
   * downloads it in full instead of hearing 304 about content the index never got.
   */
  public void forget(String url) {
    cache.remove(url);
  }

  /**
   * GETs a feed, conditionally when validators for it are cached.
   *
   * @throws FeedFetchException naming the URL: not http(s), unreachable, timed out, HTTP error, too large, not a feed
   */
  public FetchResult fetch(URI uri) throws FeedFetchException {
    return fetch(uri, true);
  }

  private FetchResult fetch(URI uri, boolean conditional) throws FeedFetchException {
    requireHttp(uri, "feed URLs");
    Validators known = conditional ? cache.get(uri.toString()) : null;
    HttpResponse<byte[]> response = send(uri, request(uri, known, FEED_TYPES));
    int status = response.statusCode();
    if (status == 304 && known != null) {
      return new FetchResult.Unchanged(uri);
    }
    if (status != 200) {
      throw new FeedFetchException(uri + ": " + describe(status));
    }
    byte[] body = toUtf8(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    requireFeed(uri, body);
    Validators fresh = new Validators(header(response, "ETag"), header(response, "Last-Modified"));
    if (fresh.etag() != null || fresh.lastModified() != null) {
      cache.put(uri.toString(), fresh);
    } else {
      cache.remove(uri.toString());
    }
    return new FetchResult.Fetched(uri, body, fresh.etag(), fresh.lastModified());
  }

  private static void requireHttp(URI uri, String what) throws FeedFetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FeedFetchException(uri + ": only http and https " + what + " can be fetched");
    }
  }

  /** A header's value, null when absent or blank (a blank validator would make the next GET match anything). */
  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).filter(v -> !v.isBlank()).orElse(null);
  }

  /** Writes the validators learnt so far to the cache file (atomically); does nothing without a cache directory. */
  public void saveCache() throws IOException {
    if (cacheDir == null) {
      return;
    }
    Files.createDirectories(cacheDir);
    Path tmp = Files.createTempFile(cacheDir, CACHE_FILE, ".tmp");
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new TreeMap<>(cache));
    Files.move(tmp, cacheDir.resolve(CACHE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private HttpRequest request(URI uri, Validators known, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(readTimeout)
        .header("User-Agent", "podsearch feed importer")
        .header("Accept", accept)
        .GET();
    if (known != null && known.etag() != null) {
      b.header("If-None-Match", known.etag());
    }
    if (known != null && known.lastModified() != null) {
      b.header("If-Modified-Since", known.lastModified());
    }
    return b.build();
  }

  private HttpResponse<byte[]> send(URI uri, HttpRequest request) throws FeedFetchException {
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> info.statusCode() == 200
        ? new CappedBody(maxBytes, limitOf, info.headers().firstValueAsLong("Content-Length").orElse(-1))
        : HttpResponse.BodySubscribers.replacing(null));
    try {
      // The request timeout covers the wait for headers; this one also bounds a body that trickles in.
      return future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FeedFetchException(uri + ": no answer within " + seconds(readTimeout), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FeedFetchException(uri + ": interrupted while fetching", e);
    } catch (ExecutionException e) {
      throw failure(uri, e.getCause());
    }
  }

  private FeedFetchException failure(URI uri, Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      String why = reason(uri, c);
      if (why != null) {
        return new FeedFetchException(uri + ": " + why, cause);
      }
    }
    String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new FeedFetchException(uri + ": fetch failed: " + detail, cause);
  }

  /** Words for the causes an operator can act on; null for the others. */
  private String reason(URI uri, Throwable c) {
    if (c instanceof TooLarge) {
      return c.getMessage();
    }
    if (c instanceof HttpConnectTimeoutException) {
      return "could not connect within " + seconds(client.connectTimeout().orElse(CONNECT_TIMEOUT));
    }
    if (c instanceof HttpTimeoutException) {
      return "no answer within " + seconds(readTimeout);
    }
    if (c instanceof UnknownHostException) {
      return "unknown host " + uri.getHost();
    }
    return c instanceof ConnectException ? "connection refused" : null;
  }

  private static String describe(int status) {
    return switch (status) {
      case 304 -> "HTTP 304 without a cached copy";
      case 401, 403 -> "access denied (HTTP " + status + ")";
      case 404, 410 -> "not found (HTTP " + status + ")";
      default -> status >= 500 ? "server error (HTTP " + status + ")" : "unexpected answer HTTP " + status;
    };
  }

  /**
   * The body re-encoded as UTF-8 when the server or the XML declaration names another charset (older feeds are often
   * ISO-8859-1 or windows-1252): the importer reads UTF-8 only.
   */
  static byte[] toUtf8(byte[] body, String contentType) {
    Matcher header = CHARSET.matcher(contentType);
    String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
    Matcher declaration = XML_ENCODING.matcher(head);
    String name = header.find() ? header.group(1) : declaration.find() ? declaration.group(1) : "UTF-8";
    try {
      Charset charset = Charset.forName(name);
      if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
        return body;
      }
      String text = new String(body, charset);
      return XML_ENCODING.matcher(text).replaceFirst("encoding=\"UTF-8\"").getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return body; // an unknown charset name: leave the bytes to the importer's UTF-8 check
    }
  }

  /** Rejects bodies that are plainly not XML feeds (an HTML page, JSON, an MP3), quoting how they start. */
  private static void requireFeed(URI uri, byte[] body) throws FeedFetchException {
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
    String lower = head.toLowerCase(Locale.ROOT);
    boolean feed = head.startsWith("<") && (lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf"));
    if (!feed) {
      String start = head.isEmpty() ? "an empty body" : "'" + FeedText.shorten(head.replaceAll("\\s+", " ")) + "'";
      throw new FeedFetchException(uri + ": not an RSS or Atom feed (the answer starts with " + start + ")");
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static Map<String, Validators> loadCache(Path dir) {
    Path file = dir == null ? null : dir.resolve(CACHE_FILE);
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Validators>>() {});
    } catch (IOException e) {
      // A damaged cache only costs full downloads; it is rewritten by the next saveCache().
      return Map.of();
    }
  }

  /** Created on first use, so that file-only imports never start an HTTP client. */
  private static final class Shared {
    static final FeedFetcher INSTANCE = new FeedFetcher(null);
  }

  /** Created on first use, like {@link Shared}. */
  private static final class Attachments {
    static final FeedFetcher INSTANCE = forAttachments(Duration.ofSeconds(5), Duration.ofSeconds(10), 10L * 1024 * 1024);
  }

  /** A body larger than the cap. */
  private static final class TooLarge extends IOException {
    TooLarge(long max, String limitOf) {
      super("larger than the " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max + " bytes") + " limit for "
          + limitOf);
    }
  }

  /** Collects a body, giving up as soon as it passes the cap (or declares a length past it). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final String limitOf;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(long max, String limitOf, long declared) {
      this.max = max;
      this.limitOf = limitOf;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declared > max) {
        s.cancel();
        result.completeExceptionally(new TooLarge(max, limitOf));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (out.size() + (long) b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(max, limitOf));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
