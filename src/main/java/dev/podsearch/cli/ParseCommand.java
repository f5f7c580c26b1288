package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Parses sources and prints one JSON object per episode, without indexing. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Parses sources and prints one JSON object per episode, without indexing.")
final class ParseCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'parse' is not available yet");
    return 2;
  }
}
