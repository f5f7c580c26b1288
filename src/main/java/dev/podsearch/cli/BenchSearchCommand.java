package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Benchmarks search over HTTP against in-process. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Benchmarks search over HTTP against in-process.")
final class BenchSearchCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'search' is not available yet");
    return 2;
  }
}
