package dev.closeloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code outbox}. A row is marked sent only after the platform accepted it. */
public final class Outbox {
  private final Handle h;

  public Outbox(Handle h) {
    this.h = h;
  }

  /** A row to add. {@code key} is unique: adding the same key twice adds it once. */
  public record New(
      String key,
      String platform,
      String kind,
      String payload,
      Long surveyId,
      String purpose,
      Instant notBefore) {}

  /** Adds the row unless its key exists; true when added. */
  public boolean enqueue(New n, Instant now) {
    return h.createUpdate(
                """
            INSERT INTO outbox (msg_key, platform, kind, payload, survey_id, purpose, state, attempts,
                next_attempt_at, created_at)
            SELECT :key, :platform, :kind, :payload, :surveyId, :purpose, 'pending', 0, :notBefore, :now
            WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE msg_key = :key)
            """)
            .bindMethods(n)
            .bind("now", now)
            .execute()
        == 1;
  }

  public List<OutboxRow> due(Instant now, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /** Due rows of platforms other than these (left from a config that had them). */
  public List<OutboxRow> dueOutside(
      java.util.Collection<String> platforms, Instant now, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'pending' AND platform NOT IN (<platforms>) AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id LIMIT :limit
            """)
        .bindList("platforms", List.copyOf(platforms))
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /** The rows of one platform that may go now, oldest first. */
  public List<OutboxRow> due(String platform, Instant now, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'pending' AND platform = :platform AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id LIMIT :limit
            """)
        .bind("platform", platform)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  public List<OutboxRow> inflight() {
    return h.createQuery("SELECT * FROM outbox WHERE state = 'inflight' ORDER BY id")
        .mapTo(OutboxRow.class)
        .list();
  }

  /** Claims a pending row for sending; false when another worker got it first. */
  public boolean claim(long id, String worker, Instant now) {
    return h.createUpdate(
                """
            UPDATE outbox SET state = 'inflight', claimed_by = :worker, claimed_at = :now,
              attempts = attempts + 1 WHERE id = :id AND state = 'pending'
            """)
            .bind("id", id)
            .bind("worker", worker)
            .bind("now", now)
            .execute()
        == 1;
  }

  public void markSent(long id, String channel, String messageId, Instant now) {
    h.createUpdate(
            """
            UPDATE outbox SET state = 'sent', sent_at = :now, message_channel = :channel,
              message_id = :messageId, last_error = NULL WHERE id = :id
            """)
        .bind("id", id)
        .bind("channel", channel)
        .bind("messageId", messageId)
        .bind("now", now)
        .execute();
  }

  public void retryLater(long id, Instant at, String error) {
    h.createUpdate(
            """
            UPDATE outbox SET state = 'pending', next_attempt_at = :at, last_error = :error WHERE id = :id
            """)
        .bind("id", id)
        .bind("at", at)
        .bind("error", truncate(error))
        .execute();
  }

  /** Back to pending without counting an attempt (paced, or platform paused). */
  public void release(long id, Instant at) {
    h.createUpdate(
            """
            UPDATE outbox SET state = 'pending', next_attempt_at = :at, attempts = attempts - 1
            WHERE id = :id AND state = 'inflight'
            """)
        .bind("id", id)
        .bind("at", at)
        .execute();
  }

  public void markDead(long id, String error) {
    h.createUpdate("UPDATE outbox SET state = 'dead', last_error = :error WHERE id = :id")
        .bind("id", id)
        .bind("error", truncate(error))
        .execute();
  }

  /** A dead row back to pending, due now, with a fresh attempt count. */
  public boolean revive(long id, Instant now) {
    return h.createUpdate(
                """
            UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = :now WHERE id = :id AND state = 'dead'
            """)
            .bind("id", id)
            .bind("now", now)
            .execute()
        == 1;
  }

  public Optional<OutboxRow> find(long id) {
    return h.createQuery("SELECT * FROM outbox WHERE id = :id")
        .bind("id", id)
        .mapTo(OutboxRow.class)
        .findOne();
  }

  public List<OutboxRow> inState(String state, int limit) {
    return h.createQuery("SELECT * FROM outbox WHERE state = :s ORDER BY id LIMIT :limit")
        .bind("s", state)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  public int count(String state) {
    return h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = :s")
        .bind("s", state)
        .mapTo(Integer.class)
        .one();
  }

  /** Drops a row that was never sent (its survey was cancelled before the DM went out). */
  /**
   * True when a row of this survey and purpose exists that is not sent (pending, in flight, dead).
   */
  public boolean unsent(long surveyId, String purpose) {
    return h.createQuery(
                """
            SELECT COUNT(*) FROM outbox WHERE survey_id = :s AND purpose = :p AND state <> 'sent'
            """)
            .bind("s", surveyId)
            .bind("p", purpose)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public int cancelPending(long surveyId, String purpose) {
    return h.createUpdate(
            """
            DELETE FROM outbox WHERE survey_id = :s AND purpose = :p AND state = 'pending'
            """)
        .bind("s", surveyId)
        .bind("p", purpose)
        .execute();
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
