package dev.closeloop.ticket.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Config;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorsTest {
  static Config.Connectors unconfigured() {
    return new Config.Connectors(
        new Config.Jira("", "", "", "", "", "", Duration.ofDays(1)),
        new Config.Zendesk("", "", "", "", "", "", Duration.ofDays(1)),
        new Config.ServiceNow("", "", "", "", "incident", "", "", Duration.ofDays(1)),
        new Config.Freshservice(""),
        new Config.Glpi("", "", ""),
        new Config.Zammad("", ""));
  }

  @Test
  void everySystemHasAConnectorByItsSource() {
    Connectors connectors = Connectors.from(unconfigured());
    assertThat(connectors.asMap().keySet())
        .containsExactlyInAnyOrder(
            "jira", "zendesk", "servicenow", "freshservice", "glpi", "zammad");
    assertThat(connectors.find("generic")).isEmpty();
    assertThat(connectors.find(null)).isEmpty();
  }

  @Test
  void aConnectorWithoutSecretAnswersUnauthorized() {
    var request =
        Samples.request(
            "{}".getBytes(StandardCharsets.UTF_8),
            Map.of("X-Closeloop-Token", ""),
            Map.of("token", ""));
    for (var connector : Connectors.from(unconfigured()).asMap().values()) {
      assertThat(connector.handle(request))
          .as(connector.source())
          .isInstanceOf(WebhookResult.Unauthorized.class);
    }
  }
}
