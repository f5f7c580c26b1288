package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Measures ranking quality on known-item queries. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measures ranking quality on known-item queries.")
final class EvalCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'eval' is not available yet");
    return 2;
  }
}
