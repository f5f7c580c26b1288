package dev.podsearch.cli;

import dev.podsearch.json.Json;
import dev.podsearch.search.Hit;
import dev.podsearch.search.IndexUnavailableException;
import dev.podsearch.search.InvalidQueryException;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.Moment;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchResults;
import dev.podsearch.search.SortOrder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Searches the index from the command line. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the index and prints ranked episodes: title, podcast, date, tags, snippet and score.",
      "Query syntax: words, \"phrases\", -word, a OR b, prefix*, title: tag: person: podcast: scopes.",
      "Exit 0 ok (also with no results), 2 bad query or option, or no index there."
    })
final class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "What to search for (words are joined by spaces).")
  List<String> words = new ArrayList<>();

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index/ under $PODSEARCH_HOME).")
  Path index;

  @Option(names = "--tag", paramLabel = "T", description = "Only episodes with this tag (repeat to allow several).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--person", paramLabel = "P", description = "Only episodes with this person (repeatable).")
  List<String> people = new ArrayList<>();

  @Option(names = "--podcast", paramLabel = "NAME", description = "Only episodes of this podcast (repeatable).")
  List<String> podcasts = new ArrayList<>();

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Published on or after this day.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Published on or before this day.")
  LocalDate to;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
      description = "relevance or date (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Results per page, 1-100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page of results (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SortOrder order = sortOrder();
    if (order == null) {
      err.println("podsearch: --sort must be 'relevance' or 'date', got '" + sort + "'");
      return ExitCodes.USAGE;
    }
    Path dir = (index != null ? index : Defaults.index()).toAbsolutePath().normalize();
    SearchRequest request =
        new SearchRequest(String.join(" ", words), tags, people, podcasts, from, to, order, page, limit);
    try (LuceneSearchService service = LuceneSearchService.open(dir)) {
      SearchResults results = service.search(request);
      if (json) {
        out.println(Json.write(results));
      } else {
        new Printer(out, ansi()).print(results);
      }
      out.flush();
      return ExitCodes.OK;
    } catch (InvalidQueryException e) {
      err.println("podsearch: " + option(e.parameter()) + " " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IndexUnavailableException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  private SortOrder sortOrder() {
    return switch (sort.toLowerCase(Locale.ROOT)) {
      case "relevance" -> SortOrder.RELEVANCE;
      case "date" -> SortOrder.DATE;
      default -> null;
    };
  }

  /** The command-line name of a request parameter, for error messages. */
  private static String option(String parameter) {
    return switch (parameter) {
      case "q" -> "the query";
      case "size" -> "--limit";
      default -> "--" + parameter;
    };
  }

  /** Bold on a terminal, brackets when piped (the output may be read by a program or a file). */
  private static boolean ansi() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }

  /** Prints results for people: marks become bold or brackets, HTML entities become characters. */
  static final class Printer {
    private final PrintWriter out;
    private final boolean ansi;

    Printer(PrintWriter out, boolean ansi) {
      this.out = out;
      this.ansi = ansi;
    }

    void print(SearchResults r) {
      String q = r.query().isBlank() ? "everything" : "\"" + r.query() + "\"";
      out.printf("%d result%s for %s (%d ms)%n", r.total(), r.total() == 1 ? "" : "s", q, r.tookMs());
      if (r.didYouMean() != null) {
        out.printf("did you mean: %s%n", r.didYouMean());
      }
      int rank = (r.page() - 1) * r.size();
      for (Hit hit : r.hits()) {
        out.println();
        hit(++rank, hit);
      }
    }

    private void hit(int rank, Hit h) {
      out.printf("%2d. %s%n", rank, h.title());
      List<String> meta = new ArrayList<>();
      if (h.podcast() != null) {
        meta.add(h.podcast());
      }
      if (h.published() != null) {
        meta.add(h.published().toString());
      }
      meta.add(String.format(Locale.ROOT, "score %.2f", h.score()));
      out.printf("    %s%n", String.join(" · ", meta));
      if (!h.tags().isEmpty()) {
        out.printf("    tags: %s%n", String.join(", ", h.tags()));
      }
      if (h.snippet() != null && !h.snippet().isBlank()) {
        out.printf("    %s%n", terminal(h.snippet()));
      }
      for (Moment m : h.moments().stream().limit(3).toList()) {
        String who = m.speaker() == null ? "" : m.speaker() + ": ";
        out.printf("    %s %s%s%n", clock(m.start()), who, terminal(m.text()));
      }
      if (h.mentions() > h.moments().size()) {
        out.printf("    (%d mentions in the transcript)%n", h.mentions());
      }
    }

    /** Snippet HTML for a terminal. */
    String terminal(String html) {
      String marked =
          ansi
              ? html.replace("<mark>", "\u001b[1m").replace("</mark>", "\u001b[0m")
              : html.replace("<mark>", "[").replace("</mark>", "]");
      return marked
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&quot;", "\"")
          .replace("&#39;", "'")
          .replace("&amp;", "&");
    }

    static String clock(double seconds) {
      long s = (long) seconds;
      return s >= 3600
          ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
          : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
  }
}
