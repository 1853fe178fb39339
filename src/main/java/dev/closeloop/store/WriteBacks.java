package dev.closeloop.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for what the helpdesk write-back keeps: {@code write_backs} (what each write came to), a
 * survey's reopen answer and re-ask flag ({@code surveys.reopen}, {@code surveys.reask}) and a
 * ticket's re-ask state ({@code tickets.reask}).
 */
public final class WriteBacks {
  /** {@code tickets.reask}: reopened from the chat, its next close is asked again. */
  public static final String REASK_DUE = "due";

  /** {@code tickets.reask}: the re-ask was made; later closes are ordinary ones. */
  public static final String REASK_USED = "used";

  private final Handle h;

  public WriteBacks(Handle h) {
    this.h = h;
  }

  /**
   * What a write came to.
   *
   * @param outcome {@code ok}, {@code no_change} (a reopen found the ticket open), {@code gone},
   *     {@code denied}, {@code rejected} or {@code failed} (gave up after delivery.maxAttempts)
   */
  public record Result(
      String key,
      Long surveyId,
      String helpdesk,
      String kind,
      String outcome,
      String resultId,
      String resultUrl,
      String reason,
      Instant at) {}

  /** Records a write's result; a second record of the same write changes nothing. */
  public void record(Result r) {
    h.createUpdate(
            """
            INSERT INTO write_backs (msg_key, survey_id, helpdesk, kind, outcome, result_id,
                result_url, reason, at)
            SELECT :key, :surveyId, :helpdesk, :kind, :outcome, :resultId, :resultUrl, :reason, :at
            WHERE NOT EXISTS (SELECT 1 FROM write_backs WHERE msg_key = :key)
            """)
        .bindMethods(r)
        .bind("reason", truncate(r.reason()))
        .execute();
  }

  /** The result of a survey's write of this kind ({@code reopen}, {@code request}, …), if any. */
  public Optional<Result> of(long surveyId, String kind) {
    return h.createQuery(
            """
            SELECT * FROM write_backs WHERE survey_id = :s AND kind = :k ORDER BY at DESC LIMIT 1
            """)
        .bind("s", surveyId)
        .bind("k", kind)
        .map(
            (rs, ctx) ->
                new Result(
                    rs.getString("msg_key"),
                    rs.getLong("survey_id"),
                    rs.getString("helpdesk"),
                    rs.getString("kind"),
                    rs.getString("outcome"),
                    rs.getString("result_id"),
                    rs.getString("result_url"),
                    rs.getString("reason"),
                    rs.getTimestamp("at").toInstant()))
        .findOne();
  }

  /** Keeps the requester's answer to the reopen question: true to reopen. */
  public void saveReopen(long surveyId, boolean reopen) {
    h.createUpdate("UPDATE surveys SET reopen = :r WHERE id = :id AND reopen IS NULL")
        .bind("r", reopen ? "yes" : "no")
        .bind("id", surveyId)
        .execute();
  }

  /** The requester's answer to the reopen question, when they gave one. */
  public Optional<Boolean> reopen(long surveyId) {
    return h.createQuery("SELECT reopen FROM surveys WHERE id = :id")
        .bind("id", surveyId)
        .mapTo(String.class)
        .findOne()
        .map("yes"::equals);
  }

  /** True for the survey that asks once more after a reopen from the chat. */
  public boolean reask(long surveyId) {
    return h.createQuery("SELECT reask FROM surveys WHERE id = :id")
        .bind("id", surveyId)
        .mapTo(Boolean.class)
        .findOne()
        .orElse(false);
  }

  public void markReask(long surveyId) {
    h.createUpdate("UPDATE surveys SET reask = TRUE WHERE id = :id").bind("id", surveyId).execute();
  }

  /**
   * The ticket was reopened at its requester's request: its next close is asked again, once. A
   * ticket whose re-ask is due or used already keeps its state: only one re-ask per ticket.
   */
  public void reaskDue(String source, String ticketId) {
    h.createUpdate(
            """
            UPDATE tickets SET reask = :due WHERE source = :s AND ticket_id = :t AND reask IS NULL
            """)
        .bind("due", REASK_DUE)
        .bind("s", source)
        .bind("t", ticketId)
        .execute();
  }

  public void reaskUsed(String source, String ticketId) {
    h.createUpdate("UPDATE tickets SET reask = :used WHERE source = :s AND ticket_id = :t")
        .bind("used", REASK_USED)
        .bind("s", source)
        .bind("t", ticketId)
        .execute();
  }

  /**
   * Records that the helpdesk reopened a ticket Closeloop saw closed (as a reopen webhook would),
   * so that its next close is taken even where the helpdesk sends no reopen event. False when the
   * ticket is not known as closed (its reopen event came first).
   */
  public boolean markReopened(String source, String ticketId, Instant now) {
    return h.createUpdate(
                """
            UPDATE tickets SET state = 'reopened', closed_at = NULL, updated_at = :now
            WHERE source = :s AND ticket_id = :t AND state = 'closed'
            """)
            .bind("s", source)
            .bind("t", ticketId)
            .bind("now", now)
            .execute()
        == 1;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
