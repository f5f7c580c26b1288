package dev.podsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Serves the search page and JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the search page and JSON API.")
final class ServeCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("podsearch: 'serve' is not available yet");
    return 2;
  }
}
