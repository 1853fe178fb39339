package dev.closeloop.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress of a long CLI verb (export, purge, backup, restore, link import) on stderr, shown only
 * to a person at a terminal: when the verb's output is piped or redirected, or stderr is not a
 * terminal (cron, CI, scripts), nothing is drawn. With no known total it shows elapsed time.
 */
public final class Progress implements AutoCloseable {
  private static final Progress NONE = new Progress(null);

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * Starts a bar for {@code task} on stderr when a person is watching; {@code total} -1: unknown.
   */
  public static Progress start(String task, long total) {
    return interactive() ? start(task, total, new ConsoleProgressBarConsumer(System.err)) : NONE;
  }

  /** A bar drawn on {@code out} at a fixed width, whatever the terminal (for tests). */
  static Progress start(String task, long total, PrintStream out, int width) {
    return start(task, total, new ConsoleProgressBarConsumer(out, width));
  }

  private static Progress start(String task, long total, ConsoleProgressBarConsumer consumer) {
    ProgressBarBuilder bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setConsumer(consumer)
            .setUpdateIntervalMillis(200)
            .continuousUpdate();
    if (total < 0) {
      bar.setRenderer(Progress::unknownTotal);
    }
    return new Progress(bar.build());
  }

  /** With no total to measure against: a spinner, the time spent and what is done so far. */
  private static String unknownTotal(ProgressState state, int maxLength) {
    Duration elapsed = state.getTotalElapsed();
    String line =
        state.getTaskName()
            + " "
            + "|/-\\".charAt((int) (elapsed.toMillis() / 200 % 4))
            + " "
            + String.format("%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart())
            + (state.getCurrent() > 0 ? ", " + state.getCurrent() + " done" : "");
    return line.length() > maxLength ? line.substring(0, maxLength) : line;
  }

  /** A progress that draws nothing. */
  static Progress none() {
    return NONE;
  }

  public void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /** Someone is watching: stdin and stdout are a console and stderr is a terminal. */
  static boolean interactive() {
    return System.console() != null && stderrIsTerminal();
  }

  private static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (!Files.exists(fd)) {
      return true; // not Linux: System.console() alone decides
    }
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
