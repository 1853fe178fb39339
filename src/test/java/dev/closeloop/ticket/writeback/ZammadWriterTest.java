package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import org.junit.jupiter.api.Test;

class ZammadWriterTest extends WriterTestSupport {
  private static final String AUTH = "Token token=zm-token";

  private ZammadWriter writer() {
    return new ZammadWriter(
        new Helpdesks.Zammad("", baseUrl(), "zm-token", Helpdesks.WriteBack.DEFAULT),
        http,
        TIMEOUT,
        clock);
  }

  private final TicketRef ticket =
      new TicketRef("31001", "https://zammad.example.com/#ticket/zoom/42");

  private void updated() {
    server.stubFor(
        put(urlPathEqualTo("/api/v1/tickets/42"))
            .willReturn(okJson("{\"id\":42,\"number\":\"31001\",\"state_id\":2}")));
  }

  private void state(String state) {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/tickets/42"))
            .withQueryParam("expand", equalTo("true"))
            .willReturn(okJson("{\"id\":42,\"number\":\"31001\",\"state\":\"" + state + "\"}")));
  }

  @Test
  void noteIsAnInternalArticleOnTheIdFromTheLink() {
    updated();
    Write.Note note = note(ticket);

    WriteOutcome outcome = writer().write(note);

    assertThat(outcome).isEqualTo(Done.of("31001", baseUrl() + "/#ticket/zoom/42"));
    LoggedRequest sent = only(RequestMethod.PUT, "/api/v1/tickets/42");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode b = body(sent);
    assertThat(b.has("state")).isFalse();
    assertThat(b.at("/article/internal").asBoolean(false)).isTrue();
    assertThat(b.at("/article/type").asText()).isEqualTo("note");
    assertThat(b.at("/article/content_type").asText()).isEqualTo("text/plain");
    assertThat(b.at("/article/body").asText()).endsWith("(" + note.marker() + ")");
  }

  @Test
  void withoutALinkTheTicketIsFoundByNumber() {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/tickets/search"))
            .withQueryParam("query", equalTo("number:31001"))
            .willReturn(okJson("[{\"id\":42,\"number\":\"31001\"}]")));
    updated();

    assertThat(writer().write(followUp(new TicketRef("31001", null))))
        .isEqualTo(Done.of("31001", baseUrl() + "/#ticket/zoom/42"));
    assertThat(body(only(RequestMethod.PUT, "/api/v1/tickets/42")).at("/article/body").asText())
        .contains("replaced the cable");
  }

  @Test
  void reopenOfAClosedTicketSetsOpenWithTheArticleInOneRequest() {
    state("closed");
    updated();

    assertThat(writer().write(reopen(ticket)))
        .isEqualTo(Done.of("31001", baseUrl() + "/#ticket/zoom/42"));
    JsonNode b = body(only(RequestMethod.PUT, "/api/v1/tickets/42"));
    assertThat(b.path("state").asText()).isEqualTo("open");
    assertThat(b.at("/article/internal").asBoolean(false)).isTrue();
  }

  @Test
  void reopenOfAnOpenTicketOnlyAddsTheArticle() {
    state("pending reminder");
    updated();

    assertThat(writer().write(reopen(ticket)))
        .isEqualTo(new Done("31001", baseUrl() + "/#ticket/zoom/42", true));
    assertThat(body(only(RequestMethod.PUT, "/api/v1/tickets/42")).has("state")).isFalse();
  }

  @Test
  void requestCreatesATicketInTheSameGroupForTheSameCustomerLinkedAndTagged() {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/tickets/42"))
            .willReturn(okJson("{\"id\":42,\"group_id\":3,\"customer_id\":17}")));
    server.stubFor(
        post(urlPathEqualTo("/api/v1/tickets"))
            .willReturn(okJson("{\"id\":43,\"number\":\"31002\"}").withStatus(201)));
    Write.Request request = request(ticket);

    WriteOutcome outcome = writer().write(request);

    assertThat(outcome).isEqualTo(Done.of("31002", baseUrl() + "/#ticket/zoom/43"));
    LoggedRequest sent = only(RequestMethod.POST, "/api/v1/tickets");
    assertThat(sent.getHeader("Authorization")).isEqualTo(AUTH);
    JsonNode b = body(sent);
    assertThat(b.path("group_id").asInt()).isEqualTo(3);
    assertThat(b.path("customer_id").asInt()).isEqualTo(17);
    assertThat(b.path("tags").asText()).isEqualTo(request.marker());
    assertThat(b.at("/links/Ticket/normal/0").asInt()).isEqualTo(42);
    assertThat(b.at("/article/internal").asBoolean(true)).isFalse();
    assertThat(b.at("/article/body").asText())
        .contains("31001: https://zammad.example.com/#ticket/zoom/42");
  }

  @Test
  void lookUpReadsTheArticlesAndTheLinkedTicketsTags() {
    Write.Note note = note(ticket);
    server.stubFor(
        get(urlPathEqualTo("/api/v1/ticket_articles/by_ticket/42"))
            .willReturn(
                okJson(
                    "[{\"id\":90,\"body\":\"hello\"},{\"id\":91,\"body\":\"…("
                        + note.marker()
                        + ")\",\"internal\":true}]")));
    Write.Request request = request(ticket);
    server.stubFor(
        get(urlPathEqualTo("/api/v1/links"))
            .withQueryParam("link_object", equalTo("Ticket"))
            .withQueryParam("link_object_value", equalTo("42"))
            .willReturn(
                okJson(
                    """
                    {"links":[{"link_type":"normal","link_object":"Ticket","link_object_value":40},
                              {"link_type":"normal","link_object":"Ticket","link_object_value":43}],
                     "assets":{"Ticket":{"40":{"number":"30990"},"43":{"number":"31002"}}}}
                    """)));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/tags"))
            .withQueryParam("o_id", equalTo("40"))
            .willReturn(okJson("{\"tags\":[\"vip\"]}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/tags"))
            .withQueryParam("o_id", equalTo("43"))
            .willReturn(okJson("{\"tags\":[\"" + request.marker() + "\"]}")));

    assertThat(writer().lookUp(note))
        .isEqualTo(new LookUp.Written(Done.of("31001", baseUrl() + "/#ticket/zoom/42")));
    assertThat(writer().lookUp(reopen(ticket))).isEqualTo(new LookUp.NotWritten());
    assertThat(writer().lookUp(request))
        .isEqualTo(new LookUp.Written(Done.of("31002", baseUrl() + "/#ticket/zoom/43")));
  }

  @Test
  void probeWantsAnAgent() {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/users/me"))
            .withHeader("Authorization", equalTo(AUTH))
            .willReturn(
                okJson("{\"id\":5,\"email\":\"bot@acme.example\",\"roles\":[\"Customer\"]}")));

    ProbeReport report = writer().probe();

    assertThat(report.ok()).isFalse();
    assertThat(report.findings().get(0).text()).contains("no Agent role", "Customer");
  }

  @Test
  void aTokenThatCannotBeSentIsRejectedNotThrown() {
    ZammadWriter broken =
        new ZammadWriter(
            new Helpdesks.Zammad("", baseUrl(), "line\nbreak", Helpdesks.WriteBack.DEFAULT),
            http,
            TIMEOUT,
            clock);

    WriteOutcome outcome = broken.write(note(ticket));

    assertThat(outcome).isInstanceOf(WriteOutcome.Rejected.class);
    assertThat(((WriteOutcome.Rejected) outcome).reason()).contains("connectors.zammad.apiToken");
    assertThat(requests()).isZero();
  }
}
