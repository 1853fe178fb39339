package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GlpiWriterTest extends WriterTestSupport {
  private static final String API = "/apirest.php";

  private GlpiWriter writer() {
    return new GlpiWriter(
        new Helpdesks.Glpi("", baseUrl(), "", "glpi-app", "glpi-user", Helpdesks.WriteBack.DEFAULT),
        http,
        TIMEOUT,
        clock);
  }

  private final TicketRef ticket =
      new TicketRef("7", "https://glpi.example.org/front/ticket.form.php?id=7");

  @BeforeEach
  void session() {
    server.stubFor(
        get(urlPathEqualTo(API + "/initSession"))
            .withHeader("App-Token", equalTo("glpi-app"))
            .withHeader("Authorization", equalTo("user_token glpi-user"))
            .willReturn(okJson("{\"session_token\":\"s1\"}")));
  }

  private void ticketStatus(int status) {
    server.stubFor(
        get(urlPathEqualTo(API + "/Ticket/7"))
            .withHeader("Session-Token", equalTo("s1"))
            .willReturn(okJson("{\"id\":7,\"status\":" + status + ",\"entities_id\":4}")));
  }

  private void followUpCreated() {
    server.stubFor(
        post(urlPathEqualTo(API + "/ITILFollowup"))
            .willReturn(okJson("{\"id\":55,\"message\":\"\"}").withStatus(201)));
  }

  @Test
  void noteIsAPrivateFollowUpInTheSession() {
    ticketStatus(6);
    followUpCreated();
    Write.Note note = note(ticket);

    WriteOutcome outcome = writer().write(note);

    assertThat(outcome).isEqualTo(Done.of("55", baseUrl() + "/front/ticket.form.php?id=7"));
    LoggedRequest sent = only(RequestMethod.POST, API + "/ITILFollowup");
    assertThat(sent.getHeader("Session-Token")).isEqualTo("s1");
    assertThat(sent.getHeader("App-Token")).isEqualTo("glpi-app");
    JsonNode input = body(sent).path("input");
    assertThat(input.path("itemtype").asText()).isEqualTo("Ticket");
    assertThat(input.path("items_id").asInt()).isEqualTo(7);
    assertThat(input.path("is_private").asInt()).isEqualTo(1);
    assertThat(input.path("content").asText())
        .startsWith("<p>Survey: not fixed")
        .endsWith("<p>(" + note.marker() + ")</p>");
  }

  @Test
  void reopenOfAClosedTicketSetsProcessingThenAddsTheFollowUp() {
    ticketStatus(6);
    server.stubFor(
        put(urlPathEqualTo(API + "/Ticket/7"))
            .willReturn(okJson("[{\"7\":true,\"message\":\"\"}]")));
    followUpCreated();

    WriteOutcome outcome = writer().write(reopen(ticket));

    assertThat(outcome).isEqualTo(Done.of("7", baseUrl() + "/front/ticket.form.php?id=7"));
    LoggedRequest status = only(RequestMethod.PUT, API + "/Ticket/7");
    assertThat(body(status).toString()).isEqualTo("{\"input\":{\"status\":2}}");
    assertThat(status.getHeader("Session-Token")).isEqualTo("s1");
    LoggedRequest followUp = only(RequestMethod.POST, API + "/ITILFollowup");
    assertThat(status.getLoggedDate()).isBeforeOrEqualTo(followUp.getLoggedDate());
  }

  @Test
  void reopenOfAWaitingTicketOnlyAddsTheFollowUp() {
    ticketStatus(4);
    followUpCreated();

    assertThat(writer().write(reopen(ticket)))
        .isEqualTo(new Done("7", baseUrl() + "/front/ticket.form.php?id=7", true));
  }

  @Test
  void requestCreatesALinkedTicketForTheSameRequesterInTheSameEntity() {
    ticketStatus(6);
    server.stubFor(
        get(urlPathEqualTo(API + "/Ticket/7/Ticket_User"))
            .willReturn(
                okJson(
                    "[{\"id\":1,\"tickets_id\":7,\"users_id\":3,\"type\":2},"
                        + "{\"id\":2,\"tickets_id\":7,\"users_id\":12,\"type\":1}]")));
    server.stubFor(
        post(urlPathEqualTo(API + "/Ticket"))
            .willReturn(okJson("{\"id\":8,\"message\":\"\"}").withStatus(201)));
    Write.Request request = request(ticket);

    WriteOutcome outcome = writer().write(request);

    assertThat(outcome).isEqualTo(Done.of("8", baseUrl() + "/front/ticket.form.php?id=8"));
    JsonNode input = body(only(RequestMethod.POST, API + "/Ticket")).path("input");
    assertThat(input.path("name").asText()).isEqualTo("New laptop charger");
    assertThat(input.path("entities_id").asInt()).isEqualTo(4);
    assertThat(input.path("_users_id_requester").asInt()).isEqualTo(12);
    assertThat(input.at("/_link/link").asInt()).isEqualTo(1);
    assertThat(input.at("/_link/tickets_id_2").asInt()).isEqualTo(7);
    assertThat(input.path("content").asText())
        .contains("My laptop charger is broken too")
        .contains("(" + request.marker() + ")");
  }

  @Test
  void anExpiredSessionIsOpenedAgainOnce() {
    server.stubFor(
        get(urlPathEqualTo(API + "/initSession"))
            .inScenario("session")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"session_token\":\"old\"}"))
            .willSetStateTo("renewed"));
    server.stubFor(
        get(urlPathEqualTo(API + "/initSession"))
            .inScenario("session")
            .whenScenarioStateIs("renewed")
            .willReturn(okJson("{\"session_token\":\"s1\"}")));
    server.stubFor(
        get(urlPathEqualTo(API + "/Ticket/7"))
            .withHeader("Session-Token", equalTo("old"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "[\"ERROR_SESSION_TOKEN_INVALID\",\"session_token seems invalid\"]")));
    ticketStatus(2);
    followUpCreated();

    assertThat(writer().write(followUp(ticket))).isInstanceOf(Done.class);
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo(API + "/initSession")))).hasSize(2);
  }

  @Test
  void aMissingRightIsDeniedNamingTheRight() {
    ticketStatus(6);
    server.stubFor(
        post(urlPathEqualTo(API + "/ITILFollowup"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "[\"ERROR_RIGHT_MISSING\",\"You don't have permission to perform this"
                            + " action.\"]")));

    WriteOutcome outcome = writer().write(note(ticket));

    assertThat(outcome).isInstanceOf(WriteOutcome.Denied.class);
    assertThat(((WriteOutcome.Denied) outcome).reason()).contains("private follow-ups");
  }

  @Test
  void aRefusedSessionNamesTheTokens() {
    server.stubFor(
        get(urlPathEqualTo(API + "/initSession"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "[\"ERROR_GLPI_LOGIN_USER_TOKEN\",\"parameter user_token seems invalid\"]")));

    WriteOutcome outcome = writer().write(note(ticket));

    assertThat(outcome).isInstanceOf(WriteOutcome.Denied.class);
    assertThat(((WriteOutcome.Denied) outcome).reason())
        .contains("connectors.glpi.userToken", "ERROR_GLPI_LOGIN_USER_TOKEN")
        .doesNotContain("glpi-user");
  }

  @Test
  void lookUpReadsTheFollowUpsAndSearchesTheDescription() {
    Write.Note note = note(ticket);
    server.stubFor(
        get(urlPathEqualTo(API + "/Ticket/7/ITILFollowup"))
            .willReturn(
                okJson(
                    "[{\"id\":54,\"content\":\"&lt;p&gt;hi&lt;/p&gt;\"},"
                        + "{\"id\":55,\"content\":\"&lt;p&gt;("
                        + note.marker()
                        + ")&lt;/p&gt;\"}]")));
    Write.Request request = request(ticket);
    server.stubFor(
        get(urlPathEqualTo(API + "/search/Ticket"))
            .withQueryParam("criteria[0][field]", equalTo("21"))
            .withQueryParam("criteria[0][searchtype]", equalTo("contains"))
            .withQueryParam("criteria[0][value]", equalTo(request.marker()))
            .willReturn(okJson("{\"totalcount\":1,\"count\":1,\"data\":[{\"2\":8}]}")));

    assertThat(writer().lookUp(note))
        .isEqualTo(new LookUp.Written(Done.of("55", baseUrl() + "/front/ticket.form.php?id=7")));
    assertThat(writer().lookUp(followUp(ticket))).isEqualTo(new LookUp.NotWritten());
    assertThat(writer().lookUp(request))
        .isEqualTo(new LookUp.Written(Done.of("8", baseUrl() + "/front/ticket.form.php?id=8")));
  }

  @Test
  void probeRefusesASimplifiedInterfaceProfile() {
    server.stubFor(
        get(urlPathEqualTo(API + "/getActiveProfile"))
            .withHeader("Session-Token", equalTo("s1"))
            .willReturn(
                okJson(
                    "{\"active_profile\":{\"id\":1,\"name\":\"Self-Service\","
                        + "\"interface\":\"helpdesk\"}}")));
    server.stubFor(get(urlPathEqualTo(API + "/killSession")).willReturn(okJson("true")));

    ProbeReport report = writer().probe();

    assertThat(report.ok()).isFalse();
    assertThat(report.findings().get(0).ok()).isTrue();
    assertThat(report.findings().get(1).text()).contains("Self-Service", "simplified interface");
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo(API + "/killSession")))).hasSize(1);
  }
}
