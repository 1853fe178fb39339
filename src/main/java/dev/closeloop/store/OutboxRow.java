package dev.closeloop.store;

import java.time.Instant;

/** One row of {@code outbox}: an outbound chat action and its delivery state. */
public record OutboxRow(
    long id,
    String msgKey,
    String platform,
    String kind,
    String payload,
    Long surveyId,
    String purpose,
    String state,
    int attempts,
    Instant nextAttemptAt,
    Instant claimedAt,
    String claimedBy,
    String lastError,
    String messageChannel,
    String messageId,
    Instant createdAt,
    Instant sentAt) {

  /** This row as it stands after the claim counted one more attempt. */
  public OutboxRow withAttempt() {
    return new OutboxRow(
        id,
        msgKey,
        platform,
        kind,
        payload,
        surveyId,
        purpose,
        INFLIGHT,
        attempts + 1,
        nextAttemptAt,
        claimedAt,
        claimedBy,
        lastError,
        messageChannel,
        messageId,
        createdAt,
        sentAt);
  }

  public static final String PENDING = "pending";
  public static final String INFLIGHT = "inflight";

  /** Sent, but no answer came in time: looked up on the platform before any resend. */
  public static final String UNCONFIRMED = "unconfirmed";

  public static final String SENT = "sent";
  public static final String DEAD = "dead";
}
