package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.ticket.Connector;
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
      return map(Fields.parseObject(request.body()), request);
    } catch (PayloadException e) {
      return new WebhookResult.Invalid(e.getMessage());
    } catch (RuntimeException e) {
      log.warn("connector={} webhook could not be mapped; answering 400", source, e);
      return new WebhookResult.Invalid("payload could not be mapped");
    }
  }

  /** Empty when the request is authentic, else why it is not (never echoing a secret). */
  protected abstract Optional<String> authenticate(WebhookRequest request);

  /** Maps an authenticated JSON object; a missing field is a {@link PayloadException}. */
  protected abstract WebhookResult map(JsonNode root, WebhookRequest request);
}
