package dev.closeloop.app;

import dev.closeloop.ticket.Signatures;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How a CLI verb knows that what answers on {@code server.port} is this Closeloop before it sends
 * {@code admin.token}: it asks {@code GET /health/live} with a fresh random challenge, and the app
 * answers with an HMAC of the challenge and the port it was asked on, keyed with {@code
 * admin.token}. Any other program listening on the port (a stale port file, the app down and
 * something else started there) cannot answer it, so it never receives the token; relaying the
 * challenge to the real app on another port gives a proof for that other port.
 */
final class AppProof {
  /** The CLI's challenge: 32 random bytes as 64 lower-case hex digits. */
  static final String CHALLENGE = "X-Closeloop-Challenge";

  /**
   * The app's answer: hex HMAC-SHA256(admin.token, "closeloop-cli\n" + port + "\n" + challenge).
   */
  static final String PROOF = "X-Closeloop-Proof";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AppProof() {}

  static String challenge() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether {@code challenge} has the shape {@link #challenge()} gives (else no proof is made). */
  static boolean wellFormed(String challenge) {
    if (challenge == null || challenge.length() != 64) {
      return false;
    }
    for (int i = 0; i < challenge.length(); i++) {
      char c = challenge.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  static String proof(String token, int port, String challenge) {
    return Signatures.hmacSha256Hex(
        token, Signatures.utf8("closeloop-cli\n" + port + "\n" + challenge));
  }

  /** Whether {@code answered} proves {@code token} for {@code port} and {@code challenge}. */
  static boolean proves(String answered, String token, int port, String challenge) {
    return answered != null && Signatures.equal(proof(token, port, challenge), answered.strip());
  }
}
