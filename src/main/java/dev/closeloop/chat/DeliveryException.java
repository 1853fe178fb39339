package dev.closeloop.chat;

import java.time.Duration;

/**
 * A send that did not go through. {@link Kind#TRANSIENT} may succeed later (network, 5xx, 429 with
 * {@code retryAfter}); the others will not.
 */
public final class DeliveryException extends Exception {
  public enum Kind {
    TRANSIENT,
    /** the platform says this user does not exist or is deactivated */
    UNKNOWN_USER,
    /** the platform refuses to open a DM with this user (Discord 50007) */
    DM_CLOSED,
    /** anything else the platform refuses for good (bad request, missing permission) */
    PERMANENT
  }

  private final Kind kind;
  private final Duration retryAfter;

  public DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public static DeliveryException transientFailure(String message, Throwable cause) {
    return new DeliveryException(Kind.TRANSIENT, message, null, cause);
  }

  public static DeliveryException rateLimited(Duration retryAfter) {
    return new DeliveryException(Kind.TRANSIENT, "rate limited", retryAfter, null);
  }

  public static DeliveryException permanent(Kind kind, String message) {
    return new DeliveryException(kind, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The wait the platform asked for, or null when it named none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
