package dev.closeloop.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.config.Config;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.survey.AnswerParser;
import dev.closeloop.survey.ParsedAnswer;
import dev.closeloop.ticket.Connector;
import dev.closeloop.ticket.GenericWebhook;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import dev.closeloop.ticket.connector.Connectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile bodies for every webhook parser, each properly authenticated so that the mapping code is
 * what gets exercised: nothing throws, every answer is one of the known results (never a 5xx). The
 * tries come from {@code jqwik.tries.default}: a quick sample in the build, 100,000 in
 * bench/fuzz.sh.
 */
class WebhookFuzzTest {
  static final String SECRET = "fuzz-secret";
  static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");
  static final Map<String, List<String>> SAMPLES =
      Map.of(
          "jira",
              List.of(
                  "jira/issue-resolved.json",
                  "jira/issue-reopened.json",
                  "jira/issue-commented.json"),
          "zendesk", List.of("zendesk/ticket-solved.json", "zendesk/ticket-reopened.json"),
          "servicenow",
              List.of("servicenow/incident-resolved.json", "servicenow/incident-reopened.json"),
          "freshservice",
              List.of("freshservice/ticket-resolved.json", "freshservice/ticket-reopened.json"),
          "glpi", List.of("glpi/ticket-solved.json", "glpi/ticket-rejectsolution.json"),
          "zammad", List.of("zammad/ticket-closed.json", "zammad/ticket-reopened.json"));
  static final Connectors CONNECTORS =
      Connectors.from(
          new Config.Connectors(
              new Helpdesks.Jira(
                  SECRET, "https://jira.example.com", "", "", "", "", Duration.ofDays(1)),
              new Helpdesks.Zendesk(SECRET, "", "", "", "", "", Duration.ofDays(1)),
              new Helpdesks.ServiceNow(
                  SECRET, "https://sn.example.com", "", "", "incident", "", "", Duration.ofDays(1)),
              new Helpdesks.Freshservice(SECRET),
              new Helpdesks.Glpi(SECRET, "https://glpi.example.com", "example.com"),
              new Helpdesks.Zammad(SECRET, "https://zammad.example.com")));

  @Example
  void theSigningHereIsAcceptedSoTheMappingCodeIsWhatGetsFuzzed() {
    for (var e : SAMPLES.entrySet()) {
      WebhookResult r =
          CONNECTORS
              .find(e.getKey())
              .orElseThrow()
              .handle(signed(e.getKey(), load(e.getValue().get(0))));
      assertThat(r).as(e.getKey()).isNotInstanceOf(WebhookResult.Unauthorized.class);
    }
  }

  @Property
  void genericParseNeverThrowsOnArbitraryBytes(@ForAll("bytes") byte[] body) {
    assertKnown(GenericWebhook.parse(body));
  }

  @Property
  void genericParseNeverThrowsOnMutatedPayloads(@ForAll("genericPayloads") byte[] body) {
    assertKnown(GenericWebhook.parse(body));
  }

  @Property
  void genericHandleWithValidSignatureNeverThrows(@ForAll("genericPayloads") byte[] body) {
    String ts = Long.toString(NOW.getEpochSecond());
    String sig = "v1=" + Signatures.hmacSha256Hex(SECRET, Signatures.utf8(ts + "."), body);
    WebhookRequest request =
        new WebhookRequest(
            Map.of("x-closeloop-timestamp", ts, "x-closeloop-signature", sig), Map.of(), body, NOW);
    assertKnown(new GenericWebhook(SECRET).handle(request));
  }

  @Property
  void connectorsNeverThrowOnMutatedAuthenticPayloads(
      @ForAll("sources") String source, @ForAll("seeds") long seed) {
    List<String> files = SAMPLES.get(source);
    byte[] body = Hostile.mutate(load(files.get((int) Math.floorMod(seed, files.size()))), seed);
    Connector connector = CONNECTORS.find(source).orElseThrow();
    assertKnown(connector.handle(signed(source, body)));
  }

  @Property
  void connectorsNeverThrowOnArbitraryBytesAndHeaders(
      @ForAll("sources") String source,
      @ForAll("bytes") byte[] body,
      @ForAll("text") String header) {
    Connector connector = CONNECTORS.find(source).orElseThrow();
    Map<String, String> headers = new HashMap<>();
    for (String name :
        List.of(
            "x-hub-signature",
            "x-zendesk-webhook-signature",
            "x-zendesk-webhook-signature-timestamp",
            "x-glpi-signature",
            "x-glpi-timestamp",
            "x-closeloop-token")) {
      headers.put(name, header);
    }
    assertKnown(connector.handle(new WebhookRequest(headers, Map.of("token", header), body, NOW)));
    assertKnown(connector.handle(signed(source, body)));
  }

  @Property
  void answerParserNeverThrowsAndKeepsTextWithinLimits(@ForAll("text") String raw) {
    ParsedAnswer parsed = AnswerParser.parse(raw);
    assertThat(parsed).isNotNull();
    assertThat(AnswerParser.clean(raw).length()).isLessThanOrEqualTo(AnswerParser.MAX_TEXT);
    assertThat(AnswerParser.clean(raw)).doesNotContain("\u0000");
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.oneOf(Hostile.bytes(), Hostile.text().map(Hostile::utf8));
  }

  @Provide
  Arbitrary<String> text() {
    return Hostile.text();
  }

  @Provide
  Arbitrary<String> sources() {
    return Arbitraries.of(SAMPLES.keySet());
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<byte[]> genericPayloads() {
    byte[] closed =
        Hostile.utf8(
            """
        {"event":"ticket.closed","ticket":{"id":"INC-1","title":"VPN","url":"https://x.example.com/1",
         "closedAt":"2026-11-24T10:00:00Z","assignee":"Alex","team":"network"},
         "requester":{"email":"dana@example.com","name":"Dana","slackId":"U1","discordId":"1234",
         "timezone":"Europe/Berlin","locale":"en"}}""");
    byte[] reopened = Hostile.utf8("{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-1\"}}");
    return Hostile.mutated(List.of(closed, reopened));
  }

  private static void assertKnown(WebhookResult result) {
    assertThat(result).isNotNull();
    assertThat(result.getClass().getEnclosingClass()).isEqualTo(WebhookResult.class);
  }

  /** The request as the connector's system would sign it. */
  static WebhookRequest signed(String source, byte[] body) {
    String ts = Long.toString(NOW.getEpochSecond());
    Map<String, String> h = new HashMap<>();
    Map<String, String> q = new HashMap<>();
    switch (source) {
      case "jira" -> h.put("x-hub-signature", "sha256=" + Signatures.hmacSha256Hex(SECRET, body));
      case "zammad" -> h.put("x-hub-signature", "sha1=" + Signatures.hmacSha1Hex(SECRET, body));
      case "zendesk" -> {
        h.put(
            "x-zendesk-webhook-signature",
            Signatures.hmacSha256Base64(SECRET, Signatures.utf8(NOW.toString()), body));
        h.put("x-zendesk-webhook-signature-timestamp", NOW.toString());
      }
      case "glpi" -> {
        h.put("x-glpi-signature", Signatures.hmacSha256Hex(SECRET, body, Signatures.utf8(ts)));
        h.put("x-glpi-timestamp", ts);
      }
      default -> q.put("token", SECRET);
    }
    return new WebhookRequest(h, q, body, NOW);
  }

  static byte[] load(String path) {
    try (InputStream in = WebhookFuzzTest.class.getResourceAsStream("/connectors/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
