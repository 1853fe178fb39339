package dev.closeloop.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Who is asked, and when. Written as named rules that either allow or skip with a reason; the first
 * rule that skips wins, in the contract's order: opted out, stale, sampled out (at intake),
 * cooldown (when the survey comes due). Pure: every instant is passed in.
 */
public final class FatiguePolicy {
  private final Duration delay;
  private final Duration cooldown;
  private final Duration reminderAfter;
  private final Duration expireAfter;
  private final SendWindow window;

  public FatiguePolicy(
      Duration delay,
      Duration cooldown,
      Duration reminderAfter,
      Duration expireAfter,
      SendWindow window) {
    this.delay = delay;
    this.cooldown = cooldown;
    this.reminderAfter = reminderAfter;
    this.expireAfter = expireAfter;
    this.window = window;
  }

  /** The verdict of a rule. */
  public sealed interface Decision {
    record Schedule(Instant dueAt) implements Decision {}

    record Skip(SkipReason reason) implements Decision {}

    record Send() implements Decision {}

    record Defer(Instant until) implements Decision {}
  }

  /**
   * At intake: skip (opted out, stale, sampled out) or schedule at the later of close + delay and
   * receipt, moved out of quiet hours and weekends.
   */
  public Decision atIntake(
      Instant closedAt, Instant receivedAt, boolean optedOut, boolean sampledIn, ZoneId zone) {
    if (optedOut) {
      return new Decision.Skip(SkipReason.OPTED_OUT);
    }
    if (Duration.between(closedAt, receivedAt).compareTo(expireAfter) > 0) {
      return new Decision.Skip(SkipReason.STALE);
    }
    if (!sampledIn) {
      return new Decision.Skip(SkipReason.SAMPLED_OUT);
    }
    Instant due = later(closedAt.plus(delay), receivedAt);
    return new Decision.Schedule(window.nextAllowed(due, zone));
  }

  /**
   * When a scheduled survey comes due: skip if opted out since, or if this person already got a
   * survey DM within the cooldown; defer into the send window; else send.
   *
   * @param lastSentAt the person's most recent survey DM, or null
   */
  public Decision atDue(Instant now, boolean optedOut, Instant lastSentAt, ZoneId zone) {
    return atDue(now, optedOut, lastSentAt, zone, false);
  }

  /**
   * As {@link #atDue(Instant, boolean, Instant, ZoneId)}; {@code reask} is true for the one survey
   * of a ticket closed again after its requester had it reopened from the chat ("did it work this
   * time?"): they asked for it, so the cooldown does not hold it back. Opt-out and the send window
   * still do. Only the first close after such a reopen is a re-ask (see {@link #reask}).
   */
  public Decision atDue(
      Instant now, boolean optedOut, Instant lastSentAt, ZoneId zone, boolean reask) {
    if (optedOut) {
      return new Decision.Skip(SkipReason.OPTED_OUT);
    }
    if (!reask && lastSentAt != null && now.isBefore(lastSentAt.plus(cooldown))) {
      return new Decision.Skip(SkipReason.COOLDOWN);
    }
    Instant allowed = window.nextAllowed(now, zone);
    return allowed.equals(now) ? new Decision.Send() : new Decision.Defer(allowed);
  }

  /**
   * Whether a close is the re-ask after a reopen from the chat: the ticket was reopened at its
   * requester's request ({@code reopenedFromChat}) and this is the first close since ({@code
   * reaskedBefore} false). A later close is an ordinary one again, under the cooldown.
   */
  public static boolean reask(boolean reopenedFromChat, boolean reaskedBefore) {
    return reopenedFromChat && !reaskedBefore;
  }

  /** When the one reminder goes out for a DM sent at {@code sentAt}, or null for none. */
  public Instant reminderAt(Instant sentAt, ZoneId zone) {
    if (reminderAfter.isZero() || reminderAfter.compareTo(expireAfter) >= 0) {
      return null;
    }
    Instant at = window.nextAllowed(sentAt.plus(reminderAfter), zone);
    return at.isBefore(expiresAt(sentAt)) ? at : null;
  }

  public Instant expiresAt(Instant sentAt) {
    return sentAt.plus(expireAfter);
  }

  /** Whether an unsolicited message (like a follow-up DM) may go out now, else when. */
  public Instant nextAllowed(Instant now, ZoneId zone) {
    return window.nextAllowed(now, zone);
  }

  /** Sampling: drawn once per ticket at intake. {@code draw} is uniform in [0, 1). */
  public static boolean sampledIn(double sampleRate, double draw) {
    return draw < sampleRate;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
