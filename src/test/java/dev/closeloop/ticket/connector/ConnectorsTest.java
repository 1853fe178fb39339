package dev.closeloop.ticket.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Config;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorsTest {
  static Config.Connectors unconfigured() {
    return new Config.Connectors(
        new Helpdesks.Jira("", "", "", "", "", "", Duration.ofDays(1)),
        new Helpdesks.Zendesk("", "", "", "", "", "", Duration.ofDays(1)),
        new Helpdesks.ServiceNow("", "", "", "", "incident", "", "", Duration.ofDays(1)),
        new Helpdesks.Freshservice(""),
        new Helpdesks.Glpi("", "", ""),
        new Helpdesks.Zammad("", ""));
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
