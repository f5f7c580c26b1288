package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shows what the index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Shows what the index holds.")
final class StatsCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'stats' is not available yet");
    return 2;
  }
}
