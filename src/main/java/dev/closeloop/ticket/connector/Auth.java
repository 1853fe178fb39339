package dev.closeloop.ticket.connector;

import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.WebhookRequest;
import java.util.Locale;
import java.util.Optional;

/** Authentication steps shared by several connectors. All comparisons are constant-time. */
final class Auth {
  static final String TOKEN_HEADER = "X-Closeloop-Token";
  static final String TOKEN_PARAM = "token";

  private Auth() {}

  /** For unsigned senders: the secret in {@code X-Closeloop-Token} or {@code ?token=}. */
  static Optional<String> sharedToken(WebhookRequest request, String secret) {
    String header = request.header(TOKEN_HEADER);
    String param = request.queryParam(TOKEN_PARAM);
    if (header == null && param == null) {
      return Optional.of("missing " + TOKEN_HEADER + " header or token parameter");
    }
    boolean ok = Signatures.equal(secret, header) | Signatures.equal(secret, param);
    return ok ? Optional.empty() : Optional.of("token does not match");
  }

  /** A "prefix=hex" header (GitHub style) against the expected lower-case hex digest. */
  static boolean prefixedHexMatches(String header, String prefix, String expectedHex) {
    if (header == null) {
      return false;
    }
    String given = header.trim();
    if (!given.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    return Signatures.equal(
        expectedHex, given.substring(prefix.length()).trim().toLowerCase(Locale.ROOT));
  }
}
