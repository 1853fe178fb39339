package dev.closeloop.app;

import dev.closeloop.config.Config;
import dev.closeloop.ticket.Connector;
import java.util.Map;

/** The helpdesk connectors at /hooks/tickets/{source}. */
final class ConnectorWiring {
  private ConnectorWiring() {}

  static Map<String, Connector> connectors(Config config) {
    return dev.closeloop.ticket.connector.Connectors.from(config.connectors()).asMap();
  }
}
