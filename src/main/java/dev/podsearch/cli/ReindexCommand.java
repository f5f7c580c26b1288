package dev.podsearch.cli;

import dev.podsearch.index.IndexLockedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports sources into the index. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Imports sources into the index in one commit: changed sources are parsed again, unchanged ones skipped,",
      "vanished ones deleted (only under the folders named). Exit 0 ok, 1 some sources failed (the rest is",
      "committed), 2 usage error, 3 not done (index locked or unexpected error; the index is unchanged)."
    })
final class ReindexCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final SourceReader reader;

  @Parameters(paramLabel = "SOURCE", description = "Files, folders or feed URLs (default: data/ under $PODSEARCH_HOME).")
  List<String> sources;

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index/ under $PODSEARCH_HOME).")
  Path index;

  @Option(names = "--sources", paramLabel = "FILE",
      description = "A file listing sources, one path or feed URL per line (# starts a comment); added to SOURCE.")
  Path sourcesFile;

  @Option(names = "--full", description = "Rebuild the index from these sources only, parsing every one.")
  boolean full;

  @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: one per core).")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  ReindexCommand() {
    this(SourceReader.importer());
  }

  /** A command reading sources through {@code reader}: tests pass hand-made sources. */
  ReindexCommand(SourceReader reader) {
    this.reader = reader;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> roots;
    try {
      roots = roots();
    } catch (IllegalArgumentException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String missing = Defaults.firstMissing(roots);
    if (missing != null) {
      err.println("podsearch: no such source: " + missing);
      return ExitCodes.USAGE;
    }
    if (threads != null && threads < 1) {
      err.println("podsearch: --threads must be at least 1, got " + threads);
      return ExitCodes.USAGE;
    }
    Path dir = index != null ? index : Defaults.index();
    Progress.Factory progress = quiet ? Progress.none() : Progress.auto(err);
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return run(new Reindexer(reader, n, progress), roots, dir, out, err);
  }

  /** The sources named on the command line and in the --sources file, else the default folder. */
  private List<String> roots() {
    List<String> roots = new java.util.ArrayList<>(sources == null ? List.of() : sources);
    if (sourcesFile != null) {
      List<String> listed = SourcesFile.read(sourcesFile);
      if (listed.isEmpty()) {
        throw new IllegalArgumentException("the sources file " + sourcesFile + " lists no sources");
      }
      roots.addAll(listed);
    }
    return roots.isEmpty() ? List.of(Defaults.sources().toString()) : roots;
  }

  /** Runs a reindex and prints its report; shared with commands that index before serving. */
  int run(Reindexer reindexer, List<String> roots, Path dir, PrintWriter out, PrintWriter err) {
    try {
      ImportReport report = reindexer.run(roots, dir, full);
      report.print(out);
      out.println("index: " + dir.toAbsolutePath().normalize());
      report.failures().forEach(f -> err.println("failed: " + f));
      out.flush();
      err.flush();
      return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOURCES_FAILED;
    } catch (IllegalArgumentException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IndexLockedException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.NOT_DONE;
    } catch (ReindexAbortedException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.NOT_DONE;
    } catch (IOException e) {
      err.println("podsearch: cannot write the index at " + dir + ": " + reason(e) + "; the index is as before");
      return ExitCodes.NOT_DONE;
    }
  }

  // NIO's file exceptions carry only the path as their message: say what is wrong with it.
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " is a file, not a folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied: " + a.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
