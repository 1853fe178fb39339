package dev.closeloop.ticket.writeback;

import java.util.List;

/** What {@code check-config --probe} found for one system, in plain words. */
public record ProbeReport(String system, List<Finding> findings) {
  public ProbeReport {
    findings = List.copyOf(findings);
  }

  /** One thing checked: fine, or missing/unreachable with what to do. */
  public record Finding(boolean ok, String text) {
    public static Finding ok(String text) {
      return new Finding(true, text);
    }

    public static Finding missing(String text) {
      return new Finding(false, text);
    }
  }

  public boolean ok() {
    return findings.stream().allMatch(Finding::ok);
  }
}
