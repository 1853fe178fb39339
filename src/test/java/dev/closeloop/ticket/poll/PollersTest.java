package dev.closeloop.ticket.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.config.Config;
import dev.closeloop.config.Helpdesks;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollersTest {
  private final PollContext context =
      new PollContext(
          HttpClient.newHttpClient(),
          poller -> Optional.empty(),
          (poller, events, cursor) -> {},
          Clock.systemUTC(),
          new RecordingSleeper(),
          RetryPolicy.DEFAULT);

  @Test
  void onlyConnectorsWithPollEveryAndCredentialsPoll() {
    Config.Connectors config =
        new Config.Connectors(
            new Helpdesks.Jira(
                "", "https://acme.atlassian.net", "e", "t", "", "PT5M", Duration.ofDays(1)),
            new Helpdesks.Zendesk("", "", "acme", "e", "t", "", Duration.ofDays(1)),
            new Helpdesks.ServiceNow(
                "",
                "https://acme.service-now.com",
                "u",
                "",
                "incident",
                "",
                "PT1M",
                Duration.ofDays(1)),
            new Helpdesks.Freshservice(""),
            new Helpdesks.Glpi("", "", ""),
            new Helpdesks.Zammad("", ""));

    assertThat(Pollers.from(config, context))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("jira");
              assertThat(p.every()).isEqualTo(Duration.ofMinutes(5));
            });
  }

  @Test
  void pollEveryMustBeAPositiveDuration() {
    assertThatThrownBy(() -> Pollers.every("jira", "5 minutes"))
        .hasMessageContaining("connectors.jira.pollEvery");
    assertThatThrownBy(() -> Pollers.every("jira", "PT0S")).hasMessageContaining("positive");
  }

  @Test
  void retryAfterMayBeAnHttpDateAndIsCapped() {
    Clock clock =
        Clock.fixed(java.time.Instant.parse("2026-11-24T10:00:00Z"), java.time.ZoneOffset.UTC);
    assertThat(RetryPolicy.DEFAULT.waitFor("Tue, 24 Nov 2026 10:00:42 GMT", clock))
        .isEqualTo(Duration.ofSeconds(42));
    assertThat(RetryPolicy.DEFAULT.waitFor("86400", clock)).isEqualTo(Duration.ofMinutes(15));
    assertThat(RetryPolicy.DEFAULT.waitFor(null, clock)).isEqualTo(Duration.ofSeconds(60));
  }
}
