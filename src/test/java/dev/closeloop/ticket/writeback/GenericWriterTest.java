package dev.closeloop.ticket.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.GenericWebhook;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericWriterTest extends WriterTestSupport {
  private static final String PATH = "/hooks/closeloop";
  private static final String SECRET = "wb-secret-123";

  private GenericWriter writer() {
    return new GenericWriter(new Helpdesks.Generic(baseUrl() + PATH, SECRET), http, TIMEOUT, clock);
  }

  private final TicketRef ticket = new TicketRef("INC-1042", "https://desk.example.com/t/1042");

  private LoggedRequest sent() {
    return only(RequestMethod.POST, PATH);
  }

  /** The request as the inbound generic webhook would receive it. */
  private static WebhookRequest asReceived(LoggedRequest r) {
    return new WebhookRequest(
        Map.of(
            "x-closeloop-timestamp", r.getHeader("X-Closeloop-Timestamp"),
            "x-closeloop-signature", r.getHeader("X-Closeloop-Signature"),
            "content-type", r.getHeader("Content-Type")),
        Map.of(),
        r.getBody(),
        NOW);
  }

  @Test
  void writesAreSignedExactlyAsTheInboundWebhookChecks() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

    assertThat(writer().write(note(ticket))).isEqualTo(Done.of("INC-1042", ticket.url()));

    LoggedRequest r = sent();
    assertThat(r.getHeader("X-Closeloop-Timestamp"))
        .isEqualTo(String.valueOf(NOW.getEpochSecond()));
    assertThat(r.getHeader("X-Closeloop-Signature")).startsWith("v1=");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(new GenericWebhook(SECRET).handle(asReceived(r)))
        .isNotInstanceOf(WebhookResult.Unauthorized.class);
    assertThat(new GenericWebhook("another-secret").handle(asReceived(r)))
        .isInstanceOf(WebhookResult.Unauthorized.class);
  }

  @Test
  void noteEventCarriesTheTextTheAnswersAndAStableId() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
    Write.Note note = note(ticket);

    writer().write(note);
    writer().write(note);

    List<JsonNode> events =
        server.getAllServeEvents().stream().map(e -> body(e.getRequest())).toList();
    assertThat(events).hasSize(2);
    JsonNode e = events.get(0);
    assertThat(e.path("event").asText()).isEqualTo("note");
    assertThat(e.path("id").asText()).isEqualTo(note.marker());
    assertThat(events.get(1).path("id").asText()).isEqualTo(note.marker());
    assertThat(e.path("sentAt").asText()).isEqualTo("2026-11-24T10:05:00Z");
    assertThat(e.at("/ticket/id").asText()).isEqualTo("INC-1042");
    assertThat(e.at("/ticket/url").asText()).isEqualTo("https://desk.example.com/t/1042");
    assertThat(e.path("text").asText()).startsWith("Survey: not fixed");
    assertThat(e.at("/survey/fixed").asBoolean(true)).isFalse();
    assertThat(e.at("/survey/score").asInt()).isEqualTo(2);
    assertThat(e.at("/survey/comment").asText()).isEqualTo("the VPN still drops");
  }

  @Test
  void followUpReopenAndRequestEvents() {
    server.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson("{\"id\":\"INC-1043\",\"url\":\"https://desk.example.com/t/1043\"}")));

    writer().write(followUp(ticket));
    JsonNode f = body(server.getAllServeEvents().get(0).getRequest());
    assertThat(f.path("event").asText()).isEqualTo("followUp");
    assertThat(f.at("/followUp/by").asText()).isEqualTo("Alex");
    assertThat(f.at("/followUp/at").asText()).isEqualTo("2026-11-24T10:05:00Z");
    assertThat(f.at("/followUp/message").asText()).isEqualTo("called Dana, replaced the cable");

    writer().write(reopen(ticket));
    JsonNode r = body(server.getAllServeEvents().get(0).getRequest());
    assertThat(r.path("event").asText()).isEqualTo("reopen");
    assertThat(r.path("text").asText()).contains("not fixed");

    WriteOutcome created = writer().write(request(ticket));
    JsonNode q = body(server.getAllServeEvents().get(0).getRequest());
    assertThat(q.path("event").asText()).isEqualTo("request");
    assertThat(q.at("/request/title").asText()).isEqualTo("New laptop charger");
    assertThat(q.at("/request/requester/email").asText()).isEqualTo("dana@example.com");
    assertThat(q.path("text").asText()).isEqualTo("My laptop charger is broken too");
    assertThat(created).isEqualTo(Done.of("INC-1043", "https://desk.example.com/t/1043"));
  }

  @Test
  void probeSendsASignedPingAndReportsARefusal() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

    ProbeReport report = writer().probe();

    assertThat(report.ok()).isFalse();
    assertThat(report.findings().get(0).text()).contains("connectors.generic.writeBackSecret");
    LoggedRequest ping = sent();
    assertThat(body(ping).path("event").asText()).isEqualTo("ping");
    assertThat(new GenericWebhook(SECRET).handle(asReceived(ping)))
        .isNotInstanceOf(WebhookResult.Unauthorized.class);
  }
}
