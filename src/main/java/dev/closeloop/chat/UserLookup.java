package dev.closeloop.chat;

/** The outcome of finding a requester on a platform. */
public sealed interface UserLookup {
  /**
   * Found: the platform user id, and the person's time zone if the platform knows it (may be null).
   */
  record Found(String userId, String timezone) implements UserLookup {}

  /** The platform does not know this person, or the account is deactivated. */
  record Unknown(String detail) implements UserLookup {}

  /** Could not ask right now (network, rate limit): try again later. */
  record Unavailable(String detail) implements UserLookup {}
}
