package dev.closeloop.config;

import java.time.Duration;

/**
 * The helpdesk sections of {@code connectors}: each helpdesk's intake secret, API credentials for
 * polling and write-back, and what goes back into it.
 */
public final class Helpdesks {
  private Helpdesks() {}

  /**
   * What goes back into a helpdesk: the survey result as an internal note, a reopen on "not fixed"
   * ({@code ask | always | never}), follow-ups from the digest as notes, and typed requests as new
   * tickets.
   */
  public record WriteBack(boolean notes, String reopen, boolean followUps, boolean createRequests) {
    public static final WriteBack DEFAULT = new WriteBack(true, "ask", true, false);
  }

  /** {@link WriteBack} for Jira, with the workflow transition that reopens an issue. */
  public record JiraWriteBack(
      boolean notes,
      String reopen,
      boolean followUps,
      boolean createRequests,
      String reopenTransition) {
    public static final JiraWriteBack DEFAULT = new JiraWriteBack(true, "ask", true, false, "");

    public WriteBack common() {
      return new WriteBack(notes, reopen, followUps, createRequests);
    }
  }

  public record Jira(
      String secret,
      String baseUrl,
      String email,
      String apiToken,
      String jql,
      String pollEvery,
      Duration backfill,
      JiraWriteBack writeBack) {

    /** With the default write-back settings. */
    public Jira(
        String secret,
        String baseUrl,
        String email,
        String apiToken,
        String jql,
        String pollEvery,
        Duration backfill) {
      this(secret, baseUrl, email, apiToken, jql, pollEvery, backfill, JiraWriteBack.DEFAULT);
    }
  }

  public record Zendesk(
      String secret,
      String baseUrl,
      String subdomain,
      String email,
      String apiToken,
      String pollEvery,
      Duration backfill,
      WriteBack writeBack) {

    /** With the default write-back settings. */
    public Zendesk(
        String secret,
        String baseUrl,
        String subdomain,
        String email,
        String apiToken,
        String pollEvery,
        Duration backfill) {
      this(secret, baseUrl, subdomain, email, apiToken, pollEvery, backfill, WriteBack.DEFAULT);
    }
  }

  public record ServiceNow(
      String secret,
      String instanceUrl,
      String user,
      String password,
      String table,
      String query,
      String pollEvery,
      Duration backfill,
      WriteBack writeBack) {

    /** The table every use reads, written empty or not: {@code incident} when none is given. */
    public ServiceNow {
      table = table == null || table.isBlank() ? "incident" : table.strip();
    }

    /** With the default write-back settings. */
    public ServiceNow(
        String secret,
        String instanceUrl,
        String user,
        String password,
        String table,
        String query,
        String pollEvery,
        Duration backfill) {
      this(
          secret,
          instanceUrl,
          user,
          password,
          table,
          query,
          pollEvery,
          backfill,
          WriteBack.DEFAULT);
    }
  }

  public record Freshservice(String secret, String baseUrl, String apiKey, WriteBack writeBack) {
    /** Webhook only. */
    public Freshservice(String secret) {
      this(secret, "", "", WriteBack.DEFAULT);
    }
  }

  public record Glpi(
      String secret,
      String baseUrl,
      String emailDomain,
      String appToken,
      String userToken,
      WriteBack writeBack) {
    /** Webhook only. */
    public Glpi(String secret, String baseUrl, String emailDomain) {
      this(secret, baseUrl, emailDomain, "", "", WriteBack.DEFAULT);
    }
  }

  public record Zammad(String secret, String baseUrl, String apiToken, WriteBack writeBack) {
    /** Webhook only. */
    public Zammad(String secret, String baseUrl) {
      this(secret, baseUrl, "", WriteBack.DEFAULT);
    }
  }

  /** Write-back of tickets from the generic webhook: signed JSON POSTs to a URL of yours. */
  public record Generic(String writeBackUrl, String writeBackSecret) {
    public static final Generic NONE = new Generic("", "");
  }
}
