package dev.closeloop.app;

import dev.closeloop.config.ConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run} and the operator verbs of docs/reference.md. A verb that needs the
 * store asks the running app through its admin API when one answers (H2 admits one process), else
 * opens the store itself. Exit 0 success, 1 runtime failure, 2 bad usage or invalid config.
 */
@Command(
    name = "closeloop",
    mixinStandardHelpOptions = true,
    version = "closeloop 0.1",
    description =
        "Post-ticket satisfaction surveys in Slack and Discord, with a daily digest of negative replies.",
    subcommands = {
      CliRunVerbs.Run.class,
      CliRunVerbs.CheckConfig.class,
      CliRunVerbs.ConfigRef.class,
      CliReportVerbs.Digest.class,
      CliReportVerbs.Weekly.class,
      CliReportVerbs.Stats.class,
      CliReportVerbs.IncidentsCmd.class,
      CliDataVerbs.Export.class,
      CliDataVerbs.Purge.class,
      CliDataVerbs.EraseUser.class,
      CliLinkVerbs.Link.class,
      CliLinkVerbs.Links.class,
      CliDataVerbs.Backup.class,
      CliDataVerbs.Restore.class,
      CliReportVerbs.OutboxCmd.class
    })
final class Cli implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  static int execute(String[] args) {
    CommandLine cl = new CommandLine(new Cli());
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    cl.setOut(out);
    cl.setErr(err);
    // picocli's own words name java.time classes and parser internals; say what a date looks like
    cl.registerConverter(
        LocalDate.class,
        v -> {
          try {
            return LocalDate.parse(v);
          } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + v + "' is not a date YYYY-MM-DD");
          }
        });
    cl.setParameterExceptionHandler(
        (e, args1) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(e.getMessage());
          cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException ce) {
            cmd.getErr().println("invalid config: " + ce.getMessage());
            return USAGE;
          }
          if (e instanceof Failure f) {
            cmd.getErr().println(f.getMessage());
            return f.code;
          }
          cmd.getErr().println("error: " + describe(e));
          return FAILED;
        });
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * One line for an operator: the first message along the causes, else what failed in words (an
   * exception without a message, such as a NullPointerException, printed "error: null").
   */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank()) {
        return m.strip();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "unexpected "
        + e.getClass().getSimpleName()
        + " (a bug: please report it with the command you ran)";
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return USAGE;
  }

  /** A failure reported in one line, with its exit code. */
  static final class Failure extends RuntimeException {
    final int code;

    Failure(int code, String message) {
      super(message);
      this.code = code;
    }
  }
}
