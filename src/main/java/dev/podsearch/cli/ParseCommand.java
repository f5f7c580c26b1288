package dev.podsearch.cli;

import dev.podsearch.episode.Episode;
import dev.podsearch.importer.ParseOutcome;
import dev.podsearch.importer.SourceRef;
import dev.podsearch.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Parses sources and prints one JSON object per episode, without indexing. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parses sources and prints one JSON object per episode per line, without indexing.",
      "Failures go to stderr as file:line: reason. Exit 0 ok, 1 some sources failed, 2 usage error."
    })
final class ParseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Files, folders or feed URLs.")
  List<String> sources;

  private final SourceReader reader;

  ParseCommand() {
    this(SourceReader.importer());
  }

  /** A command reading sources through {@code reader}: tests pass hand-made sources. */
  ParseCommand(SourceReader reader) {
    this.reader = reader;
  }

  /** What became of one source, as lines for stdout and stderr. */
  private record Result(List<String> json, String problem, boolean failed) {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String missing = Defaults.firstMissing(sources);
    if (missing != null) {
      err.println("podsearch: no such source: " + missing);
      return ExitCodes.USAGE;
    }
    List<SourceRef> refs;
    try {
      refs = reader.scan(sources);
    } catch (IllegalArgumentException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    boolean failed = false;
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      // Submitted all at once, printed in scan order, so the output is the same on every run.
      List<Future<Result>> results = new ArrayList<>();
      refs.forEach(ref -> results.add(pool.submit(() -> parse(ref))));
      for (Future<Result> future : results) {
        Result result = get(future);
        result.json().forEach(out::println);
        if (result.problem() != null) {
          err.println(result.problem());
        }
        failed |= result.failed();
      }
    } finally {
      pool.shutdownNow();
    }
    out.flush();
    err.flush();
    return failed ? ExitCodes.SOURCES_FAILED : ExitCodes.OK;
  }

  private Result parse(SourceRef ref) {
    try {
      ParseOutcome outcome = reader.parse(reader.load(ref));
      if (outcome instanceof ParseOutcome.Parsed parsed) {
        List<String> json = parsed.episodes().stream().map(Episode.class::cast).map(Json::write).toList();
        String warnings = parsed.warnings().isEmpty() ? null
            : String.join("\n", parsed.warnings().stream().map(w -> ref.source() + ": warning: " + w).toList());
        return new Result(json, warnings, false);
      }
      if (outcome instanceof ParseOutcome.Skipped skipped) {
        return new Result(List.of(), ref.source() + ": skipped: " + skipped.reason(), false);
      }
      return new Result(List.of(), ((ParseOutcome.Failed) outcome).message(), true);
    } catch (IOException e) {
      return new Result(List.of(), ref.source() + ": cannot read: " + e.getMessage(), true);
    } catch (RuntimeException e) {
      return new Result(List.of(), ref.source() + ": parser error: " + e, true);
    }
  }

  private static Result get(Future<Result> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("parse task failed unexpectedly", e.getCause());
    }
  }
}
