package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.util.Optional;

/**
 * Freshservice Workflow Automator "Trigger Webhook" (Advanced, JSON) with the body template of
 * docs/connectors/freshservice.md. Freshservice does not sign its webhooks: the secret travels in
 * {@code X-Closeloop-Token} or {@code ?token=}. There is no update-time placeholder, so a close is
 * dated at receipt.
 */
public final class FreshserviceConnector extends WebhookConnector {
  public static final String SOURCE = "freshservice";

  public FreshserviceConnector(Helpdesks.Freshservice config) {
    super(SOURCE, config == null ? "" : config.secret());
  }

  @Override
  protected Optional<String> authenticate(WebhookRequest request) {
    return Auth.sharedToken(request, secret);
  }

  @Override
  protected WebhookResult map(JsonNode root, WebhookRequest request) {
    return TemplatePayload.map(SOURCE, root, false);
  }
}
