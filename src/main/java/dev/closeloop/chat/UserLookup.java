package dev.closeloop.chat;

/** The outcome of finding a requester on a platform. */
public sealed interface UserLookup {
  /**
   * Found: the platform user id, and the person's time zone and language (locale tag such as {@code
   * de-DE}) where the platform knows them (else null).
   */
  record Found(String userId, String timezone, String locale) implements UserLookup {
    public Found(String userId, String timezone) {
      this(userId, timezone, null);
    }
  }

  /** The platform does not know this person, or the account is deactivated. */
  record Unknown(String detail) implements UserLookup {}

  /** Could not ask right now (network, rate limit): try again later. */
  record Unavailable(String detail) implements UserLookup {}
}
