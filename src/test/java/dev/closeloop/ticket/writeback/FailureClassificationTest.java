package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.closeloop.config.Helpdesks;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every system's answers map to the same outcomes: the contract the outbox relies on. */
class FailureClassificationTest extends WriterTestSupport {
  @org.junit.jupiter.api.Test
  void aHelpdesksErrorTextIsCutBetweenCharacters() {
    // shown in /admin/outbox: cut at 300 chars, it could end in half an emoji (stored as "?")
    HelpdeskHttp h =
        new HelpdeskHttp(
            "Jira",
            "https://jira.example",
            http,
            Duration.ofSeconds(1),
            java.time.Clock.systemUTC(),
            "connectors.jira.apiToken",
            java.util.Map.of(),
            java.util.List.of());
    String said = h.errorText("e".repeat(299) + "\uD83D\uDE00 and more");
    assertThat(said).isEqualTo("e".repeat(299) + "…");
    assertThat(h.errorText("e".repeat(298) + "\uD83D\uDE00 and more"))
        .isEqualTo("e".repeat(298) + "\uD83D\uDE00…");
  }

  /** A system under test: how to build its writer, its credential key and its secret. */
  record System(
      String name,
      BiFunction<String, Duration, HelpdeskWriter> writer,
      String credentialKey,
      String secret,
      TicketRef ticket) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<System> systems() {
    return Stream.of(
        new System(
            "jira",
            (url, t) ->
                new JiraWriter(
                    new Helpdesks.Jira(
                        "", url, "ops@acme.example", "atl-token-1", "", "", Duration.ZERO),
                    HTTP,
                    t,
                    CLOCK),
            "connectors.jira.apiToken",
            "atl-token-1",
            new TicketRef("SUP-1", null)),
        new System(
            "zendesk",
            (url, t) ->
                new ZendeskWriter(
                    new Helpdesks.Zendesk(
                        "", url, "", "a@acme.example", "zd-token-1", "", Duration.ZERO),
                    HTTP,
                    t,
                    CLOCK),
            "connectors.zendesk.apiToken",
            "zd-token-1",
            new TicketRef("35436", null)),
        new System(
            "servicenow",
            (url, t) ->
                new ServiceNowWriter(
                    new Helpdesks.ServiceNow(
                        "", url, "bot", "sn-pass-1", "incident", "", "", Duration.ZERO),
                    HTTP,
                    t,
                    CLOCK),
            "connectors.servicenow.password",
            "sn-pass-1",
            new TicketRef(
                "INC0010001",
                "x/nav_to.do?uri=incident.do?sys_id=9d385017c611228701d22104cc95c371")),
        new System(
            "freshservice",
            (url, t) ->
                new FreshserviceWriter(
                    new Helpdesks.Freshservice("", url, "fs-key-1", Helpdesks.WriteBack.DEFAULT),
                    HTTP,
                    t,
                    CLOCK),
            "connectors.freshservice.apiKey",
            "fs-key-1",
            new TicketRef("SR-207", null)),
        new System(
            "glpi",
            (url, t) ->
                new GlpiWriter(
                    new Helpdesks.Glpi(
                        "", url, "", "app-1", "user-token-1", Helpdesks.WriteBack.DEFAULT),
                    HTTP,
                    t,
                    CLOCK),
            "connectors.glpi.userToken",
            "user-token-1",
            new TicketRef("7", null)),
        new System(
            "zammad",
            (url, t) ->
                new ZammadWriter(
                    new Helpdesks.Zammad("", url, "zm-token-1", Helpdesks.WriteBack.DEFAULT),
                    HTTP,
                    t,
                    CLOCK),
            "connectors.zammad.apiToken",
            "zm-token-1",
            new TicketRef("31001", "x/#ticket/zoom/42")),
        new System(
            "generic",
            (url, t) ->
                new GenericWriter(
                    new Helpdesks.Generic(url + "/in", "gen-secret-1"), HTTP, t, CLOCK),
            "connectors.generic.writeBackSecret",
            "gen-secret-1",
            new TicketRef("INC-1", null)));
  }

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
  private static final java.time.Clock CLOCK = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);

  private WriteOutcome answer(System s, ResponseDefinitionBuilder response, Duration timeout) {
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(response));
    server.stubFor(
        get(urlPathEqualTo("/apirest.php/initSession"))
            .atPriority(1)
            .willReturn(okJson("{\"session_token\":\"s1\"}")));
    return s.writer().apply(baseUrl(), timeout).write(note(s.ticket()));
  }

  private WriteOutcome answer(System s, ResponseDefinitionBuilder response) {
    return answer(s, response, TIMEOUT);
  }

  @ParameterizedTest
  @MethodSource("systems")
  void unauthorizedIsDeniedNamingTheCredentialsWithoutShowingThem(System s) {
    WriteOutcome o =
        answer(s, aResponse().withStatus(401).withBody("invalid credentials " + s.secret()));
    assertThat(o).isInstanceOf(WriteOutcome.Denied.class);
    assertThat(((WriteOutcome.Denied) o).reason())
        .contains(s.credentialKey())
        .doesNotContain(s.secret());
  }

  @ParameterizedTest
  @MethodSource("systems")
  void forbiddenIsDeniedSayingWhatIsNeeded(System s) {
    WriteOutcome o = answer(s, aResponse().withStatus(403).withBody("{\"error\":\"Forbidden\"}"));
    assertThat(o).isInstanceOf(WriteOutcome.Denied.class);
    assertThat(((WriteOutcome.Denied) o).reason())
        .containsAnyOf("needs", "must", "refused the write");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void notFoundIsGone(System s) {
    assertThat(answer(s, aResponse().withStatus(404))).isInstanceOf(WriteOutcome.Gone.class);
  }

  @ParameterizedTest
  @MethodSource("systems")
  void rateLimitedIsRetriedAfterWhatTheSystemAsked(System s) {
    WriteOutcome o = answer(s, aResponse().withStatus(429).withHeader("Retry-After", "30"));
    assertThat(o).isInstanceOf(WriteOutcome.Retry.class);
    assertThat(((WriteOutcome.Retry) o).after()).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @MethodSource("systems")
  void serverErrorsAreRetriedWithTheCallersBackoff(System s) {
    WriteOutcome o = answer(s, aResponse().withStatus(503));
    assertThat(o).isInstanceOf(WriteOutcome.Retry.class);
    assertThat(((WriteOutcome.Retry) o).after()).isNull();
    assertThat(answer(s, aResponse().withStatus(500))).isInstanceOf(WriteOutcome.Retry.class);
  }

  @ParameterizedTest
  @MethodSource("systems")
  void badRequestIsRejectedWithTheSystemsTextShortened(System s) {
    String error = "{\"error\":\"RecordInvalid\",\"description\":\"" + "x".repeat(2000) + "\"}";
    WriteOutcome o = answer(s, aResponse().withStatus(400).withBody(error));
    assertThat(o).isInstanceOf(WriteOutcome.Rejected.class);
    String reason = ((WriteOutcome.Rejected) o).reason();
    assertThat(reason).contains("400", "RecordInvalid");
    assertThat(reason.length()).isLessThan(600);
  }

  @ParameterizedTest
  @MethodSource("systems")
  void aSlowSystemIsRetriedAfterTheTimeout(System s) {
    WriteOutcome o =
        answer(s, aResponse().withStatus(200).withFixedDelay(1500), Duration.ofMillis(150));
    assertThat(o).isInstanceOf(WriteOutcome.Retry.class);
    assertThat(((WriteOutcome.Retry) o).reason()).contains("did not answer");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void anIdThatCouldLeaveTheTicketsPathIsRejectedBeforeAnyRequest(System s) {
    if (s.name().equals("generic") || s.name().equals("freshservice")) {
      return; // generic sends ids only in the body; Freshservice keeps only the digits
    }
    server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    WriteOutcome o =
        s.writer()
            .apply(baseUrl(), TIMEOUT)
            .write(note(new TicketRef("../../users/1^ORactive=true", null)));
    assertThat(o).isInstanceOf(WriteOutcome.Rejected.class);
    assertThat(((WriteOutcome.Rejected) o).reason()).contains("nothing was sent");
    assertThat(requests()).isZero();
  }
}
