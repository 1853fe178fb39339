package dev.closeloop.ticket.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.connector.ServiceNowRecords;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceNowPollerTest extends WireMockSupport {
  private static final String PATH = "/api/now/table/incident";
  private static final String AUTH = basic("closeloop.integration", "sn-pass");

  private Helpdesks.ServiceNow config() {
    return new Helpdesks.ServiceNow(
        "",
        baseUrl(),
        "closeloop.integration",
        "sn-pass",
        "incident",
        "active=true",
        "PT5M",
        Duration.ofDays(1));
  }

  private String link(String rel, int offset) {
    return "<"
        + baseUrl()
        + PATH
        + "?sysparm_limit=500&sysparm_offset="
        + offset
        + "&sysparm_query=ORDERBYsys_updated_on>;rel=\""
        + rel
        + "\"";
  }

  @BeforeEach
  void twoPages() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("sysparm_offset", absent())
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader(
                        "Link",
                        link("first", 0) + "," + link("next", 500) + "," + link("last", 500))
                    .withBody(sample("servicenow/table-page1.json"))));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("sysparm_offset", equalTo("500"))
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader(
                        "Link", link("first", 0) + "," + link("prev", 0) + "," + link("last", 500))
                    .withBody(sample("servicenow/table-page2.json"))));
  }

  @Test
  void firstRunQueriesFromBackfillAndFollowsLinkNext() {
    FakeStore store = new FakeStore();
    PollReport report = new ServiceNowPoller(config(), context(store)).pollOnce();

    assertThat(report.pages()).isEqualTo(2);
    // state 8 (canceled) is neither a close nor open
    assertThat(store.storedIds())
        .containsExactly("INC0010001:CLOSED", "INC0010002:SEEN_OPEN", "INC0010003:CLOSED");
    TicketEvent first = store.received.get(0);
    assertThat(first.ticket().url())
        .isEqualTo(baseUrl() + "/nav_to.do?uri=incident.do?sys_id=a" + "0".repeat(30) + "1");
    assertThat(first.requester().email()).isEqualTo("c1@example.com");
    assertThat(first.closedAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(store.cursorHistory).containsExactly("2026-11-24 09:10:00", "2026-11-24 09:30:00");
    server.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam(
                "sysparm_query",
                equalTo("sys_updated_on>=2026-11-23 10:05:00^active=true^ORDERBYsys_updated_on"))
            .withQueryParam("sysparm_fields", equalTo(ServiceNowRecords.FIELDS)));
  }

  @Test
  void restartInTheMiddleOfAPageResumesFromTheCommittedCursor() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("sysparm_query", containing(">=2026-11-24 09:10:00"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(sample("servicenow/table-from-0910.json"))));
    FakeStore store = new FakeStore().dieOnCommit(2);
    assertThatThrownBy(() -> new ServiceNowPoller(config(), context(store)).pollOnce())
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.cursors).containsEntry("servicenow", "2026-11-24 09:10:00");

    new ServiceNowPoller(config(), context(store)).pollOnce();

    assertThat(store.storedIds())
        .containsExactly("INC0010001:CLOSED", "INC0010002:SEEN_OPEN", "INC0010003:CLOSED");
    assertThat(store.cursors).containsEntry("servicenow", "2026-11-24 09:30:00");
  }

  @Test
  void serviceUnavailableWaitsRetryAfter() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("sysparm_offset", equalTo("500"))
            .atPriority(1)
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2"))
            .willSetStateTo("ok"));
    FakeStore store = new FakeStore();
    new ServiceNowPoller(config(), context(store)).pollOnce();

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(store.cursors).containsEntry("servicenow", "2026-11-24 09:30:00");
  }

  @Test
  void aNextLinkToAnotherHostIsRefused() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("sysparm_offset", absent())
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withHeader(
                        "Link", "<https://evil.example/api/now/table/incident>;rel=\"next\"")
                    .withBody(sample("servicenow/table-page1.json"))));
    FakeStore store = new FakeStore();
    assertThatThrownBy(() -> new ServiceNowPoller(config(), context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining("evil.example");
    assertThat(store.cursors).containsEntry("servicenow", "2026-11-24 09:10:00");
  }
}
