package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Imports sources into the index. */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Imports sources into the index.")
final class ReindexCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'reindex' is not available yet");
    return 2;
  }
}
