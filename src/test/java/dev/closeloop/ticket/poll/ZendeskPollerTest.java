package dev.closeloop.ticket.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZendeskPollerTest extends WireMockSupport {
  private static final String PATH = "/api/v2/incremental/tickets/cursor.json";
  private static final String PAGE1_CURSOR = "MTU4MDc1Mzc5OC4wfHw0MzJ8";
  private static final String PAGE2_CURSOR = "MTU4MDc1NDAwMC4wfHw0MzV8";
  private static final String START = Long.toString(NOW.minus(Duration.ofDays(1)).getEpochSecond());

  private Helpdesks.Zendesk config() {
    return new Helpdesks.Zendesk(
        "", baseUrl(), "acme", "ops@acme.example", "zd-token", "PT5M", Duration.ofDays(1));
  }

  @BeforeEach
  void twoPages() {
    String auth = basic("ops@acme.example/token", "zd-token");
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("start_time", equalTo(START))
            .withQueryParam("cursor", absent())
            .withQueryParam("include", equalTo("users,groups"))
            .withHeader("Authorization", equalTo(auth))
            .willReturn(okJson(sample("zendesk/export-page1.json"))));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("cursor", equalTo(PAGE1_CURSOR))
            .withQueryParam("include", equalTo("users,groups"))
            .withHeader("Authorization", equalTo(auth))
            .willReturn(okJson(sample("zendesk/export-page2.json"))));
  }

  @Test
  void firstRunExportsFromBackfillUntilEndOfStream() {
    FakeStore store = new FakeStore();
    PollReport report = new ZendeskPoller(config(), context(store)).pollOnce();

    assertThat(report.pages()).isEqualTo(2);
    assertThat(store.storedIds())
        .containsExactly("35436:CLOSED", "35437:SEEN_OPEN", "35438:CLOSED"); // 35439 deleted
    TicketEvent solved = store.received.get(0);
    assertThat(solved.ticket())
        .isEqualTo(
            new TicketEvent.Ticket(
                "35436",
                "Ticket 35436",
                baseUrl() + "/agent/tickets/35436",
                "Alex Kim",
                "Facilities"));
    assertThat(solved.requester().email()).isEqualTo("dana@example.com");
    assertThat(solved.requester().timezone()).isEqualTo("Europe/Berlin");
    assertThat(solved.closedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(store.cursorHistory).containsExactly(PAGE1_CURSOR, PAGE2_CURSOR);
  }

  @Test
  void nextRunResumesFromTheStoredAfterCursor() {
    FakeStore store = new FakeStore();
    store.cursors.put("zendesk", PAGE1_CURSOR);
    new ZendeskPoller(config(), context(store)).pollOnce();

    server.verify(
        0, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start_time", equalTo(START)));
    assertThat(store.storedIds()).containsExactly("35438:CLOSED");
  }

  @Test
  void restartInTheMiddleOfAPageNeitherMissesNorDuplicates() {
    FakeStore store = new FakeStore().dieOnCommit(2);
    assertThatThrownBy(() -> new ZendeskPoller(config(), context(store)).pollOnce())
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.cursors).containsEntry("zendesk", PAGE1_CURSOR);

    new ZendeskPoller(config(), context(store)).pollOnce();

    assertThat(store.received).hasSize(3); // nothing handed over twice
    assertThat(store.storedIds())
        .containsExactly("35436:CLOSED", "35437:SEEN_OPEN", "35438:CLOSED");
    assertThat(store.cursors).containsEntry("zendesk", PAGE2_CURSOR);
    server.verify(
        1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start_time", equalTo(START)));
    server.verify(
        2, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("cursor", equalTo(PAGE1_CURSOR)));
  }

  @Test
  void rateLimitedPageWaitsRetryAfter() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("cursor", equalTo(PAGE1_CURSOR))
            .inScenario("rate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30"))
            .willSetStateTo("served"));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("cursor", equalTo(PAGE1_CURSOR))
            .inScenario("rate")
            .whenScenarioStateIs("served")
            .willReturn(okJson(sample("zendesk/export-page2.json"))));
    FakeStore store = new FakeStore();
    new ZendeskPoller(config(), context(store)).pollOnce();

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
    assertThat(store.cursors).containsEntry("zendesk", PAGE2_CURSOR);
  }

  @Test
  void baseUrlDefaultsToTheSubdomain() {
    Helpdesks.Zendesk bySubdomain =
        new Helpdesks.Zendesk("", "", "acme", "e", "t", "PT5M", Duration.ofDays(1));
    assertThat(ZendeskPoller.baseUrl(bySubdomain)).isEqualTo("https://acme.zendesk.com");
  }
}
