package dev.podsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.index.IndexStats;
import dev.podsearch.search.EpisodeDetail;
import dev.podsearch.search.IndexStatus;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchResults;
import dev.podsearch.search.SearchService;
import dev.podsearch.search.Suggestion;
import dev.podsearch.search.TagCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path home;

  private final HttpClient client = HttpClient.newHttpClient();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Answers only status, read straight from the index folder: enough to see what serve opened. */
  private static final class StatusOnlyService implements SearchService {
    final Path dir;
    boolean closed;

    StatusOnlyService(Path dir) {
      this.dir = dir;
    }

    @Override
    public IndexStatus status() {
      try {
        IndexStats stats = IndexStats.read(dir);
        return new IndexStatus(true, stats.episodes(), stats.sizeBytes(), stats.lastCommit());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public SearchResults search(SearchRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<EpisodeDetail> episode(String id) {
      return Optional.empty();
    }

    @Override
    public List<TagCount> tags() {
      return List.of();
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
      return List.of();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private StatusOnlyService opened;

  private ServeCommand command(FakeSources sources, String... args) {
    ServeCommand command = new ServeCommand(dir -> opened = new StatusOnlyService(dir), sources);
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private String get(ServeCommand.Running running, String path) throws Exception {
    return get(running.port(), path);
  }

  private String get(int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private ServeCommand.Running serve(ServeCommand command) throws ServeCommand.ServeException {
    return command.serve(new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void indexesTheDataFolderFirstWhenThereIsNoIndexThenServesIt() throws Exception {
    Path data = home.resolve("data").toAbsolutePath();
    java.nio.file.Files.createDirectories(data);
    FakeSources sources = new FakeSources().put(data.toString(), "a.md", "a1 Alpha\na2 Alpha two").put(data.toString(), "b.md", "b1 Beta");
    ServeCommand command = command(sources, "--port", "0", "--index", home.resolve("index").toString(), "--data", data.toString());

    try (ServeCommand.Running running = serve(command)) {
      assertThat(get(running, "/health")).contains("\"status\":\"ok\"", "\"episodes\":3");
      assertThat(out.toString())
          .contains("no index at " + home.resolve("index") + " yet; indexing " + data + " first")
          .contains("podsearch serving http://localhost:" + running.port() + "/");
    }
  }

  @Test
  void anExistingIndexIsServedWithoutReindexing() throws Exception {
    Path data = java.nio.file.Files.createDirectories(home.resolve("data")).toAbsolutePath();
    FakeSources sources = new FakeSources().put(data.toString(), "a.md", "a1 Alpha");
    String[] args = {"--port", "0", "--index", home.resolve("index").toString(), "--data", data.toString()};
    serve(command(sources, args)).close();
    sources.put(data.toString(), "b.md", "b1 Beta");
    sources.parses.clear();

    try (ServeCommand.Running running = serve(command(sources, args))) {
      assertThat(sources.totalParses()).isZero();
      assertThat(get(running, "/health")).contains("\"episodes\":1");
    }
  }

  @Test
  void stoppingClosesTheServerAndTheService() throws Exception {
    Path data = java.nio.file.Files.createDirectories(home.resolve("data")).toAbsolutePath();
    FakeSources sources = new FakeSources().put(data.toString(), "a.md", "a1 Alpha");
    ServeCommand.Running running =
        serve(command(sources, "--port", "0", "--index", home.resolve("index").toString(), "--data", data.toString()));

    int port = running.port();

    running.close();

    assertThat(opened.closed).isTrue();
    assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
  }

  @Test
  void aPortInUseIsAClearErrorWithExitCode2() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ServeCommand command = new ServeCommand(StatusOnlyService::new, new FakeSources());

      CliRun run = CliRun.command(command, "--port", Integer.toString(busy.getLocalPort()), "--index", home.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use");
    }
  }

  @Test
  void withoutIndexOrDataThereIsNothingToServe() {
    ServeCommand command = new ServeCommand(StatusOnlyService::new, new FakeSources());

    CliRun run =
        CliRun.command(command, "--port", "0", "--index", home.resolve("index").toString(), "--data", home.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no data folder at " + home.resolve("nope")).contains("podsearch reindex");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    CliRun run = CliRun.command(new ServeCommand(StatusOnlyService::new, new FakeSources()), "--port", "70000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--port must be between 0 and 65535");
  }
}
