package dev.podsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the benchmarks; each reports timings as ratios against a baseline measured in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs a benchmark (reports ratios against a baseline measured in the same run).",
    subcommands = {BenchReindexCommand.class, BenchSearchCommand.class, BenchTranscriptsCommand.class,
        BenchLoadCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: try 'podsearch bench --help'");
  }
}
