package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Zendesk webhooks connected to a trigger, with the body template of docs/connectors/zendesk.md.
 *
 * <p>Auth: {@code X-Zendesk-Webhook-Signature} = base64 HMAC-SHA256(secret, {@code
 * X-Zendesk-Webhook-Signature-Timestamp} + body). Zendesk's timestamp is ISO-8601
 * ("2021-03-25T05:09:27Z"); one more than 300 s from receipt is refused.
 */
public final class ZendeskConnector extends WebhookConnector {
  public static final String SOURCE = "zendesk";

  public ZendeskConnector(Helpdesks.Zendesk config) {
    super(SOURCE, config == null ? "" : config.secret());
  }

  @Override
  protected Optional<String> authenticate(WebhookRequest request) {
    String signature = request.header("X-Zendesk-Webhook-Signature");
    String timestamp = request.header("X-Zendesk-Webhook-Signature-Timestamp");
    if (signature == null || timestamp == null) {
      return Optional.of("missing X-Zendesk-Webhook-Signature or -Timestamp header");
    }
    String expected =
        Signatures.hmacSha256Base64(secret, Signatures.utf8(timestamp), request.body());
    if (!Signatures.equal(expected, signature.trim())) {
      return Optional.of("signature does not match");
    }
    return fresh(timestamp, request.receivedAt())
        ? Optional.empty()
        : Optional.of("timestamp more than 300 s away");
  }

  /** ISO-8601 as Zendesk sends it; unix seconds accepted too. */
  static boolean fresh(String timestamp, Instant now) {
    Instant t = Times.tryParse(timestamp.trim());
    if (t == null) {
      return Signatures.fresh(timestamp, now);
    }
    return Duration.between(t, now).abs().compareTo(Signatures.MAX_SKEW) <= 0;
  }

  @Override
  protected String signedAt(WebhookRequest request) {
    return request.header("X-Zendesk-Webhook-Signature-Timestamp");
  }

  @Override
  protected byte[] verifiedSignature(WebhookRequest request) {
    return Signatures.hmac(
        "HmacSHA256",
        secret,
        Signatures.utf8(request.header("X-Zendesk-Webhook-Signature-Timestamp")),
        request.body());
  }

  @Override
  protected Instant changedAt(JsonNode root) {
    return Times.tryParse(Fields.text(root, "/ticket/updated_at"));
  }

  @Override
  protected WebhookResult map(JsonNode root, WebhookRequest request) {
    return TemplatePayload.map(SOURCE, root, true);
  }
}
