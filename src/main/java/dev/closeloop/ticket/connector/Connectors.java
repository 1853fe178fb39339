package dev.closeloop.ticket.connector;

import dev.closeloop.config.Config;
import dev.closeloop.ticket.Connector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every helpdesk webhook by its {@code {source}} segment. All six are always present: one whose
 * secret is unset answers 401, as the contract says; an unknown source is the caller's 404.
 */
public final class Connectors {
  private final Map<String, Connector> bySource;

  public Connectors(List<Connector> connectors) {
    Map<String, Connector> map = new LinkedHashMap<>();
    for (Connector c : connectors) {
      if (map.putIfAbsent(c.source(), c) != null) {
        throw new IllegalArgumentException("two connectors for source " + c.source());
      }
    }
    this.bySource = Map.copyOf(map);
  }

  public static Connectors from(Config.Connectors config) {
    return new Connectors(
        List.of(
            new JiraConnector(config.jira()),
            new ZendeskConnector(config.zendesk()),
            new ServiceNowConnector(config.servicenow()),
            new FreshserviceConnector(config.freshservice()),
            new GlpiConnector(config.glpi()),
            new ZammadConnector(config.zammad())));
  }

  public Optional<Connector> find(String source) {
    return Optional.ofNullable(source == null ? null : bySource.get(source));
  }

  public Map<String, Connector> asMap() {
    return bySource;
  }
}
