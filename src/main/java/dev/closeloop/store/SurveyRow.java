package dev.closeloop.store;

import java.time.Instant;

/** One row of {@code surveys}. */
public record SurveyRow(
    long id,
    String source,
    String ticketId,
    String personKey,
    String requesterEmail,
    String requesterName,
    String slackId,
    String discordId,
    String timezone,
    String title,
    String url,
    String assignee,
    String team,
    Instant closedAt,
    String platform,
    String platformUser,
    String state,
    String reason,
    String step,
    Instant dueAt,
    Instant sentAt,
    Instant remindAt,
    Instant remindedAt,
    Instant expiresAt,
    Instant answeredAt,
    Instant finishedAt,
    Instant endedAt,
    boolean sampledIn,
    String messageChannel,
    String messageId,
    Instant createdAt,
    int version,
    String locale) {

  public static final String SCHEDULED = "scheduled";
  public static final String SENT = "sent";
  public static final String REMINDED = "reminded";
  public static final String ANSWERED = "answered";
  public static final String EXPIRED = "expired";
  public static final String CANCELLED = "cancelled";
  public static final String SKIPPED = "skipped";

  /** The source of a ticket made up at the sandbox (it skips the send delay and quiet hours). */
  public static final String SANDBOX_SOURCE = "sandbox";

  /** Takes clicks and typed text: DM out, not finished, not expired or cancelled. */
  /**
   * Whether the survey's DM has not been confirmed sent yet: scheduled, or queued ("sending"). A
   * click on it comes from a message the platform took before Closeloop recorded it (an answer in
   * flight when the sender stopped, or a DM retried after it was dead-lettered): the survey opens
   * once that is recorded, so it is "not open yet", never "closed".
   */
  public boolean notSentYet() {
    return SCHEDULED.equals(state) || "sending".equals(state);
  }

  public boolean open() {
    return (SENT.equals(state) || REMINDED.equals(state) || ANSWERED.equals(state))
        && finishedAt == null;
  }
}
