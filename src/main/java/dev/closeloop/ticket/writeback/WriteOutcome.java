package dev.closeloop.ticket.writeback;

import java.time.Duration;

/**
 * What became of a write. Only {@link Retry} is worth another attempt; {@link Denied} and {@link
 * Rejected} go to the dead letter at once with their reason; {@link Gone} ends the write with a log
 * line (the ticket no longer exists).
 */
public sealed interface WriteOutcome {
  /** {@code ok}, {@code gone}, {@code denied}, {@code rejected} or {@code retry}. */
  String label();

  /**
   * The helpdesk took the write.
   *
   * @param id the created ticket's id for a request (as agents see it: Jira key, ServiceNow number,
   *     Zammad number), the note's id for a note where the system returns one, else the ticket's id
   * @param url the created ticket, or the ticket written to
   * @param noChange a reopen found the ticket already open and only added the note
   */
  record Done(String id, String url, boolean noChange) implements WriteOutcome {
    public static Done of(String id, String url) {
      return new Done(id, url, false);
    }

    @Override
    public String label() {
      return "ok";
    }
  }

  /** Every outcome but {@link Done}, with a reason fit for {@code /admin/outbox} and the log. */
  sealed interface Failure extends WriteOutcome {
    String reason();
  }

  /** 404: the ticket is gone. */
  record Gone(String reason) implements Failure {
    @Override
    public String label() {
      return "gone";
    }
  }

  /** 401/403: the credentials or a permission are missing; the reason names which. */
  record Denied(String reason) implements Failure {
    @Override
    public String label() {
      return "denied";
    }
  }

  /** 400/422 and the like: the system refused this write; the reason carries its error text. */
  record Rejected(String reason) implements Failure {
    @Override
    public String label() {
      return "rejected";
    }
  }

  /**
   * 429, 5xx, timeouts, unreachable: try again.
   *
   * @param after the wait the system asked for ({@code Retry-After}), or null for the caller's
   *     backoff
   */
  record Retry(String reason, Duration after) implements Failure {
    @Override
    public String label() {
      return "retry";
    }
  }
}
