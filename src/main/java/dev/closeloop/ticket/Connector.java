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
    if (verifiedSignature != null) {
      return source + ":sig:" + java.util.HexFormat.of().formatHex(verifiedSignature);
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
      return source + ":body:" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
