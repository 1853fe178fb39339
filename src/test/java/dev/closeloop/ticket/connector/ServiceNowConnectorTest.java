package dev.closeloop.ticket.connector;

import static dev.closeloop.ticket.connector.Samples.event;
import static dev.closeloop.ticket.connector.Samples.invalid;
import static dev.closeloop.ticket.connector.Samples.load;
import static dev.closeloop.ticket.connector.Samples.request;
import static dev.closeloop.ticket.connector.Samples.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNowConnectorTest {
  private static final String SECRET = "snow-s3cret";
  private final ServiceNowConnector connector =
      new ServiceNowConnector(
          new Helpdesks.ServiceNow(
              SECRET,
              "https://acme.service-now.com/",
              "",
              "",
              "incident",
              "",
              "",
              Duration.ofDays(1)));

  private WebhookResult withToken(byte[] body) {
    return connector.handle(request(body, Map.of("X-Closeloop-Token", SECRET), Map.of()));
  }

  @Test
  void anEmptyTableIsTheDefaultIncidentTableInTheLink() {
    // `table: ""` is accepted by check-config and polls `incident`: the link names it too
    ServiceNowConnector blank =
        new ServiceNowConnector(
            new Helpdesks.ServiceNow(
                SECRET, "https://acme.service-now.com/", "", "", "", "", "", Duration.ofDays(1)));
    TicketEvent e =
        event(
            blank.handle(
                request(
                    load("servicenow/incident-resolved.json"),
                    Map.of("X-Closeloop-Token", SECRET),
                    Map.of())));
    assertThat(e.ticket().url())
        .isEqualTo(
            "https://acme.service-now.com/nav_to.do?uri=incident.do?sys_id=9d385017c611228701d22104cc95c371");
  }

  @Test
  void resolvedIncidentIsAClose() {
    TicketEvent e = event(withToken(load("servicenow/incident-resolved.json")));

    assertThat(e.kind()).isEqualTo(Kind.CLOSED);
    assertThat(e.source()).isEqualTo("servicenow");
    assertThat(e.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "INC0010042",
                "Laptop will not boot after update",
                "https://acme.service-now.com/nav_to.do?uri=incident.do?sys_id=9d385017c611228701d22104cc95c371",
                "Alex Kim",
                "Service Desk"));
    assertThat(e.requester().email()).isEqualTo("dana@example.com");
    assertThat(e.requester().name()).isEqualTo("Dana Reyes");
    assertThat(e.closedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
  }

  @Test
  void tokenMayComeAsQueryParameter() {
    byte[] body = load("servicenow/incident-resolved.json");
    assertThat(connector.handle(request(body, Map.of(), Map.of("token", SECRET))))
        .isInstanceOf(WebhookResult.Event.class);
  }

  @Test
  void wrongOrMissingTokenIsUnauthorized() {
    byte[] body = load("servicenow/incident-resolved.json");
    assertThat(connector.handle(request(body, Map.of("X-Closeloop-Token", "nope"), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(connector.handle(request(body, Map.of(), Map.of())))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void closingAnAlreadyResolvedIncidentIsIgnored() {
    assertThat(withToken(load("servicenow/incident-closed-after-resolved.json")))
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void workNoteOnAnOpenIncidentIsIgnored() {
    assertThat(withToken(load("servicenow/incident-worknote.json")))
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void resolvedBackToInProgressIsAReopen() {
    TicketEvent e = event(withToken(load("servicenow/incident-reopened.json")));
    assertThat(e.kind()).isEqualTo(Kind.REOPENED);
    assertThat(e.ticket().id()).isEqualTo("INC0010042");
  }

  @Test
  void closedAtIsUsedWhenResolvedAtIsEmpty() {
    String body =
        text("servicenow/incident-resolved.json")
            .replace("\"state\": \"6\"", "\"state\": \"7\"")
            .replace("\"resolved_at\": \"2026-11-24 10:00:00\"", "\"resolved_at\": \"\"")
            .replace("\"closed_at\": \"\"", "\"closed_at\": \"2026-11-25 07:30:00\"");
    assertThat(event(withToken(body.getBytes(StandardCharsets.UTF_8))).closedAt())
        .isEqualTo(Instant.parse("2026-11-25T07:30:00Z"));
  }

  @Test
  void missingNumberOrStateIsInvalidNamingTheField() {
    String noNumber =
        text("servicenow/incident-resolved.json").replace("\"number\": \"INC0010042\",", "");
    assertThat(invalid(withToken(noNumber.getBytes(StandardCharsets.UTF_8)))).contains("number");
    String noState = text("servicenow/incident-resolved.json").replace("\"state\": \"6\",", "");
    assertThat(invalid(withToken(noState.getBytes(StandardCharsets.UTF_8)))).contains("state");
  }
}
