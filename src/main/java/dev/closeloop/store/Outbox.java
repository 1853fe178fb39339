package dev.closeloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code outbox}. A row is marked sent only after the platform accepted it. */
public final class Outbox {
  /** The purpose of a question a survey asks in a message of its own ("anything else?"). */
  public static final String QUESTION = "question";

  /** The purpose of "shall I reopen the ticket?", a question in a message of its own. */
  public static final String REOPEN_QUESTION = "reopen_offer";

  private static final String ANSWERED = "_answered";

  /** The purpose of "anything else?" shown with its answer. */
  public static final String QUESTION_ANSWERED = answered(QUESTION);

  /**
   * The purpose of the edit that shows the answer of the question sent with {@code question} as its
   * purpose; the edit names that question's message when it is sent.
   */
  public static String answered(String question) {
    return question + ANSWERED;
  }

  /** The purpose of the question whose answer an edit with this purpose shows, else null. */
  public static String questionOf(String purpose) {
    return purpose != null && purpose.endsWith(ANSWERED)
        ? purpose.substring(0, purpose.length() - ANSWERED.length())
        : null;
  }

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

  private static final String INSERT =
      """
      INSERT INTO outbox (msg_key, platform, kind, payload, survey_id, purpose, state, attempts,
          next_attempt_at, created_at)
      SELECT :key, :platform, :kind, :payload, :surveyId, :purpose, 'pending', 0, :notBefore, :now
      WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE msg_key = :key)
      """;

  /** {@link #INSERT} with positional parameters, for {@link #enqueueAll}. */
  private static final String INSERT_POSITIONAL =
      """
      INSERT INTO outbox (msg_key, platform, kind, payload, survey_id, purpose, state, attempts,
          next_attempt_at, created_at)
      SELECT ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?
      WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE msg_key = ?)
      """;

  /** Adds the row unless its key exists; true when added. */
  public boolean enqueue(New n, Instant now) {
    return h.createUpdate(INSERT).bindMethods(n).bind("now", now).execute() == 1;
  }

  /**
   * Adds the rows in order, as one batch of statements, each unless its key exists; how many were
   * added.
   */
  public int enqueueAll(List<New> rows, Instant now) {
    if (rows.isEmpty()) {
      return 0;
    }
    int[] counts =
        Jdbc.batch(
            h,
            INSERT_POSITIONAL,
            rows,
            (ps, n) -> {
              Jdbc.texts(ps, 1, n.key(), n.platform(), n.kind(), n.payload());
              Jdbc.number(ps, 5, n.surveyId());
              Jdbc.text(ps, 6, n.purpose());
              Jdbc.instant(ps, 7, n.notBefore());
              Jdbc.instant(ps, 8, now);
              Jdbc.text(ps, 9, n.key());
            });
    int added = 0;
    for (int count : counts) {
      added += count;
    }
    return added;
  }

  public List<OutboxRow> due(Instant now, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= :now
              AND kind <> 'writeback'
            ORDER BY next_attempt_at, id LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /**
   * Due chat rows of platforms other than these (left from a config that had them). Helpdesk writes
   * ({@code kind = 'writeback'}) are not chat rows: their dispatcher settles them.
   */
  public List<OutboxRow> dueOutside(
      java.util.Collection<String> platforms, Instant now, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'pending' AND platform NOT IN (<platforms>) AND next_attempt_at <= :now
              AND kind <> 'writeback'
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

  /** Rows of one platform left in flight (claimed, outcome never recorded: a crash). */
  public List<OutboxRow> inflight(String platform, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'inflight' AND platform = :platform ORDER BY id
            LIMIT :limit
            """)
        .bind("platform", platform)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /** Sends of one platform whose outcome is unknown, due to be looked up on the platform. */
  public List<OutboxRow> unconfirmedDue(String platform, Instant now, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state = 'unconfirmed' AND platform = :platform
              AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit
            """)
        .bind("platform", platform)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /**
   * Whether a chat dispatcher run has anything to look at: a chat row due, or one in flight or
   * unconfirmed (on any platform). When false, every query of a run would come back empty, so an
   * idle app asks this one question (two index lookups) instead of a run's eight queries.
   */
  public boolean chatWorkAt(Instant now) {
    return workAt(now, "<>");
  }

  /** The same question for helpdesk writes: one due, in flight or unconfirmed. */
  public boolean writeBackWorkAt(Instant now) {
    return workAt(now, "=");
  }

  /** {@code kind <is> 'writeback'}: "=" for helpdesk writes, "<>" for chat rows. */
  private boolean workAt(Instant now, String is) {
    return h.createQuery(
            """
            SELECT EXISTS(SELECT 1 FROM outbox WHERE state = 'pending' AND next_attempt_at <= :now
                            AND kind <is> 'writeback')
                OR EXISTS(SELECT 1 FROM outbox WHERE state IN ('inflight', 'unconfirmed')
                            AND kind <is> 'writeback')
            """)
        .define("is", is)
        .bind("now", now)
        .mapTo(Boolean.class)
        .one();
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

  /**
   * Records that the platform accepted the row's message; {@code note} (usually null) is kept as
   * its last error. False when the row was not in flight or unconfirmed (already recorded).
   */
  public boolean markSent(long id, String channel, String messageId, Instant now, String note) {
    return h.createUpdate(
                """
            UPDATE outbox SET state = 'sent', sent_at = :now, message_channel = :channel,
              message_id = :messageId, last_error = :note
            WHERE id = :id AND state IN ('inflight', 'unconfirmed')
            """)
            .bind("id", id)
            .bind("channel", channel)
            .bind("messageId", messageId)
            .bind("now", now)
            .bind("note", truncate(note))
            .execute()
        == 1;
  }

  /**
   * A send whose outcome is unknown (no answer in time): looked up on the platform at {@code at}
   * before anything is sent again. The attempt stays counted.
   */
  public void unconfirmed(long id, Instant at, String error) {
    h.createUpdate(
            """
            UPDATE outbox SET state = 'unconfirmed', next_attempt_at = :at, last_error = :error
            WHERE id = :id AND state = 'inflight'
            """)
        .bind("id", id)
        .bind("at", at)
        .bind("error", truncate(error))
        .execute();
  }

  /** Looks at an unconfirmed row again later (the platform could not be asked now). */
  public void recheckLater(long id, Instant at, String error) {
    h.createUpdate(
            """
            UPDATE outbox SET next_attempt_at = :at, last_error = :error
            WHERE id = :id AND state = 'unconfirmed'
            """)
        .bind("id", id)
        .bind("at", at)
        .bind("error", truncate(error))
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

  /**
   * A pending row that could not even be tried (its preparation failed): counts an attempt, so a
   * row that always fails this way ends dead instead of looping.
   */
  public void failedBeforeSend(long id, Instant at, String error) {
    h.createUpdate(
            """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :at, last_error = :error
            WHERE id = :id AND state = 'pending'
            """)
        .bind("id", id)
        .bind("at", at)
        .bind("error", truncate(error))
        .execute();
  }

  /** Chat rows in flight or unconfirmed on platforms other than these (or on any, when empty). */
  public List<OutboxRow> unsettledOutside(java.util.Collection<String> platforms, int limit) {
    if (platforms.isEmpty()) {
      return h.createQuery(
              """
              SELECT * FROM outbox WHERE state IN ('inflight', 'unconfirmed') AND kind <> 'writeback'
              ORDER BY id LIMIT :limit
              """)
          .bind("limit", limit)
          .mapTo(OutboxRow.class)
          .list();
    }
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state IN ('inflight', 'unconfirmed')
              AND platform NOT IN (<platforms>) AND kind <> 'writeback' ORDER BY id LIMIT :limit
            """)
        .bindList("platforms", List.copyOf(platforms))
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
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

  /** Rows not sent yet: pending, in flight or unconfirmed, oldest first. */
  /** Rows not sent yet (pending, in flight, unconfirmed) after {@code afterId}, by id. */
  public List<OutboxRow> notSent(long afterId, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE state IN ('pending', 'inflight', 'unconfirmed')
            AND id > :after ORDER BY id LIMIT :limit
            """)
        .bind("after", afterId)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /** Rows in {@code state} after {@code afterId}, by id. */
  public List<OutboxRow> inState(String state, long afterId, int limit) {
    return h.createQuery(
            "SELECT * FROM outbox WHERE state = :s AND id > :after ORDER BY id LIMIT :limit")
        .bind("s", state)
        .bind("after", afterId)
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /** Ids of dead rows after {@code afterId}, by id: a page at a time, payloads left unread. */
  public List<Long> deadIds(long afterId, int limit) {
    return h.createQuery(
            "SELECT id FROM outbox WHERE state = 'dead' AND id > :after ORDER BY id LIMIT :limit")
        .bind("after", afterId)
        .bind("limit", limit)
        .mapTo(Long.class)
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
    return anyNotIn(surveyId, purpose, "sent");
  }

  /** True when a row of this survey and purpose was queued and is not dead-lettered. */
  public boolean live(long surveyId, String purpose) {
    return anyNotIn(surveyId, purpose, "dead");
  }

  private boolean anyNotIn(long surveyId, String purpose, String state) {
    return h.createQuery(
                """
            SELECT COUNT(*) FROM outbox WHERE survey_id = :s AND purpose = :p AND state <> :state
            """)
            .bind("s", surveyId)
            .bind("p", purpose)
            .bind("state", state)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The last row of this survey and purpose that the platform accepted, with its message. */
  public Optional<OutboxRow> lastSent(long surveyId, String purpose) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE survey_id = :s AND purpose = :p AND state = 'sent'
              AND message_id IS NOT NULL ORDER BY id DESC LIMIT 1
            """)
        .bind("s", surveyId)
        .bind("p", purpose)
        .mapTo(OutboxRow.class)
        .findOne();
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

  /**
   * Helpdesk writes ({@code kind = 'writeback'}) not yet settled (pending, in flight, unconfirmed)
   * whose helpdesk is none of these: their write-back is no longer configured.
   */
  public List<OutboxRow> writeBacksOutside(java.util.Collection<String> helpdesks, int limit) {
    return h.createQuery(
            """
            SELECT * FROM outbox WHERE kind = 'writeback'
              AND state IN ('pending', 'inflight', 'unconfirmed')
              AND (<none> OR platform NOT IN (<helpdesks>)) ORDER BY id LIMIT :limit
            """)
        .define("none", helpdesks.isEmpty() ? "TRUE" : "FALSE")
        .bindList("helpdesks", helpdesks.isEmpty() ? List.of("") : List.copyOf(helpdesks))
        .bind("limit", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
