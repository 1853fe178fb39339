package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.ticket.Connector;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order every helpdesk webhook is judged in: a secret must be configured, the request must
 * authenticate (before the body is even parsed), then the JSON is mapped. Subclasses supply the two
 * system-specific steps.
 */
abstract class WebhookConnector implements Connector {
  private static final Logger log = LoggerFactory.getLogger(WebhookConnector.class);

  private final String source;
  protected final String secret;

  WebhookConnector(String source, String secret) {
    this.source = source;
    this.secret = secret == null ? "" : secret;
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public final WebhookResult handle(WebhookRequest request) {
    try {
      if (secret.isBlank()) {
        return new WebhookResult.Unauthorized("connectors." + source + ".secret is not set");
      }
      Optional<String> denied = authenticate(request);
      if (denied.isPresent()) {
        return new WebhookResult.Unauthorized(denied.get());
      }
      JsonNode root = Fields.parseObject(request.body());
      WebhookResult result = map(root, request);
      if (!(result instanceof WebhookResult.Event e)) {
        return result;
      }
      TicketEvent event = e.event();
      String unstorable = event.unstorable();
      if (unstorable != null) {
        return new WebhookResult.Invalid(unstorable);
      }
      if (event.changedAt() == null) {
        java.time.Instant at = changedAt(root);
        event = at == null ? event : event.changedAt(at);
      }
      // a helpdesk's text has any length: intake cuts it to what the store keeps (never a 500)
      return Events.event(event);
    } catch (PayloadException e) {
      return new WebhookResult.Invalid(e.getMessage());
    } catch (RuntimeException e) {
      log.warn("connector={} webhook could not be mapped; answering 400", source, e);
      return new WebhookResult.Invalid("payload could not be mapped");
    }
  }

  /** Empty when the request is authentic, else why it is not (never echoing a secret). */
  protected abstract Optional<String> authenticate(WebhookRequest request);

  @Override
  public final String replayIdentity(WebhookRequest request) {
    return dev.closeloop.ticket.Connector.replayIdentity(
        source, signedAt(request), verifiedSignature(request), request.body());
  }

  /** The timestamp the signature covers, as sent, when it covers one (Zendesk, GLPI), else null. */
  protected String signedAt(WebhookRequest request) {
    return null;
  }

  /**
   * The HMAC this request was authenticated by, when it was authenticated by a signature (null for
   * a shared token): the expected value, which equals the header's decoded one.
   */
  protected byte[] verifiedSignature(WebhookRequest request) {
    return null;
  }

  /**
   * The helpdesk's own time of the change the payload reports (its updated time), or null: an event
   * not newer than the ticket's last applied one changes nothing.
   */
  protected java.time.Instant changedAt(JsonNode root) {
    return null;
  }

  /** Maps an authenticated JSON object; a missing field is a {@link PayloadException}. */
  protected abstract WebhookResult map(JsonNode root, WebhookRequest request);
}
