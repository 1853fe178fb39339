package dev.closeloop.app;

import dev.closeloop.config.Config;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
import dev.closeloop.ticket.writeback.HelpdeskWriters;
import dev.closeloop.ticket.writeback.ProbeReport;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/**
 * {@code check-config --probe}: asks every helpdesk with write-back credentials, with read-only
 * calls, whether they work and what is missing. Printed as YAML comments after the config.
 */
final class WriteBackProbe {
  private WriteBackProbe() {}

  /** True when every system answered and nothing is missing. */
  static boolean run(Config config, PrintWriter out, HttpClient http, Clock clock) {
    Map<String, HelpdeskWriter> writers =
        HelpdeskWriters.from(config.connectors(), http, config.timeouts().helpdesk(), clock);
    if (writers.isEmpty()) {
      out.println("# probe: no helpdesk has write-back credentials set; nothing to check");
      return true;
    }
    boolean ok = true;
    for (HelpdeskWriter writer : writers.values()) {
      ProbeReport report = writer.probe();
      ok &= report.ok();
      out.println(
          "# probe " + report.system() + ": " + (report.ok() ? "ok" : "something is missing"));
      for (ProbeReport.Finding f : report.findings()) {
        out.println("#   " + (f.ok() ? "ok:      " : "MISSING: ") + f.text());
      }
    }
    return ok;
  }
}
