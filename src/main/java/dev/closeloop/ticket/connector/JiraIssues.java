package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import java.time.Instant;

/**
 * A Jira issue (REST v2/v3 shape, as in webhooks and search results) as Closeloop sees it. Shared
 * by {@link JiraConnector} and the Jira poller so both map alike.
 */
public final class JiraIssues {
  public static final String SOURCE = "jira";

  /** The fields the mapping reads; what the poller asks search/jql for. */
  public static final String FIELDS =
      "summary,status,resolution,resolutiondate,reporter,assignee,components,project";

  private JiraIssues() {}

  /** id {@code key}, link {@code <self host>/browse/<key>}, team 1st component else project key. */
  public static Ticket ticket(JsonNode issue) {
    String key = Fields.ticketId(Fields.required(issue, "/key", "issue.key"));
    return new Ticket(
        key,
        Fields.text(issue, "/fields/summary"),
        browseUrl(Fields.text(issue, "/self"), key),
        Fields.text(issue, "/fields/assignee/displayName"),
        team(issue));
  }

  public static Requester requester(JsonNode issue) {
    JsonNode reporter = issue.at("/fields/reporter");
    return new Requester(
        Fields.text(reporter, "/emailAddress"),
        Fields.text(reporter, "/displayName"),
        null,
        null,
        Fields.text(reporter, "/timeZone"),
        null);
  }

  /** {@code fields.resolutiondate}, or null (receipt time) when absent. */
  public static Instant resolvedAt(JsonNode issue) {
    return Times.parse(Fields.text(issue, "/fields/resolutiondate"), "fields.resolutiondate");
  }

  /** The issue as a close; a {@link PayloadException} when it lacks key or reporter email. */
  public static TicketEvent closed(JsonNode issue) {
    return Events.closed(
        SOURCE, ticket(issue), requester(issue), resolvedAt(issue), "fields.reporter.emailAddress");
  }

  static boolean statusDone(JsonNode issue) {
    return "done".equalsIgnoreCase(Fields.text(issue, "/fields/status/statusCategory/key"));
  }

  private static String team(JsonNode issue) {
    for (JsonNode component : issue.at("/fields/components")) {
      String name = Fields.text(component, "/name");
      if (name != null) {
        return name;
      }
    }
    return Fields.text(issue, "/fields/project/key");
  }

  /** "https://x.atlassian.net/rest/api/2/issue/10001" → "https://x.atlassian.net/browse/KEY". */
  static String browseUrl(String self, String key) {
    if (self == null) {
      return null;
    }
    int rest = self.indexOf("/rest/");
    if (rest > 0) {
      return self.substring(0, rest) + "/browse/" + key;
    }
    try {
      java.net.URI uri = java.net.URI.create(self);
      return uri.getScheme() + "://" + uri.getRawAuthority() + "/browse/" + key;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
