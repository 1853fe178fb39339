package dev.closeloop.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * A person is one identity across platforms: their email when known, else the platform id. The
 * keyed hash of an identifier outlives {@code erase-user}, so an opt-out still holds afterwards.
 */
public final class Identities {
  private Identities() {}

  public static String personKey(String email, String slackId, String discordId) {
    if (email != null && !email.isBlank()) {
      return email.toLowerCase(Locale.ROOT);
    }
    if (slackId != null && !slackId.isBlank()) {
      return "slack:" + slackId;
    }
    if (discordId != null && !discordId.isBlank()) {
      return "discord:" + discordId;
    }
    return null;
  }

  /** HMAC of an identifier with the store's own key (made once, kept in settings). */
  public static String hash(Handle h, String identifier) {
    Settings settings = new Settings(h);
    String key =
        settings
            .get("erase.hashKey")
            .orElseGet(
                () -> {
                  byte[] k = new byte[32];
                  new SecureRandom().nextBytes(k);
                  return settings.putIfAbsent("erase.hashKey", HexFormat.of().formatHex(k));
                });
    return HexFormat.of().formatHex(hmacSha256(key, identifier.toLowerCase(Locale.ROOT)));
  }

  /**
   * True when {@code storedHash} is {@link #hash} of {@code identifier}, compared in constant time.
   */
  public static boolean hashMatches(Handle h, String identifier, String storedHash) {
    return storedHash != null
        && MessageDigest.isEqual(
            storedHash.getBytes(StandardCharsets.UTF_8),
            hash(h, identifier).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmacSha256(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** True when any of these identifiers belongs to an erased person who had opted out. */
  public static boolean erasedOptOut(Handle h, String... identifiers) {
    boolean anyErased =
        Jdbc.first(h, "SELECT COUNT(*) FROM erased_optouts", ps -> {}, rs -> rs.getInt(1)).orElse(0)
            > 0;
    if (!anyErased) {
      return false; // the common case: nobody was ever erased, so no hashing and no key read
    }
    People people = new People(h);
    for (String id : identifiers) {
      if (id != null && !id.isBlank() && people.erasedOptOut(hash(h, id))) {
        return true;
      }
    }
    return false;
  }
}
