package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Zammad trigger → webhook with the default payload ({@code {"ticket": {...}, "article": {...}}}).
 *
 * <p>Auth: {@code X-Hub-Signature: sha1=<hex HMAC-SHA1(secret, body)>}; Zammad sends no timestamp.
 *
 * <p>Closed: {@code ticket.state} "closed". Any other state except merged/removed is {@code
 * SEEN_OPEN}. The close time is {@code ticket.last_close_at} when present (Zammad keeps {@code
 * close_at} at the first close, so a re-close after a reopen would otherwise look like the old
 * close), else {@code ticket.close_at}.
 */
public final class ZammadConnector extends WebhookConnector {
  public static final String SOURCE = "zammad";
  private static final Set<String> NOT_A_REOPEN = Set.of("merged", "removed");

  private final String baseUrl;

  public ZammadConnector(Helpdesks.Zammad config) {
    super(SOURCE, config == null ? "" : config.secret());
    this.baseUrl = config == null ? "" : config.baseUrl();
  }

  @Override
  protected Optional<String> authenticate(WebhookRequest request) {
    String signature = request.header("X-Hub-Signature");
    if (signature == null) {
      return Optional.of("missing X-Hub-Signature header");
    }
    return Auth.prefixedHexMatches(
            signature, "sha1=", Signatures.hmacSha1Hex(secret, request.body()))
        ? Optional.empty()
        : Optional.of("signature does not match");
  }

  @Override
  protected byte[] verifiedSignature(WebhookRequest request) {
    return Signatures.hmac("HmacSHA1", secret, request.body());
  }

  @Override
  protected Instant changedAt(JsonNode root) {
    return Times.tryParse(Fields.text(root, "/ticket/updated_at"));
  }

  @Override
  protected WebhookResult map(JsonNode root, WebhookRequest request) {
    JsonNode t = root.path("ticket");
    if (!t.isObject()) {
      throw PayloadException.missing("ticket");
    }
    String state = Fields.text(t, "/state");
    if (state == null) {
      state = Fields.required(t, "/state/name", "ticket.state");
    }
    state = state.toLowerCase(Locale.ROOT);
    Ticket ticket = ticket(t);
    Requester requester =
        Requester.ofEmail(
            Fields.text(t, "/customer/email"),
            Fields.fullName(
                Fields.text(t, "/customer/firstname"), Fields.text(t, "/customer/lastname")));
    if (state.equals("closed")) {
      return Events.event(
          Events.closed(SOURCE, ticket, requester, closedAt(t), "ticket.customer.email"));
    }
    if (NOT_A_REOPEN.contains(state)) {
      return Events.ignored("state " + state);
    }
    return Events.event(Events.opened(SOURCE, Kind.SEEN_OPEN, ticket, requester));
  }

  private Ticket ticket(JsonNode t) {
    String number = Fields.ticketId(Fields.required(t, "/number", "ticket.number"));
    return new Ticket(
        number, Fields.text(t, "/title"), link(Fields.text(t, "/id")), owner(t), group(t));
  }

  private static Instant closedAt(JsonNode t) {
    Instant last = Times.parse(Fields.text(t, "/last_close_at"), "ticket.last_close_at");
    return last != null ? last : Times.parse(Fields.text(t, "/close_at"), "ticket.close_at");
  }

  /** The owner's name; Zammad's placeholder owner "-" (user 1) means unassigned. */
  private static String owner(JsonNode t) {
    JsonNode owner = t.path("owner");
    if (owner.isTextual()) {
      return Fields.text(owner);
    }
    if ("-".equals(Fields.text(owner, "/login")) || "1".equals(Fields.text(owner, "/id"))) {
      return null;
    }
    String name =
        Fields.fullName(Fields.text(owner, "/firstname"), Fields.text(owner, "/lastname"));
    return name != null ? name : Fields.text(owner, "/email");
  }

  private static String group(JsonNode t) {
    JsonNode group = t.path("group");
    return group.isTextual() ? Fields.text(group) : Fields.text(group, "/name");
  }

  private String link(String internalId) {
    if (baseUrl == null || baseUrl.isBlank() || internalId == null) {
      return null;
    }
    return baseUrl.strip().replaceAll("/+$", "") + "/#ticket/zoom/" + internalId;
  }
}
