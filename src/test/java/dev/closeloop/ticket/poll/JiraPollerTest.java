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
import dev.closeloop.testing.FloodingServer;
import dev.closeloop.testing.StallingServer;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.connector.JiraIssues;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JiraPollerTest extends WireMockSupport {
  private static final String PATH = "/rest/api/3/search/jql";
  private static final String AUTH = basic("ops@acme.example", "atl-token");

  private Helpdesks.Jira config() {
    return new Helpdesks.Jira(
        "", baseUrl(), "ops@acme.example", "atl-token", "project = IT", "PT5M", Duration.ofDays(1));
  }

  @BeforeEach
  void twoPages() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("nextPageToken", absent())
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(okJson(sample("jira/search-page1.json"))));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("nextPageToken", equalTo("CAEaAggD"))
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(okJson(sample("jira/search-page2.json"))));
  }

  @Test
  void firstRunSearchesFromBackfillAndFollowsNextPageToken() {
    FakeStore store = new FakeStore();
    PollReport report = new JiraPoller(config(), context(store)).pollOnce();

    assertThat(report.pages()).isEqualTo(2);
    assertThat(store.storedIds()).containsExactly("IT-1:CLOSED", "IT-2:CLOSED", "IT-3:CLOSED");
    TicketEvent first = store.received.get(0);
    assertThat(first.ticket().url()).isEqualTo("https://acme.atlassian.net/browse/IT-1");
    assertThat(first.requester().email()).isEqualTo("p1@example.com");
    assertThat(first.ticket().team()).isEqualTo("IT"); // no component: project key
    assertThat(store.received.get(1).ticket().team()).isEqualTo("network");
    assertThat(store.received.get(2).closedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
    assertThat(store.cursorHistory).containsExactly("2026-11-24T09:30:00Z", "2026-11-24T10:15:00Z");
    server.verify(
        2,
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam(
                "jql",
                equalTo(
                    "(project = IT) AND resolutiondate >= \"2026-11-23 10:05\""
                        + " ORDER BY resolutiondate ASC"))
            .withQueryParam("fields", equalTo(JiraIssues.FIELDS)));
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void nextRunStartsOneDayBeforeTheStoredCursor() {
    FakeStore store = new FakeStore();
    store.cursors.put("jira", "2026-11-24T09:30:00Z");
    new JiraPoller(config(), context(store)).pollOnce();

    server.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam(
                "jql",
                equalTo(
                    "(project = IT) AND resolutiondate >= \"2026-11-23 09:30\""
                        + " ORDER BY resolutiondate ASC")));
  }

  @Test
  void restartInTheMiddleOfAPageMissesNothing() {
    FakeStore store = new FakeStore().dieOnCommit(2); // killed while handling page 2
    assertThatThrownBy(() -> new JiraPoller(config(), context(store)).pollOnce())
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.cursors).containsEntry("jira", "2026-11-24T09:30:00Z");
    assertThat(store.storedIds()).containsExactly("IT-1:CLOSED", "IT-2:CLOSED");

    new JiraPoller(config(), context(store)).pollOnce(); // after restart

    // page 1 comes again (the day of overlap): exact duplicates, dropped by the core's key
    assertThat(store.received).hasSize(5);
    assertThat(store.storedIds()).containsExactly("IT-1:CLOSED", "IT-2:CLOSED", "IT-3:CLOSED");
    assertThat(store.cursors).containsEntry("jira", "2026-11-24T10:15:00Z");
  }

  @Test
  void rateLimitedRequestWaitsRetryAfterThenRetries() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("nextPageToken", absent())
            .inScenario("rate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("served"));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("nextPageToken", absent())
            .inScenario("rate")
            .whenScenarioStateIs("served")
            .willReturn(okJson(sample("jira/search-page1.json"))));
    FakeStore store = new FakeStore();
    new JiraPoller(config(), context(store)).pollOnce();

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(store.storedIds()).hasSize(3);
  }

  @Test
  void givesUpAfterTheRetryPolicyWithoutAdvancingTheCursor() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("nextPageToken", absent())
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    FakeStore store = new FakeStore();
    assertThatThrownBy(() -> new JiraPoller(config(), context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining("gave up after 5");

    assertThat(sleeper.waits).hasSize(4).allMatch(Duration.ofSeconds(60)::equals);
    assertThat(store.cursors).isEmpty();
  }

  @Test
  void anErrorStatusStopsTheRun() {
    server.stubFor(get(urlPathEqualTo(PATH)).atPriority(1).willReturn(aResponse().withStatus(401)));
    FakeStore store = new FakeStore();
    assertThatThrownBy(() -> new JiraPoller(config(), context(store)).pollOnce())
        .isInstanceOf(PollException.class)
        .hasMessageContaining("401");
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void everyEventIsAClose() {
    FakeStore store = new FakeStore();
    new JiraPoller(config(), context(store)).pollOnce();
    assertThat(store.received).extracting(TicketEvent::kind).containsOnly(Kind.CLOSED);
  }

  @Test
  void aHelpdeskThatNeverFinishesItsAnswerIsAbandonedAfterTheRequestTimeout() {
    try (StallingServer stalling = new StallingServer()) { // headers at once, then the body stalls
      FakeStore store = new FakeStore();
      PollContext bounded =
          new PollContext(
              http,
              store,
              store,
              context(store).clock(),
              sleeper,
              RetryPolicy.DEFAULT,
              Duration.ofMillis(300));
      Helpdesks.Jira jira =
          new Helpdesks.Jira(
              "",
              stalling.baseUrl(),
              "ops@acme.example",
              "atl-token",
              "project = IT",
              "PT5M",
              Duration.ofDays(1));

      assertThatThrownBy(() -> new JiraPoller(jira, bounded).pollOnce())
          .isInstanceOf(PollException.class)
          .hasMessageContaining("timeouts.helpdesk");
      assertThat(store.received).isEmpty();
      assertThat(store.cursors).doesNotContainKey("jira");
    }
  }

  @ParameterizedTest(name = "Content-Length declared: {0}")
  @ValueSource(booleans = {true, false})
  void anAnswerOverTheCapFailsThePollInsteadOfFillingTheMemory(boolean declared) {
    try (FloodingServer flood = new FloodingServer(CappedBody.POLL_PAGE + 1024 * 1024, declared)) {
      FakeStore store = new FakeStore();
      Helpdesks.Jira jira =
          new Helpdesks.Jira(
              "",
              flood.baseUrl(),
              "ops@acme.example",
              "atl-token",
              "project = IT",
              "PT5M",
              Duration.ofDays(1));

      assertThatThrownBy(() -> new JiraPoller(jira, context(store)).pollOnce())
          .isInstanceOf(PollException.class)
          .hasMessageContaining("more than 32 MiB");
      assertThat(store.received).isEmpty();
      assertThat(store.cursors).doesNotContainKey("jira");
    }
  }
}
