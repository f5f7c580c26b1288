package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Benchmarks a full reindex against raw Lucene. */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Benchmarks a full reindex against raw Lucene.")
final class BenchReindexCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'reindex' is not available yet");
    return 2;
  }
}
