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
  private final boolean outcomeUnknown;
  private final String remedy;

  public DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    this(kind, message, retryAfter, cause, false, null);
  }

  private DeliveryException(
      Kind kind,
      String message,
      Duration retryAfter,
      Throwable cause,
      boolean outcomeUnknown,
      String remedy) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
    this.outcomeUnknown = outcomeUnknown;
    this.remedy = remedy;
  }

  public static DeliveryException transientFailure(String message, Throwable cause) {
    return new DeliveryException(Kind.TRANSIENT, message, null, cause);
  }

  /**
   * The request went out but no answer came (a timeout, a connection cut after sending): the
   * platform may have acted on it, so it is looked up ({@link ChatPlatform#reconcile}) before any
   * resend.
   */
  public static DeliveryException noAnswer(String message, Throwable cause) {
    return new DeliveryException(Kind.TRANSIENT, message, null, cause, true, null);
  }

  public static DeliveryException rateLimited(Duration retryAfter) {
    return new DeliveryException(Kind.TRANSIENT, "rate limited", retryAfter, null);
  }

  public static DeliveryException permanent(Kind kind, String message) {
    return new DeliveryException(kind, message, null, null);
  }

  /** The same failure, with what an operator can do about it ("invite the bot to …"). */
  public DeliveryException withRemedy(String remedy) {
    return new DeliveryException(
        kind, getMessage(), retryAfter, getCause(), outcomeUnknown, remedy);
  }

  public Kind kind() {
    return kind;
  }

  /** The wait the platform asked for, or null when it named none. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** True when the platform may have acted on the request although no answer came. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** What an operator can do about it, or null when nothing specific is known. */
  public String remedy() {
    return remedy;
  }
}
