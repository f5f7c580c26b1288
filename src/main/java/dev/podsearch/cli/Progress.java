package dev.podsearch.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a long run: a bar on a terminal, a plain line every few seconds otherwise (logs, pipes, tests). */
interface Progress extends AutoCloseable {

  /** One more unit done. */
  void step();

  @Override
  void close();

  /** Makes progress reporters for a run of known size. */
  interface Factory {
    Progress start(String task, long total);
  }

  /** A bar on an interactive terminal, plain lines to {@code err} otherwise. */
  static Factory auto(PrintWriter err) {
    return System.console() != null ? Progress::bar : plain(err, 5_000);
  }

  /** No output at all. */
  static Factory none() {
    return (task, total) -> new Progress() {
      @Override
      public void step() {}

      @Override
      public void close() {}
    };
  }

  /** Plain lines, at most one per {@code intervalMillis}, and one at the end. */
  static Factory plain(PrintWriter err, long intervalMillis) {
    return (task, total) -> new PlainProgress(err, task, total, intervalMillis);
  }

  private static Progress bar(String task, long total) {
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .build();
    return new Progress() {
      @Override
      public void step() {
        bar.step();
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /** Prints "task: done/total" lines; thread-safe because workers step it concurrently. */
  final class PlainProgress implements Progress {
    private final PrintWriter err;
    private final String task;
    private final long total;
    private final long intervalMillis;
    private long done;
    private long lastPrint = System.currentTimeMillis();

    PlainProgress(PrintWriter err, String task, long total, long intervalMillis) {
      this.err = err;
      this.task = task;
      this.total = total;
      this.intervalMillis = intervalMillis;
    }

    @Override
    public synchronized void step() {
      done++;
      long now = System.currentTimeMillis();
      if (now - lastPrint >= intervalMillis) {
        lastPrint = now;
        print();
      }
    }

    @Override
    public synchronized void close() {
      print();
    }

    private void print() {
      long percent = total == 0 ? 100 : done * 100 / total;
      err.printf("%s: %d/%d sources (%d%%)%n", task, done, total, percent);
      err.flush();
    }
  }
}
