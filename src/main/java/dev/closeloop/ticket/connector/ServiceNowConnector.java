package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import dev.closeloop.ticket.connector.ServiceNowRecords.State;
import java.util.Optional;

/**
 * ServiceNow: an after-update business rule posting the flat record (docs/connectors/servicenow.md)
 * with RESTMessageV2. Unsigned: the secret travels in {@code X-Closeloop-Token} or {@code ?token=}.
 *
 * <p>The rule sends {@code previous_state}, so this connector knows transitions: closed is state
 * 6/7 from a state that was not 6/7; reopen is 6/7 back to 1/2/3. Without a previous state (a rule
 * on insert), 6/7 is a close and 1/2/3 is {@code SEEN_OPEN}.
 */
public final class ServiceNowConnector extends WebhookConnector {
  private final String instanceUrl;
  private final String table;

  public ServiceNowConnector(Helpdesks.ServiceNow config) {
    super(ServiceNowRecords.SOURCE, config == null ? "" : config.secret());
    this.instanceUrl = config == null ? "" : config.instanceUrl();
    this.table = config == null ? "incident" : config.table();
  }

  @Override
  protected Optional<String> authenticate(WebhookRequest request) {
    return Auth.sharedToken(request, secret);
  }

  /** {@code sys_updated_on} when the business rule sends it. */
  @Override
  protected java.time.Instant changedAt(JsonNode root) {
    return Times.tryParse(ServiceNowRecords.flat(root, "sys_updated_on"));
  }

  @Override
  protected WebhookResult map(JsonNode root, WebhookRequest request) {
    State now = State.of(Fields.required(root, "/state", "state"));
    String previousText = ServiceNowRecords.flat(root, "previous_state");
    State before = State.of(previousText);
    if (now == State.CLOSED && before != State.CLOSED) {
      return Events.event(
          Events.closed(
              ServiceNowRecords.SOURCE,
              ServiceNowRecords.ticket(root, instanceUrl, table),
              ServiceNowRecords.requester(root),
              ServiceNowRecords.closedAt(root),
              "caller_id.email"));
    }
    if (now == State.OPEN && (before == State.CLOSED || previousText == null)) {
      Kind kind = previousText == null ? Kind.SEEN_OPEN : Kind.REOPENED;
      return Events.event(
          Events.opened(
              ServiceNowRecords.SOURCE,
              kind,
              ServiceNowRecords.ticket(root, instanceUrl, table),
              ServiceNowRecords.requester(root)));
    }
    return Events.ignored("state " + previousText + " -> " + Fields.text(root, "/state"));
  }
}
