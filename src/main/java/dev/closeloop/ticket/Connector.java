package dev.closeloop.ticket;

/**
 * A ticketing system's webhook at {@code POST /hooks/tickets/{source}}: checks the system's own
 * authentication, then maps its payload to a {@link TicketEvent}. Pure: no I/O, no clock but the
 * request's {@code receivedAt}.
 */
public interface Connector {
  /** The {@code {source}} path segment, e.g. "jira". */
  String source();

  /** Authenticates (constant-time) and maps; never throws for any input. */
  WebhookResult handle(WebhookRequest request);

  /**
   * The identity of an authentic request, for replay detection: the connector plus the signature it
   * was authenticated by, decoded (so an added header, another prefix or upper-case hex is the same
   * request), or plus the SHA-256 of the body for senders that authenticate with a shared token.
   * Asked only after {@link #handle} took the request in.
   */
  default String replayIdentity(WebhookRequest request) {
    return replayIdentity(source(), null, request.body());
  }

  /** {@code source:sig:<hex>} for a verified signature, else {@code source:body:<sha-256 hex>}. */
  static String replayIdentity(String source, byte[] verifiedSignature, byte[] body) {
    return replayIdentity(source, null, verifiedSignature, body);
  }

  /**
   * {@code source:sig:<signedAt>:<hex>} for a signature over a time ({@code signedAt}, the signed
   * timestamp as the signature covers it), so that identities are stored in the order requests were
   * signed: a store's index takes each new one at its end instead of at a random place (a random
   * key rewrote a page of that index for every close in a group commit). The time is part of what
   * the signature covers, so a replay carries the same one.
   */
  static String replayIdentity(
      String source, String signedAt, byte[] verifiedSignature, byte[] body) {
    if (verifiedSignature != null) {
      String at = timeChars(signedAt);
      String prefix = at.isEmpty() || at.length() > 40 ? "" : at + ":";
      return source + ":sig:" + prefix + java.util.HexFormat.of().formatHex(verifiedSignature);
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
      return source + ":body:" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The characters of a signed time that can stand in a key (digits, ASCII letters, {@code :.+-}),
   * the rest dropped; "" for none. A loop, not a regular expression: it runs for every webhook.
   */
  private static String timeChars(String signedAt) {
    if (signedAt == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(signedAt.length());
    for (int i = 0; i < signedAt.length(); i++) {
      char c = signedAt.charAt(i);
      boolean kept =
          c >= '0' && c <= '9'
              || c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c == ':'
              || c == '.'
              || c == '+'
              || c == '-';
      if (kept) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
