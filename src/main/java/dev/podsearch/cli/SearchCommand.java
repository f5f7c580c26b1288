package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Searches the index. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Searches the index.")
final class SearchCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'search' is not available yet");
    return 2;
  }
}
