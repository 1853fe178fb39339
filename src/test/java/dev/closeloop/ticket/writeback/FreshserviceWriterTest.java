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
import org.junit.jupiter.api.Test;

class FreshserviceWriterTest extends WriterTestSupport {
  private static final String AUTH = basic("fs-api-key", "X");

  private FreshserviceWriter writer() {
    return new FreshserviceWriter(
        new Helpdesks.Freshservice("", baseUrl(), "fs-api-key", Helpdesks.WriteBack.DEFAULT),
        http,
        TIMEOUT,
        clock);
  }

  private final TicketRef ticket =
      new TicketRef("SR-207", "https://acme.freshservice.com/helpdesk/tickets/207");

  private void status(int status) {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/tickets/207"))
            .willReturn(
                okJson(
                    "{\"ticket\":{\"id\":207,\"status\":"
                        + status
                        + ",\"priority\":3,\"requester_id\":1000,\"workspace_id\":2}}")));
  }

  private void noteCreated() {
    server.stubFor(
        post(urlPathEqualTo("/api/v2/tickets/207/notes"))
            .willReturn(
                okJson("{\"conversation\":{\"id\":5001,\"private\":true}}").withStatus(201)));
  }

  @Test
  void noteIsAPrivateHtmlNoteOnTheNumericId() {
    noteCreated();
    Write.Note note = note(ticket);

    WriteOutcome outcome = writer().write(note);

    assertThat(outcome).isEqualTo(Done.of("5001", baseUrl() + "/a/tickets/207"));
    LoggedRequest sent = only(RequestMethod.POST, "/api/v2/tickets/207/notes");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode b = body(sent);
    assertThat(b.path("private").asBoolean(false)).isTrue();
    assertThat(b.path("body").asText())
        .startsWith("<p>Survey: not fixed, 2/5.<br>Comment: the VPN still drops<br>")
        .contains("<a href=\"https://closeloop.example/s/41\">")
        .endsWith("<p>(" + note.marker() + ")</p>");
  }

  @Test
  void userTextIsEscapedInTheHtmlNote() {
    noteCreated();
    Write.FollowUp f =
        new Write.FollowUp("wb-9", ticket, "<script>alert(1)</script> & \"x\"", "Alex", NOW, null);

    writer().write(f);

    assertThat(body(only(RequestMethod.POST, "/api/v2/tickets/207/notes")).path("body").asText())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
        .doesNotContain("<script>");
  }

  @Test
  void reopenOfAResolvedTicketSetsOpenThenAddsTheNote() {
    status(4);
    server.stubFor(
        put(urlPathEqualTo("/api/v2/tickets/207"))
            .willReturn(okJson("{\"ticket\":{\"id\":207,\"status\":2}}")));
    noteCreated();

    WriteOutcome outcome = writer().write(reopen(ticket));

    assertThat(outcome).isEqualTo(Done.of("SR-207", baseUrl() + "/a/tickets/207"));
    LoggedRequest status = only(RequestMethod.PUT, "/api/v2/tickets/207");
    assertThat(body(status).toString()).isEqualTo("{\"status\":2}");
    assertThat(status.getHeader("Authorization")).isEqualTo(AUTH);
    LoggedRequest note = only(RequestMethod.POST, "/api/v2/tickets/207/notes");
    assertThat(status.getLoggedDate()).isBeforeOrEqualTo(note.getLoggedDate());
  }

  @Test
  void reopenOfAnOpenTicketOnlyAddsTheNote() {
    status(3);
    noteCreated();

    assertThat(writer().write(reopen(ticket)))
        .isEqualTo(new Done("SR-207", baseUrl() + "/a/tickets/207", true));
    assertThat(server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/207")))).isEmpty();
  }

  @Test
  void requestCreatesATicketForTheSameRequesterTaggedWithTheMarker() {
    status(5);
    server.stubFor(
        post(urlPathEqualTo("/api/v2/tickets"))
            .willReturn(okJson("{\"ticket\":{\"id\":208}}").withStatus(201)));
    Write.Request request = request(ticket);

    WriteOutcome outcome = writer().write(request);

    assertThat(outcome).isEqualTo(Done.of("208", baseUrl() + "/a/tickets/208"));
    JsonNode b = body(only(RequestMethod.POST, "/api/v2/tickets"));
    assertThat(b.path("requester_id").asLong()).isEqualTo(1000);
    assertThat(b.path("status").asInt()).isEqualTo(2);
    assertThat(b.path("priority").asInt()).isEqualTo(3);
    assertThat(b.path("workspace_id").asInt()).isEqualTo(2);
    assertThat(b.path("tags").get(0).asText()).isEqualTo(request.marker());
    assertThat(b.path("subject").asText()).isEqualTo("New laptop charger");
    assertThat(b.path("description").asText()).contains("SR-207: <a href=");
  }

  @Test
  void lookUpReadsTheConversationsAndFiltersByTag() {
    Write.Note note = note(ticket);
    server.stubFor(
        get(urlPathEqualTo("/api/v2/tickets/207/conversations"))
            .willReturn(
                okJson(
                    "{\"conversations\":[{\"id\":5001,\"private\":true,\"body\":\"<p>("
                        + note.marker()
                        + ")</p>\",\"body_text\":\"("
                        + note.marker()
                        + ")\"}]}")));
    Write.Request request = request(ticket);
    server.stubFor(
        get(urlPathEqualTo("/api/v2/tickets/filter"))
            .withQueryParam("query", equalTo("\"tag:'" + request.marker() + "'\""))
            .willReturn(okJson("{\"tickets\":[{\"id\":208}],\"total\":1}")));

    assertThat(writer().lookUp(note))
        .isEqualTo(new LookUp.Written(Done.of("5001", baseUrl() + "/a/tickets/207")));
    assertThat(writer().lookUp(reopen(ticket))).isEqualTo(new LookUp.NotWritten());
    assertThat(writer().lookUp(request))
        .isEqualTo(new LookUp.Written(Done.of("208", baseUrl() + "/a/tickets/208")));
  }

  @Test
  void probeReadsOneTicket() {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/tickets"))
            .withQueryParam("per_page", equalTo("1"))
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(okJson("{\"tickets\":[]}")));

    assertThat(writer().probe().ok()).isTrue();
  }
}
