package dev.closeloop.ticket.writeback;

import dev.closeloop.config.Config;
import dev.closeloop.config.Helpdesks;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The write-back clients of every helpdesk whose API credentials are set. */
public final class HelpdeskWriters {
  /** The bound of one helpdesk call where no other is configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Generic tickets: every write goes out; the receiver decides what to do with it. */
  private static final Helpdesks.WriteBack GENERIC =
      new Helpdesks.WriteBack(true, "ask", true, true);

  private HelpdeskWriters() {}

  /**
   * One writer per configured system, by connector name ({@code jira}, …, {@code generic}), each
   * call bounded by {@code timeout}.
   */
  public static Map<String, HelpdeskWriter> from(
      Config.Connectors c, HttpClient http, Duration timeout, Clock clock) {
    Map<String, HelpdeskWriter> out = new LinkedHashMap<>();
    var jira = c.jira();
    if (set(jira.baseUrl(), jira.email(), jira.apiToken())) {
      out.put("jira", new JiraWriter(jira, http, timeout, clock));
    }
    var zendesk = c.zendesk();
    if (set(zendesk.baseUrl() + zendesk.subdomain(), zendesk.email(), zendesk.apiToken())) {
      out.put("zendesk", new ZendeskWriter(zendesk, http, timeout, clock));
    }
    var servicenow = c.servicenow();
    if (set(servicenow.instanceUrl(), servicenow.user(), servicenow.password())) {
      out.put("servicenow", new ServiceNowWriter(servicenow, http, timeout, clock));
    }
    var freshservice = c.freshservice();
    if (set(freshservice.baseUrl(), freshservice.apiKey())) {
      out.put("freshservice", new FreshserviceWriter(freshservice, http, timeout, clock));
    }
    var glpi = c.glpi();
    if (set(glpi.baseUrl(), glpi.userToken())) {
      out.put("glpi", new GlpiWriter(glpi, http, timeout, clock));
    }
    var zammad = c.zammad();
    if (set(zammad.baseUrl(), zammad.apiToken())) {
      out.put("zammad", new ZammadWriter(zammad, http, timeout, clock));
    }
    if (set(c.generic().writeBackUrl())) {
      out.put("generic", new GenericWriter(c.generic(), http, timeout, clock));
    }
    return out;
  }

  /** What the operator allows to be written back to {@code system}'s tickets. */
  public static Helpdesks.WriteBack settings(Config.Connectors c, String system) {
    return switch (system) {
      case "jira" -> c.jira().writeBack().common();
      case "zendesk" -> c.zendesk().writeBack();
      case "servicenow" -> c.servicenow().writeBack();
      case "freshservice" -> c.freshservice().writeBack();
      case "glpi" -> c.glpi().writeBack();
      case "zammad" -> c.zammad().writeBack();
      case "generic" -> GENERIC;
      default -> throw new IllegalArgumentException("no write-back for " + system);
    };
  }

  private static boolean set(String... values) {
    for (String v : values) {
      if (v == null || v.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
