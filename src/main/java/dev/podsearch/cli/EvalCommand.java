package dev.podsearch.cli;

import dev.podsearch.search.BaselineSearch;
import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.SearchRequest;
import dev.podsearch.search.SearchService;
import dev.podsearch.search.SortOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Measures ranking quality on known-item queries, optionally against plain BM25 in the same run. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measures ranking quality: runs known-item queries (query<TAB>target<TAB>alternates<TAB>kind<TAB>note, the format of"
          + " ../shared/relevance/dev.tsv) through the same search path as the API and prints MRR@10, recall@10 and"
          + " nDCG@10, overall and per kind, then the queries whose target was not ranked first.",
      "Targets are source paths; they match an episode whose source path ends with them (or they with it).",
      "Exit 0 ok, 2 bad query file or no index."
    })
final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "QUERIES.tsv", description = "Known-item query file.")
  Path queries;

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index/ under $PODSEARCH_HOME).")
  Path index;

  @Option(names = "--baseline", description = "Also run the queries on plain BM25 (one catch-all field, StandardAnalyzer, no boosts) over the same episodes.")
  boolean baseline;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path dir = (index != null ? index : Defaults.index()).toAbsolutePath().normalize();
    List<KnownItemQuery> items;
    try {
      items = KnownItemQueries.read(queries);
    } catch (IOException e) {
      err.println("podsearch: cannot read " + queries + ": " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IllegalArgumentException e) {
      err.println("podsearch: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(dir)) {
      err.println("podsearch: no index at " + dir + "; run podsearch reindex SOURCE... --index " + dir);
      return ExitCodes.USAGE;
    }
    return evaluate(items, dir, err);
  }

  private int evaluate(List<KnownItemQuery> items, Path dir, PrintWriter err) {
    PrintWriter out = spec.commandLine().getOut();
    List<Evaluation.Report> reports = new ArrayList<>();
    try (SearchService service = LuceneSearchService.open(dir)) {
      if (!service.status().available() || service.status().episodes() == 0) {
        err.println("podsearch: the index at " + dir + " is empty; run podsearch reindex SOURCE... --index " + dir);
        return ExitCodes.USAGE;
      }
      out.printf("%d queries over %d episodes in %s%n%n", items.size(), service.status().episodes(), dir);
      reports.add(Evaluation.run("podsearch", items, q -> service.sources(request(q))));
      if (baseline) {
        try (BaselineSearch plain = BaselineSearch.build(dir)) {
          reports.add(Evaluation.run("bm25", items, q -> plain.search(q, Evaluation.DEPTH)));
        }
      }
    } catch (IOException e) {
      err.println("podsearch: cannot read the index at " + dir + ": " + e.getMessage());
      return ExitCodes.NOT_DONE;
    }
    Evaluation.print(reports, out);
    out.flush();
    return ExitCodes.OK;
  }

  private static SearchRequest request(String query) {
    return new SearchRequest(query, List.of(), List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, Evaluation.DEPTH);
  }
}
