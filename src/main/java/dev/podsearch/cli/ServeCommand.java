package dev.podsearch.cli;

import dev.podsearch.index.IndexStats;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.SearchService;
import dev.podsearch.web.WebApp;
import dev.podsearch.web.WebOptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the search page and JSON API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search page and JSON API until stopped (Ctrl-C).",
      "Without an index, indexes the data folder first. A reindex run elsewhere",
      "is served within seconds, without a restart.",
      "Exit 0 after a clean stop; 2 bad option, port in use or nothing to index;",
      "3 the first index could not be built."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host = "127.0.0.1";

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index/ under $PODSEARCH_HOME).")
  Path index;

  @Option(names = "--data", paramLabel = "DIR", description = "Sources to index when there is no index yet (default: data/ under $PODSEARCH_HOME).")
  Path data;

  private final ServiceOpener opener;
  private final SourceReader reader;

  /** Opens the service that answers from an index folder. */
  interface ServiceOpener {
    SearchService open(Path indexDir) throws IOException;
  }

  ServeCommand() {
    this(LuceneSearchService::open, SourceReader.importer());
  }

  /** A command over another search service and sources: tests pass fakes. */
  ServeCommand(ServiceOpener opener, SourceReader reader) {
    this.opener = opener;
    this.reader = reader;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Running running;
    try {
      running = serve(spec.commandLine().getOut(), err);
    } catch (ServeException e) {
      err.println("podsearch: " + e.getMessage());
      return e.exitCode;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, err, stopped), "podsearch-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  private static void stop(Running running, PrintWriter err, CountDownLatch stopped) {
    err.println("podsearch: stopping");
    err.flush();
    running.close();
    stopped.countDown();
  }

  /** Indexes if needed, then starts the server and returns it running; the caller stops it. */
  Running serve(PrintWriter out, PrintWriter err) throws ServeException {
    if (port < 0 || port > 65_535) {
      throw new ServeException(ExitCodes.USAGE, "--port must be between 0 and 65535, got " + port);
    }
    Path indexDir = (index != null ? index : Defaults.index()).toAbsolutePath().normalize();
    Path dataDir = (data != null ? data : Defaults.sources()).toAbsolutePath().normalize();
    // Checked before a possibly long first reindex, so that a second server fails at once.
    checkPortFree();
    indexIfMissing(indexDir, dataDir, out, err);
    Running running = start(indexDir);
    out.println("podsearch serving " + running.url());
    out.flush();
    return running;
  }

  private void indexIfMissing(Path indexDir, Path dataDir, PrintWriter out, PrintWriter err) throws ServeException {
    if (exists(indexDir)) {
      return;
    }
    if (!Files.isDirectory(dataDir)) {
      throw new ServeException(
          ExitCodes.USAGE,
          "no index at " + indexDir + " and no data folder at " + dataDir
              + " to build one from; pass --data DIR, or run podsearch reindex SOURCE first");
    }
    out.println("podsearch: no index at " + indexDir + " yet; indexing " + dataDir + " first");
    out.flush();
    Reindexer reindexer = new Reindexer(reader, Runtime.getRuntime().availableProcessors(), Progress.auto(err));
    int code = new ReindexCommand(reader).run(reindexer, List.of(dataDir.toString()), indexDir, out, err);
    if (code != ExitCodes.OK && code != ExitCodes.SOURCES_FAILED) {
      throw new ServeException(code, "could not build the index at " + indexDir + "; not serving");
    }
  }

  private static boolean exists(Path indexDir) throws ServeException {
    try {
      return IndexStats.exists(indexDir);
    } catch (IOException e) {
      throw new ServeException(ExitCodes.NOT_DONE, "cannot read the index at " + indexDir + ": " + e.getMessage());
    }
  }

  private Running start(Path indexDir) throws ServeException {
    SearchService service;
    try {
      service = opener.open(indexDir);
    } catch (IOException e) {
      throw new ServeException(ExitCodes.NOT_DONE, "cannot open the index at " + indexDir + ": " + e.getMessage());
    }
    try {
      Javalin app = WebApp.create(service, WebOptions.defaults()).start(host, port);
      return new Running(app, service, host);
    } catch (RuntimeException e) {
      service.close();
      if (isBindFailure(e)) {
        throw portInUse();
      }
      throw e;
    }
  }

  private void checkPortFree() throws ServeException {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (BindException e) {
      throw portInUse();
    } catch (IOException e) {
      throw new ServeException(ExitCodes.USAGE, "cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
  }

  private ServeException portInUse() {
    return new ServeException(
        ExitCodes.USAGE, "port " + port + " on " + host + " is already in use; stop the other server or pick another with --port");
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || t instanceof io.javalin.util.JavalinBindException) {
        return true;
      }
    }
    return false;
  }

  /** A started server and the service it answers from; closing stops the one, then closes the other. */
  record Running(Javalin app, SearchService service, String host) implements AutoCloseable {
    int port() {
      return app.port();
    }

    /** Where a browser on this machine reaches the server. */
    String url() {
      boolean local = host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("localhost") || host.equals("::");
      return "http://" + (local ? "localhost" : host) + ":" + port() + "/";
    }

    @Override
    public void close() {
      app.stop();
      service.close();
    }
  }

  /** Why serving could not start, with the exit code to end with. */
  static final class ServeException extends Exception {
    final int exitCode;

    ServeException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }
}
