package dev.closeloop.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The generic webhook ({@code POST /hooks/tickets}, source {@code generic}): {@code
 * X-Closeloop-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. Fields beyond the
 * documented ones are ignored.
 */
public final class GenericWebhook implements Connector {
  public static final String SOURCE = "generic";

  /**
   * No length limit here for what is shown or only a hint (title, link, names, time zone, locale):
   * the body's 64 KiB bound it, and intake keeps it as every route's text is kept ({@link
   * TicketEvent#fitted}: cut with "…" to its column, a link, zone or locale too long dropped).
   * Identifiers are refused past their column's size instead: cutting one would name another.
   */
  private static final int ANY_LENGTH = Integer.MAX_VALUE;

  private final String secret;

  public GenericWebhook(String secret) {
    this.secret = secret == null ? "" : secret;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public WebhookResult handle(WebhookRequest request) {
    if (secret.isEmpty()) {
      return new WebhookResult.Unauthorized("intake.secret is not set");
    }
    String ts = request.header("X-Closeloop-Timestamp");
    String sig = request.header("X-Closeloop-Signature");
    if (!Signatures.fresh(ts, request.receivedAt())) {
      return new WebhookResult.Unauthorized("missing or stale timestamp");
    }
    String expected =
        "v1=" + Signatures.hmacSha256Hex(secret, Signatures.utf8(ts.trim() + "."), request.body());
    // hex in either case, as a sender's library writes it
    if (!Signatures.equal(expected, sig == null ? null : sig.trim().toLowerCase(Locale.ROOT))) {
      return new WebhookResult.Unauthorized("bad signature");
    }
    // a close without closedAt is dated by its receipt, as the contract says; a replay of the same
    // signed request is recognised by its identity (replayIdentity), even after a reopen
    return parse(request.body());
  }

  /** The signature that authenticated the request, decoded: the HMAC of timestamp and body. */
  @Override
  public String replayIdentity(WebhookRequest request) {
    String ts = request.header("X-Closeloop-Timestamp").trim();
    return Connector.replayIdentity(
        SOURCE,
        ts,
        Signatures.hmac("HmacSHA256", secret, Signatures.utf8(ts + "."), request.body()),
        request.body());
  }

  /** Maps an authenticated body; public for tests and fuzzing. */
  public static WebhookResult parse(byte[] body) {
    JsonNode root;
    try {
      root = WebhookJson.read(body);
    } catch (IllegalArgumentException e) {
      return new WebhookResult.Invalid(e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return new WebhookResult.Invalid("body must be a JSON object");
    }
    String event = text(root, "event");
    JsonNode given = root.get("event");
    if (event == null && (given == null || given.isNull())) {
      return new WebhookResult.Invalid("event is required");
    }
    TicketEvent.Kind kind;
    if ("ticket.closed".equals(event)) {
      kind = TicketEvent.Kind.CLOSED;
    } else if ("ticket.reopened".equals(event)) {
      kind = TicketEvent.Kind.REOPENED;
    } else {
      return new WebhookResult.Invalid("event must be ticket.closed or ticket.reopened");
    }
    JsonNode t = root.get("ticket");
    if (t == null || !t.isObject()) {
      return new WebhookResult.Invalid("ticket is required (an object)");
    }
    try {
      String id = required(t, "ticket.id", "id", TicketEvent.MAX_ID);
      String closedAtText = optional(t, "ticket.closedAt", "closedAt", 64);
      Instant closedAt = null;
      if (closedAtText != null) {
        try {
          closedAt = Instant.parse(closedAtText);
        } catch (DateTimeParseException e) {
          return new WebhookResult.Invalid(
              "ticket.closedAt must be an ISO-8601 instant like 2026-11-24T10:00:00Z");
        }
      }
      TicketEvent.Ticket ticket =
          new TicketEvent.Ticket(
              id,
              optional(t, "ticket.title", "title", ANY_LENGTH),
              url(optional(t, "ticket.url", "url", ANY_LENGTH)),
              optional(t, "ticket.assignee", "assignee", ANY_LENGTH),
              optional(t, "ticket.team", "team", ANY_LENGTH));
      JsonNode r = root.get("requester");
      if (r != null && !r.isNull() && !r.isObject()) {
        return new WebhookResult.Invalid("requester must be an object");
      }
      TicketEvent.Requester requester =
          r == null || r.isNull()
              ? new TicketEvent.Requester(null, null, null, null, null, null)
              : new TicketEvent.Requester(
                  email(optional(r, "requester.email", "email", TicketEvent.MAX_EMAIL)),
                  optional(r, "requester.name", "name", ANY_LENGTH),
                  platformId(
                      optional(r, "requester.slackId", "slackId", TicketEvent.MAX_PLATFORM_ID),
                      "requester.slackId"),
                  platformId(
                      optional(r, "requester.discordId", "discordId", TicketEvent.MAX_PLATFORM_ID),
                      "requester.discordId"),
                  optional(r, "requester.timezone", "timezone", ANY_LENGTH),
                  optional(r, "requester.locale", "locale", ANY_LENGTH));
      if (kind == TicketEvent.Kind.CLOSED && !requester.reachable()) {
        return new WebhookResult.Invalid(
            "requester needs at least one of email, slackId, discordId");
      }
      return new WebhookResult.Event(new TicketEvent(SOURCE, kind, ticket, requester, closedAt));
    } catch (FieldException e) {
      return new WebhookResult.Invalid(e.getMessage());
    }
  }

  private static final class FieldException extends Exception {
    FieldException(String message) {
      super(message, null, false, false);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static String required(JsonNode node, String path, String field, int max)
      throws FieldException {
    String v = optional(node, path, field, max);
    if (v == null) {
      throw new FieldException(path + " is required");
    }
    return v;
  }

  private static String optional(JsonNode node, String path, String field, int max)
      throws FieldException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new FieldException(path + " must be a string");
    }
    // a number as a sender means it: 1e3 and 1000.0 are ticket 1000, as on the helpdesk routes
    String s = v.isNumber() ? WebhookJson.scalarText(v) : v.asText().strip();
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.length() > max) {
      throw new FieldException(path + " is longer than " + max + " characters");
    }
    // the one definition every check of outside text uses: C0, DEL, C1, U+2028/9, bidi controls
    String wrong = dev.closeloop.language.Texts.whyRefused(s);
    if (wrong != null) {
      throw new FieldException(path + " " + wrong);
    }
    return s;
  }

  private static String email(String s) throws FieldException {
    if (s == null) {
      return null;
    }
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1 || s.contains(" ")) {
      throw new FieldException("requester.email is not an email address");
    }
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  private static String platformId(String s, String path) throws FieldException {
    if (s != null && !s.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new FieldException(path + " must be a platform user id (letters and digits)");
    }
    return s;
  }

  private static String url(String s) throws FieldException {
    if (s != null && !(s.startsWith("https://") || s.startsWith("http://"))) {
      throw new FieldException("ticket.url must be an http(s) URL");
    }
    return s;
  }
}
