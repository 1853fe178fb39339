package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * GLPI 11 native webhooks on Ticket (events solved, closed, update, rejectsolution) with the
 * default payload {@code {"event", "item"}}, item being the High-Level API Ticket schema.
 *
 * <p>Auth: {@code X-GLPI-signature} = hex HMAC-SHA256(secret, body + {@code X-GLPI-timestamp}); a
 * timestamp more than 300 s away is refused.
 *
 * <p>Closed: event solved/closed, or status 5 (Solved) / 6 (Closed). {@code rejectsolution} says
 * the ticket was solved and no longer is: a reopen. Status 1–4 on another event says only that the
 * ticket is open now: {@code SEEN_OPEN}.
 */
public final class GlpiConnector extends WebhookConnector {
  public static final String SOURCE = "glpi";
  private static final Set<String> CLOSED_STATUS = Set.of("5", "6", "solved", "closed");
  private static final Set<String> OPEN_STATUS =
      Set.of("1", "2", "3", "4", "new", "processing (assigned)", "processing (planned)", "pending");

  private final String baseUrl;
  private final String emailDomain;

  public GlpiConnector(Helpdesks.Glpi config) {
    super(SOURCE, config == null ? "" : config.secret());
    this.baseUrl = config == null ? "" : config.baseUrl();
    String domain = config == null || config.emailDomain() == null ? "" : config.emailDomain();
    this.emailDomain = domain.strip().replaceFirst("^@", "");
  }

  @Override
  protected Optional<String> authenticate(WebhookRequest request) {
    String signature = request.header("X-GLPI-signature");
    String timestamp = request.header("X-GLPI-timestamp");
    if (signature == null || timestamp == null) {
      return Optional.of("missing X-GLPI-signature or X-GLPI-timestamp header");
    }
    String expected = Signatures.hmacSha256Hex(secret, request.body(), Signatures.utf8(timestamp));
    if (!Signatures.equal(expected, signature.trim().toLowerCase(Locale.ROOT))) {
      return Optional.of("signature does not match");
    }
    return Signatures.fresh(timestamp, request.receivedAt())
        ? Optional.empty()
        : Optional.of("timestamp more than 300 s away");
  }

  @Override
  protected String signedAt(WebhookRequest request) {
    return request.header("X-GLPI-timestamp");
  }

  @Override
  protected byte[] verifiedSignature(WebhookRequest request) {
    return Signatures.hmac(
        "HmacSHA256", secret, request.body(), Signatures.utf8(request.header("X-GLPI-timestamp")));
  }

  @Override
  protected java.time.Instant changedAt(JsonNode root) {
    return Times.tryParse(Fields.text(root, "/item/date_mod"));
  }

  @Override
  protected WebhookResult map(JsonNode root, WebhookRequest request) {
    String event = Fields.required(root, "/event", "event").toLowerCase(Locale.ROOT);
    JsonNode item = root.path("item");
    if (!item.isObject()) {
      throw PayloadException.missing("item");
    }
    String status = status(item);
    boolean closed =
        event.equals("solved") || event.equals("closed") || CLOSED_STATUS.contains(status);
    if (closed && !event.equals("rejectsolution")) {
      String login = member(item, "User", "requester");
      if (login != null && !login.contains("@") && emailDomain.isEmpty()) {
        // the requester is named, by a login: say what makes it an address, not "is required"
        throw PayloadException.invalid(
            "item.team[role=requester]",
            "'"
                + PayloadException.shown(login)
                + "' is not an email address: set connectors.glpi.emailDomain");
      }
      return Events.event(
          Events.closed(
              SOURCE,
              ticket(item),
              requester(item),
              Times.parse(Fields.text(item, "/date_mod"), "item.date_mod"),
              "item.team[role=requester]"));
    }
    if (event.equals("rejectsolution")) {
      return Events.event(Events.opened(SOURCE, Kind.REOPENED, ticket(item), requester(item)));
    }
    if (event.equals("update") && OPEN_STATUS.contains(status)) {
      return Events.event(Events.opened(SOURCE, Kind.SEEN_OPEN, ticket(item), requester(item)));
    }
    return Events.ignored("event " + event + " with status " + status);
  }

  /** {@code item.status.id} (HL API), else a bare number, else the status name. */
  private static String status(JsonNode item) {
    String s = Fields.text(item, "/status/id");
    if (s == null) {
      s = Fields.text(item, "/status");
    }
    if (s == null) {
      s = Fields.text(item, "/status/name");
    }
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private Ticket ticket(JsonNode item) {
    String id = Fields.ticketId(Fields.required(item, "/id", "item.id"));
    return new Ticket(
        id,
        Fields.text(item, "/name"),
        link(id),
        member(item, "User", "assigned"),
        member(item, "Group", "assigned"));
  }

  private Requester requester(JsonNode item) {
    String name = member(item, "User", "requester");
    if (name == null) {
      return Requester.ofEmail(null, null);
    }
    String email = name.contains("@") || emailDomain.isEmpty() ? name : name + "@" + emailDomain;
    return Requester.ofEmail(email.contains("@") ? email : null, name);
  }

  /** The first {@code item.team[]} member of that type and role, by name. */
  private static String member(JsonNode item, String type, String role) {
    for (JsonNode m : item.path("team")) {
      if (type.equalsIgnoreCase(Fields.text(m, "/type"))
          && role.equalsIgnoreCase(Fields.text(m, "/role"))) {
        String name = Fields.text(m, "/name");
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  private String link(String id) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    return baseUrl.strip().replaceAll("/+$", "") + "/front/ticket.form.php?id=" + id;
  }
}
