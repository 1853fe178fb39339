package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZendeskWriterTest extends WriterTestSupport {
  private static final String AUTH = basic("agent@acme.example/token", "zd-token");
  private static final String TICKET = "/api/v2/tickets/35436.json";

  private ZendeskWriter writer() {
    return new ZendeskWriter(
        new Helpdesks.Zendesk(
            "", baseUrl(), "", "agent@acme.example", "zd-token", "", Duration.ofDays(1)),
        http,
        TIMEOUT,
        clock);
  }

  private final TicketRef ticket =
      new TicketRef("35436", "https://acme.zendesk.com/agent/tickets/35436");

  private void status(String status) {
    server.stubFor(
        get(urlPathEqualTo(TICKET))
            .willReturn(okJson("{\"ticket\":{\"id\":35436,\"status\":\"" + status + "\"}}")));
  }

  private void updated() {
    server.stubFor(
        put(urlPathEqualTo(TICKET))
            .willReturn(
                okJson(
                    """
                    {"ticket":{"id":35436,"status":"open"},
                     "audit":{"id":5,"events":[{"id":2011,"type":"Comment","public":false}]}}
                    """)));
  }

  @Test
  void noteIsAPrivateComment() {
    updated();
    Write.Note note = note(ticket);

    WriteOutcome outcome = writer().write(note);

    assertThat(outcome).isEqualTo(Done.of("2011", baseUrl() + "/agent/tickets/35436"));
    LoggedRequest sent = only(RequestMethod.PUT, TICKET);
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode t = body(sent).path("ticket");
    assertThat(t.has("status")).isFalse();
    assertThat(t.at("/comment/public").asBoolean(true)).isFalse();
    assertThat(t.at("/comment/body").asText())
        .startsWith("Survey: not fixed, 2/5.")
        .endsWith("(" + note.marker() + ")");
  }

  @Test
  void followUpIsAPrivateCommentToo() {
    updated();

    assertThat(writer().write(followUp(ticket))).isInstanceOf(Done.class);

    assertThat(body(only(RequestMethod.PUT, TICKET)).at("/ticket/comment/body").asText())
        .contains("replaced the cable");
  }

  @Test
  void reopenOfASolvedTicketSetsOpenWithTheNoteInOneRequest() {
    status("solved");
    updated();

    WriteOutcome outcome = writer().write(reopen(ticket));

    assertThat(outcome).isEqualTo(Done.of("35436", baseUrl() + "/agent/tickets/35436"));
    JsonNode t = body(only(RequestMethod.PUT, TICKET)).path("ticket");
    assertThat(t.path("status").asText()).isEqualTo("open");
    assertThat(t.at("/comment/public").asBoolean(true)).isFalse();
  }

  @Test
  void reopenOfAnOpenTicketOnlyAddsTheNote() {
    status("pending");
    updated();

    WriteOutcome outcome = writer().write(reopen(ticket));

    assertThat(outcome).isEqualTo(new Done("35436", baseUrl() + "/agent/tickets/35436", true));
    assertThat(body(only(RequestMethod.PUT, TICKET)).path("ticket").has("status")).isFalse();
  }

  @Test
  void aClosedTicketCannotBeReopenedAndSaysSo() {
    status("closed");

    WriteOutcome outcome = writer().write(reopen(ticket));

    assertThat(outcome).isInstanceOf(WriteOutcome.Rejected.class);
    assertThat(((WriteOutcome.Rejected) outcome).reason()).contains("closed", "follow-up");
    assertThat(server.findAll(putRequestedFor(urlPathEqualTo(TICKET)))).isEmpty();
  }

  @Test
  void requestCreatesATicketForTheRequesterOnce() {
    server.stubFor(
        post(urlPathEqualTo("/api/v2/tickets.json"))
            .willReturn(okJson("{\"ticket\":{\"id\":35437}}").withStatus(201)));
    Write.Request request = request(ticket);

    WriteOutcome outcome = writer().write(request);

    assertThat(outcome).isEqualTo(Done.of("35437", baseUrl() + "/agent/tickets/35437"));
    LoggedRequest sent = only(RequestMethod.POST, "/api/v2/tickets.json");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(request.marker());
    JsonNode t = body(sent).path("ticket");
    assertThat(t.path("subject").asText()).isEqualTo("New laptop charger");
    assertThat(t.path("external_id").asText()).isEqualTo(request.marker());
    assertThat(t.at("/requester/email").asText()).isEqualTo("dana@example.com");
    assertThat(t.at("/requester/name").asText()).isEqualTo("Dana");
    assertThat(t.at("/comment/body").asText())
        .contains("My laptop charger is broken too")
        .contains("35436: https://acme.zendesk.com/agent/tickets/35436");
  }

  @Test
  void lookUpFindsTheCommentAndTheCreatedTicket() {
    Write.Note note = note(ticket);
    server.stubFor(
        get(urlPathEqualTo("/api/v2/tickets/35436/comments.json"))
            .withQueryParam("sort_order", equalTo("desc"))
            .willReturn(
                okJson(
                    "{\"comments\":[{\"id\":2011,\"body\":\"Survey…\\n\\n("
                        + note.marker()
                        + ")\",\"public\":false}]}")));
    Write.Request request = request(ticket);
    server.stubFor(
        get(urlPathEqualTo("/api/v2/tickets.json"))
            .withQueryParam("external_id", equalTo(request.marker()))
            .willReturn(okJson("{\"tickets\":[{\"id\":35437}],\"count\":1}")));

    assertThat(writer().lookUp(note))
        .isEqualTo(new LookUp.Written(Done.of("2011", baseUrl() + "/agent/tickets/35436")));
    assertThat(writer().lookUp(followUp(ticket))).isEqualTo(new LookUp.NotWritten());
    assertThat(writer().lookUp(request))
        .isEqualTo(new LookUp.Written(Done.of("35437", baseUrl() + "/agent/tickets/35437")));
  }

  @Test
  void probeRefusesAnEndUser() {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/users/me.json"))
            .willReturn(
                okJson(
                    "{\"user\":{\"id\":7,\"email\":\"agent@acme.example\",\"role\":\"end-user\"}}")));

    ProbeReport report = writer().probe();

    assertThat(report.ok()).isFalse();
    assertThat(report.findings().get(0).text()).contains("end-user", "agent");
  }

  @Test
  void probeAcceptsAnAgent() {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/users/me.json"))
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(
                okJson(
                    "{\"user\":{\"id\":7,\"email\":\"agent@acme.example\",\"role\":\"agent\"}}")));

    assertThat(writer().probe().ok()).isTrue();
  }
}
