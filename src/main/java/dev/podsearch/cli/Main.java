package dev.podsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code podsearch} command and its subcommands. */
@Command(
    name = "podsearch",
    mixinStandardHelpOptions = true,
    version = "podsearch 0.1.0",
    description = "Full-text search for podcast episodes.",
    subcommands = {
      ReindexCommand.class,
      ParseCommand.class,
      SearchCommand.class,
      StatsCommand.class,
      ServeCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> 2);
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'podsearch --help'");
  }
}
