package dev.closeloop.app;

import static dev.closeloop.app.Cli.USAGE;

import dev.closeloop.config.Config;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs that post or show what the team reads: digest, weekly, stats, incidents, outbox. */
final class CliReportVerbs {
  private CliReportVerbs() {}

  @Command(name = "digest", description = "Post the digest now (--now).")
  static final class Digest extends CliVerb {
    @Option(names = "--now", required = true, description = "post now")
    boolean now;

    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(config(), "POST", "/admin/digest", null, app -> app.digests.postNow());
    }
  }

  @Command(name = "weekly", description = "Post the weekly summary now (--now).")
  static final class Weekly extends CliVerb {
    @Option(names = "--now", required = true, description = "post now")
    boolean now;

    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(config(), "POST", "/admin/weekly", null, App::weekly);
    }
  }

  @Command(
      name = "stats",
      description =
          "Print the /admin/stats JSON: CSAT beside response rate, by team, assignee and week"
              + " (--table: as tables for people).")
  static final class Stats extends CliVerb {
    @Option(names = "--table", description = "print tables for people instead of the JSON")
    boolean table;

    @Option(
        names = "--json",
        hidden = true,
        description = "the JSON (the default; kept for scripts)")
    boolean json;

    @Option(names = "--since", paramLabel = "DATE", description = "YYYY-MM-DD (inclusive)")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "YYYY-MM-DD (inclusive)")
    LocalDate until;

    @Override
    public Integer call() throws Exception {
      if (since != null && until != null && until.isBefore(since)) {
        throw new Cli.Failure(Cli.USAGE, "--until must not be before --since");
      }
      String q =
          (since == null ? "" : "since=" + since)
              + (until == null ? "" : (since == null ? "" : "&") + "until=" + until);
      Answer answer =
          ask(
              config(),
              "GET",
              "/admin/stats" + (q.isEmpty() ? "" : "?" + q),
              null,
              app -> app.stats.stats(since, until));
      return print(answer, !table, CliTables::stats);
    }
  }

  @Command(
      name = "incidents",
      description = "List open incidents (negative replies and requests not followed up).")
  static final class IncidentsCmd extends CliVerb {
    @Option(names = "--all", description = "also those already followed up")
    boolean all;

    @Option(names = "--json", description = "print the /admin/incidents JSON instead of a table")
    boolean json;

    @Option(names = "--limit", description = "at most this many (default 100, at most 1000)")
    Integer limit;

    @Option(names = "--after", description = "the \"next\" cursor of an earlier page")
    String after;

    @Override
    public Integer call() throws Exception {
      String state = all ? "all" : "open";
      int n = Paging.limit(limit == null ? null : limit.toString());
      String query =
          "?state="
              + state
              + "&limit="
              + n
              + (after == null
                  ? ""
                  : "&after=" + java.net.URLEncoder.encode(after, StandardCharsets.UTF_8));
      Answer answer =
          ask(
              config(),
              "GET",
              "/admin/incidents" + query,
              null,
              app -> {
                Paging.Page<Map<String, Object>> page = app.admin.incidents(all, n, after);
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("incidents", page.items());
                m.put("next", page.next());
                return m;
              });
      return print(answer, json, CliTables::incidents);
    }
  }

  @Command(name = "outbox", description = "outbox list [--dead] | outbox retry ID|--dead")
  static final class OutboxCmd extends CliVerb {
    @Parameters(index = "0", paramLabel = "list|retry")
    String verb;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID")
    String id;

    @Option(names = "--dead", description = "dead-lettered rows")
    boolean dead;

    @Option(names = "--json", description = "list as JSON instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Config config = config();
      if ("list".equals(verb)) {
        String state = dead ? "dead" : "pending";
        Answer answer =
            ask(
                config,
                "GET",
                "/admin/outbox?state=" + state,
                null,
                app -> {
                  var page = app.outboxOps.outbox(state, OutboxOps.DEFAULT_LIMIT, null);
                  Map<String, Object> m = new java.util.LinkedHashMap<>();
                  m.put("outbox", page.items());
                  m.put("next", page.next());
                  return m;
                });
        return print(answer, json, CliTables::outbox);
      }
      if ("retry".equals(verb) && dead) {
        return viaAppOrStore(
            config,
            "POST",
            "/admin/outbox/retry-dead",
            null,
            app -> Map.of("retried", app.outboxOps.retryAllDead()));
      }
      if ("retry".equals(verb) && id != null && id.matches("\\d{1,18}")) {
        long rowId = Long.parseLong(id);
        return viaAppOrStore(
            config,
            "POST",
            "/admin/outbox/" + rowId + "/retry",
            null,
            app ->
                app.outboxOps
                    .retry(rowId)
                    .orElseThrow(() -> new IllegalStateException("no dead outbox row " + rowId)));
      }
      err().println("usage: outbox list [--dead] | outbox retry ID|--dead");
      return USAGE;
    }
  }
}
