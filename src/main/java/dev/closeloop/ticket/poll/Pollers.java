package dev.closeloop.ticket.poll;

import dev.closeloop.config.Config;
import dev.closeloop.config.Helpdesks;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The pollers the configuration asks for: {@code pollEvery} set and credentials present. */
public final class Pollers {
  private Pollers() {}

  public static List<Poller> from(Config.Connectors config, PollContext context) {
    List<Poller> pollers = new ArrayList<>();
    Helpdesks.Jira jira = config.jira();
    if (jira != null
        && set(jira.pollEvery())
        && set(jira.baseUrl())
        && set(jira.email())
        && set(jira.apiToken())) {
      pollers.add(new JiraPoller(jira, context));
    }
    Helpdesks.Zendesk zendesk = config.zendesk();
    if (zendesk != null
        && set(zendesk.pollEvery())
        && (set(zendesk.baseUrl()) || set(zendesk.subdomain()))
        && set(zendesk.email())
        && set(zendesk.apiToken())) {
      pollers.add(new ZendeskPoller(zendesk, context));
    }
    Helpdesks.ServiceNow now = config.servicenow();
    if (now != null
        && set(now.pollEvery())
        && set(now.instanceUrl())
        && set(now.user())
        && set(now.password())) {
      pollers.add(new ServiceNowPoller(now, context));
    }
    return List.copyOf(pollers);
  }

  /** {@code connectors.<name>.pollEvery} as a positive duration. */
  static Duration every(String name, String pollEvery) {
    String key = "connectors." + name + ".pollEvery";
    if (!set(pollEvery)) {
      throw new IllegalArgumentException(key + " is empty: this connector does not poll");
    }
    try {
      Duration d = Duration.parse(pollEvery.strip());
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(key + " must be positive");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration: " + pollEvery);
    }
  }

  private static boolean set(String s) {
    return s != null && !s.isBlank();
  }
}
