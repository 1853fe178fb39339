package dev.closeloop.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs and constant-time comparisons shared by every webhook. */
public final class Signatures {
  public static final Duration MAX_SKEW = Duration.ofSeconds(300);

  private Signatures() {}

  public static byte[] hmac(String algorithm, String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }

  public static String hmacSha256Hex(String secret, byte[]... parts) {
    return HexFormat.of().formatHex(hmac("HmacSHA256", secret, parts));
  }

  public static String hmacSha256Base64(String secret, byte[]... parts) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, parts));
  }

  public static String hmacSha1Hex(String secret, byte[]... parts) {
    return HexFormat.of().formatHex(hmac("HmacSHA1", secret, parts));
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Constant-time equality of two strings; false when either is null. */
  public static boolean equal(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(utf8(expected), utf8(given));
  }

  /** True when {@code unixSeconds} parses and lies within {@link #MAX_SKEW} of {@code now}. */
  public static boolean fresh(String unixSeconds, Instant now) {
    if (unixSeconds == null || unixSeconds.isBlank() || unixSeconds.length() > 12) {
      return false;
    }
    try {
      long ts = Long.parseLong(unixSeconds.trim());
      return Math.abs(now.getEpochSecond() - ts) <= MAX_SKEW.getSeconds();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
