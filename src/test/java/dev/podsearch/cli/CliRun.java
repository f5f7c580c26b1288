package dev.podsearch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of a command: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code podsearch args...} as {@link Main} configures it. */
  static CliRun podsearch(String... args) {
    return run(Main.commandLine(), args);
  }

  /** Runs a single command object, e.g. one built over hand-made sources. */
  static CliRun command(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExitCodeExceptionMapper(e -> 2);
    return run(cli, args);
  }

  private static CliRun run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
