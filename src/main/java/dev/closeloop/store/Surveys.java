package dev.closeloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code surveys}; use inside a {@link Handle} (often a transaction). */
public final class Surveys {
  private final Handle h;

  public Surveys(Handle h) {
    this.h = h;
  }

  /** The facts a new survey starts from. */
  public record New(
      String source,
      String ticketId,
      String personKey,
      String requesterEmail,
      String requesterName,
      String slackId,
      String discordId,
      String timezone,
      String locale,
      String title,
      String url,
      String assignee,
      String team,
      Instant closedAt,
      String state,
      String reason,
      Instant dueAt,
      boolean sampledIn,
      Instant createdAt) {}

  public long insert(New s) {
    return Jdbc.insertReturningId(
        h,
        """
        INSERT INTO surveys (source, ticket_id, person_key, requester_email, requester_name,
            slack_id, discord_id, timezone, locale, title, url, assignee, team, closed_at, state,
            reason, step, due_at, sampled_in, created_at, ended_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
        """,
        ps -> {
          Jdbc.text(ps, 1, s.source());
          Jdbc.text(ps, 2, s.ticketId());
          Jdbc.text(ps, 3, s.personKey());
          Jdbc.text(ps, 4, s.requesterEmail());
          Jdbc.text(ps, 5, s.requesterName());
          Jdbc.text(ps, 6, s.slackId());
          Jdbc.text(ps, 7, s.discordId());
          Jdbc.text(ps, 8, s.timezone());
          Jdbc.text(ps, 9, s.locale());
          Jdbc.text(ps, 10, s.title());
          Jdbc.text(ps, 11, s.url());
          Jdbc.text(ps, 12, s.assignee());
          Jdbc.text(ps, 13, s.team());
          Jdbc.instant(ps, 14, s.closedAt());
          Jdbc.text(ps, 15, s.state());
          Jdbc.text(ps, 16, s.reason());
          Jdbc.instant(ps, 17, s.dueAt());
          ps.setBoolean(18, s.sampledIn());
          Jdbc.instant(ps, 19, s.createdAt());
          // a survey skipped at intake ends when it is created
          Jdbc.instant(ps, 20, SurveyRow.SKIPPED.equals(s.state()) ? s.createdAt() : null);
        });
  }

  public Optional<SurveyRow> find(long id) {
    return h.createQuery("SELECT * FROM surveys WHERE id = :id")
        .bind("id", id)
        .mapTo(SurveyRow.class)
        .findOne();
  }

  public List<SurveyRow> byIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT * FROM surveys WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .mapTo(SurveyRow.class)
        .list();
  }

  /** Locks the row for the rest of the transaction (SELECT … FOR UPDATE). */
  public Optional<SurveyRow> lock(long id) {
    return h.createQuery("SELECT * FROM surveys WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(SurveyRow.class)
        .findOne();
  }

  public List<SurveyRow> forTicket(String source, String ticketId) {
    return h.createQuery(
            """
            SELECT * FROM surveys WHERE source = :source AND ticket_id = :ticketId ORDER BY id DESC
            """)
        .bind("source", source)
        .bind("ticketId", ticketId)
        .mapTo(SurveyRow.class)
        .list();
  }

  /** A survey due to be sent: its id and whose it is. */
  public record Due(long id, String personKey) {}

  static final String DUE_TO_SEND =
      """
      SELECT id, person_key FROM surveys WHERE state = 'scheduled' AND due_at <= :now ORDER BY due_at, id
      LIMIT :limit
      """;

  public List<Due> dueToSend(Instant now, int limit) {
    return h.createQuery(DUE_TO_SEND)
        .bind("now", now)
        .bind("limit", limit)
        .map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("person_key")))
        .list();
  }

  /** Sent surveys due a reminder; from {@code :epoch}, as {@link #DUE_TO_EXPIRE} says why. */
  static final String DUE_TO_REMIND =
      """
      SELECT id FROM surveys WHERE state = 'sent' AND remind_at >= :epoch AND remind_at <= :now
        AND reminded_at IS NULL AND finished_at IS NULL ORDER BY remind_at, id LIMIT :limit
      """;

  public List<Long> dueToRemind(Instant now, int limit) {
    return h.createQuery(DUE_TO_REMIND)
        .bind("epoch", Instant.EPOCH)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Open surveys past their expiry. The lower bound is not a filter but where the index range
   * starts: H2 sorts nulls first and reads {@code expires_at <= :now} from the start of the index,
   * through every survey not sent yet (no {@code expires_at}) — each second, a weekend's backlog.
   */
  static final String DUE_TO_EXPIRE =
      """
      SELECT id FROM surveys WHERE finished_at IS NULL
        AND expires_at >= :epoch AND expires_at <= :now
        AND state IN ('sent', 'reminded', 'answered') ORDER BY expires_at, id
        LIMIT :limit
      """;

  public List<Long> dueToExpire(Instant now, int limit) {
    return h.createQuery(DUE_TO_EXPIRE)
        .bind("epoch", Instant.EPOCH)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /** The most recently sent survey of this platform user that still takes answers. */
  public Optional<SurveyRow> latestOpenFor(String platform, String platformUser) {
    return h.createQuery(
            """
            SELECT * FROM surveys WHERE platform = :platform AND platform_user = :user
              AND state IN ('sent', 'reminded', 'answered') AND finished_at IS NULL
            ORDER BY sent_at DESC, id DESC LIMIT 1
            """)
        .bind("platform", platform)
        .bind("user", platformUser)
        .mapTo(SurveyRow.class)
        .findOne();
  }

  /**
   * The survey of this platform user that ended (answered, its conversation finished) most
   * recently, at or after {@code since}.
   */
  public Optional<SurveyRow> latestFinishedFor(
      String platform, String platformUser, Instant since) {
    return h.createQuery(
            """
            SELECT * FROM surveys WHERE platform = :platform AND platform_user = :user
              AND state = 'answered' AND finished_at >= :since
            ORDER BY finished_at DESC, id DESC LIMIT 1
            """)
        .bind("platform", platform)
        .bind("user", platformUser)
        .bind("since", since)
        .mapTo(SurveyRow.class)
        .findOne();
  }

  /**
   * For {@link #latestLocaleOf}, {@code column} the platform's id column of people. A scheduled
   * survey is found by its person (the keys the platform user is known by, {@link People#keysOf},
   * and the sandbox's email itself): the payload's Slack or Discord id is on the person's record
   * (intake stores both in one transaction), which has an index, where the survey's own copy has
   * none.
   */
  static String latestLocaleOf(String column) {
    return """
        SELECT locale FROM (
          SELECT locale, COALESCE(sent_at, created_at) AS t, id FROM surveys
            WHERE platform = :platform AND platform_user = :id AND locale IS NOT NULL
          UNION ALL
          SELECT locale, created_at AS t, id FROM surveys
            WHERE platform IS NULL AND locale IS NOT NULL AND state = 'scheduled'
              AND person_key IN (%s UNION ALL SELECT CAST(:id AS VARCHAR(400)))
        ) latest ORDER BY t DESC, id DESC LIMIT 1
        """
        .formatted(People.keysOf(column));
  }

  /**
   * The language of this platform user's latest survey that names one (the ticket's or the
   * platform's), for texts outside a survey: one sent or on its way to them, or one still scheduled
   * for the person they are (by the ticket's or their linked or known ids, or the sandbox's email),
   * newest first — so a line typed before the first survey DM arrives is answered in that survey's
   * language.
   */
  public Optional<String> latestLocaleOf(String platform, String platformUser) {
    return h.createQuery(latestLocaleOf(People.idColumn(platform)))
        .bind("platform", platform)
        .bind("id", platformUser)
        .bind("key", platform + ":" + platformUser)
        .mapTo(String.class)
        .findOne();
  }

  /**
   * When this person was last sent a survey DM, for cooldown; a DM queued and not yet accepted
   * counts as sent {@code now} (two closes coming due together must not both ask).
   */
  public Optional<Instant> lastSentTo(String personKey, Instant now) {
    boolean queued =
        h.createQuery("SELECT COUNT(*) FROM surveys WHERE person_key = :p AND state = 'sending'")
                .bind("p", personKey)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (queued) {
      return Optional.of(now);
    }
    return h.createQuery(
            "SELECT MAX(sent_at) FROM surveys WHERE person_key = :p AND sent_at IS NOT NULL")
        .bind("p", personKey)
        .mapTo(Instant.class)
        .findOne();
  }

  public void reschedule(long id, Instant dueAt) {
    h.createUpdate("UPDATE surveys SET due_at = :due, version = version + 1 WHERE id = :id")
        .bind("id", id)
        .bind("due", dueAt)
        .execute();
  }

  public void skip(long id, String reason, Instant now) {
    h.createUpdate(
            """
            UPDATE surveys SET state = 'skipped', reason = :reason, ended_at = :now, version = version + 1
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("reason", reason)
        .bind("now", now)
        .execute();
  }

  public void cancel(long id, String reason, Instant now) {
    h.createUpdate(
            """
            UPDATE surveys SET state = 'cancelled', reason = :reason, ended_at = :now, version = version + 1
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("reason", reason)
        .bind("now", now)
        .execute();
  }

  /** Chosen platform and user; the DM is queued (the row stays scheduled until it is accepted). */
  public void assignRecipient(
      long id, String platform, String platformUser, String timezone, String locale) {
    h.createUpdate(
            """
            UPDATE surveys SET platform = :platform, platform_user = :user,
              timezone = COALESCE(timezone, :tz), locale = COALESCE(locale, :locale),
              state = 'sending', version = version + 1 WHERE id = :id
            """)
        .bind("id", id)
        .bind("platform", platform)
        .bind("user", platformUser)
        .bind("tz", timezone)
        .bind("locale", locale)
        .execute();
  }

  /** The platform accepted the survey DM: from now on cooldown, reminder and expiry count. */
  public void markSent(
      long id,
      Instant sentAt,
      Instant remindAt,
      Instant expiresAt,
      String channel,
      String messageId) {
    h.createUpdate(
            """
            UPDATE surveys SET state = CASE WHEN state = 'sending' THEN 'sent' ELSE state END,
              sent_at = :sentAt, remind_at = :remindAt, expires_at = :expiresAt,
              message_channel = :channel, message_id = :messageId, version = version + 1
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("sentAt", sentAt)
        .bind("remindAt", remindAt)
        .bind("expiresAt", expiresAt)
        .bind("channel", channel)
        .bind("messageId", messageId)
        .execute();
  }

  public void markReminded(long id, Instant now) {
    h.createUpdate(
            """
            UPDATE surveys SET state = 'reminded', reminded_at = :now, version = version + 1
            WHERE id = :id AND state = 'sent'
            """)
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  public void saveConversation(long id, String step, Instant answeredAt, Instant finishedAt) {
    h.createUpdate(
            """
            UPDATE surveys SET step = :step,
              state = CASE WHEN :answered THEN 'answered' ELSE state END,
              answered_at = COALESCE(answered_at, :answeredAt),
              finished_at = COALESCE(finished_at, :finishedAt),
              ended_at = COALESCE(ended_at, :finishedAt), version = version + 1
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("step", step)
        .bind("answered", answeredAt != null)
        .bind("answeredAt", answeredAt)
        .bind("finishedAt", finishedAt)
        .execute();
  }

  public void expire(long id, Instant now) {
    h.createUpdate(
            """
            UPDATE surveys SET state = CASE WHEN state = 'answered' THEN 'answered' ELSE 'expired' END,
              finished_at = :now, ended_at = :now, version = version + 1 WHERE id = :id
            """)
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  /** Back to scheduled and due now (an admin retried its dead-lettered first DM). */
  public void rescheduleNow(long id, Instant now) {
    h.createUpdate(
            """
            UPDATE surveys SET state = 'scheduled', reason = NULL, due_at = :now, ended_at = NULL,
              version = version + 1 WHERE id = :id
            """)
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  /** Up to {@code limit} surveys after id {@code afterId}, by id; sandbox demo data excluded. */
  public List<SurveyRow> exportPage(long afterId, int limit) {
    return h.createQuery(
            """
            SELECT * FROM surveys WHERE id > :after AND source <> 'sandbox' ORDER BY id LIMIT :limit
            """)
        .bind("after", afterId)
        .bind("limit", limit)
        .mapTo(SurveyRow.class)
        .list();
  }

  /**
   * Up to {@code limit} surveys of one person (person key, email or platform id) after id {@code
   * afterId}, by id.
   */
  public List<SurveyRow> ofPerson(String user, long afterId, int limit) {
    String u = user.strip();
    return h.createQuery(
            """
            SELECT * FROM surveys WHERE (person_key = :k OR requester_email = :k OR slack_id = :u
              OR discord_id = :u OR platform_user = :u) AND id > :after ORDER BY id LIMIT :limit
            """)
        .bind("k", u.toLowerCase(java.util.Locale.ROOT))
        .bind("u", u)
        .bind("after", afterId)
        .bind("limit", limit)
        .mapTo(SurveyRow.class)
        .list();
  }

  /**
   * Up to {@code limit} surveys of a ticket (of any source when {@code source} is null), newest
   * first, with an id below {@code beforeId}. Of any source: one look-up per source the store
   * holds, each found by a step along the (source, ticket) index; a condition on the ticket alone
   * read every survey.
   */
  public List<SurveyRow> forTicketPage(String source, String ticketId, long beforeId, int limit) {
    List<String> sources = source != null ? List.of(source) : sources();
    List<SurveyRow> rows = new java.util.ArrayList<>();
    for (String s : sources) {
      rows.addAll(
          h.createQuery(TICKET_PAGE)
              .bind("source", s)
              .bind("ticketId", ticketId)
              .bind("before", beforeId)
              .bind("limit", limit)
              .mapTo(SurveyRow.class)
              .list());
    }
    rows.sort(java.util.Comparator.comparingLong(SurveyRow::id).reversed());
    return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
  }

  static final String TICKET_PAGE =
      """
      SELECT * FROM surveys WHERE source = :source AND ticket_id = :ticketId
        AND id < :before ORDER BY id DESC LIMIT :limit
      """;

  /** The sources surveys came from, each the next one along the (source, ticket) index. */
  static final String NEXT_SOURCE =
      "SELECT source FROM surveys WHERE source > :after ORDER BY source, ticket_id LIMIT 1";

  private List<String> sources() {
    List<String> sources = new java.util.ArrayList<>();
    Optional<String> next = nextSource("");
    while (next.isPresent()) {
      sources.add(next.get());
      next = nextSource(next.get());
    }
    return sources;
  }

  private Optional<String> nextSource(String after) {
    return h.createQuery(NEXT_SOURCE).bind("after", after).mapTo(String.class).findOne();
  }
}
