package dev.closeloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code link_requests}: a Discord user asking to be linked to an email, proven by a mailed
 * code ({@code code_sent}) or waiting for an admin ({@code pending}).
 */
public final class LinkRequests {
  public static final String CODE_SENT = "code_sent";
  public static final String PENDING = "pending";

  private final Handle h;

  public LinkRequests(Handle h) {
    this.h = h;
  }

  public record Row(
      long id,
      String email,
      String discordId,
      String codeHash,
      String state,
      int tries,
      Instant requestedAt,
      Instant expiresAt) {}

  public long insert(String email, String discordId, String state, Instant now, Instant expires) {
    return h.createUpdate(
            """
            INSERT INTO link_requests (email, discord_id, state, tries, requested_at, expires_at)
            VALUES (:email, :discordId, :state, 0, :now, :expires)
            """)
        .bind("email", email)
        .bind("discordId", discordId)
        .bind("state", state)
        .bind("now", now)
        .bind("expires", expires)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public void setCodeHash(long id, String hash) {
    h.createUpdate("UPDATE link_requests SET code_hash = :h WHERE id = :id")
        .bind("h", hash)
        .bind("id", id)
        .execute();
  }

  /** Ends this user's open requests (a new one replaces them). */
  public void closeOpen(String discordId, String state) {
    h.createUpdate(
            """
            UPDATE link_requests SET state = :state
            WHERE discord_id = :d AND state IN ('code_sent', 'pending')
            """)
        .bind("d", discordId)
        .bind("state", state)
        .execute();
  }

  /**
   * Requests since {@code since} for the mailbox {@code plain} (no {@code +tag}): its own address
   * and every {@code local+tag@domain} spelling of it.
   */
  public int countMailboxSince(String plain, Instant since) {
    int at = plain.indexOf('@');
    String like = likeEscaped(plain.substring(0, at)) + "+%" + likeEscaped(plain.substring(at));
    return h.createQuery(
            "SELECT COUNT(*) FROM link_requests WHERE (email = :v OR email LIKE :like ESCAPE '\\')"
                + " AND requested_at >= :since")
        .bind("v", plain)
        .bind("like", like)
        .bind("since", since)
        .mapTo(Integer.class)
        .one();
  }

  private static String likeEscaped(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Requests from everyone since {@code since}. */
  public int countSince(Instant since) {
    return h.createQuery("SELECT COUNT(*) FROM link_requests WHERE requested_at >= :since")
        .bind("since", since)
        .mapTo(Integer.class)
        .one();
  }

  /** Requests made since {@code since} by this Discord user. */
  public int countByUserSince(String discordId, Instant since) {
    return h.createQuery(
            "SELECT COUNT(*) FROM link_requests WHERE discord_id = :v AND requested_at >= :since")
        .bind("v", discordId)
        .bind("since", since)
        .mapTo(Integer.class)
        .one();
  }

  /** This user's latest request waiting for its code, locked. */
  public Optional<Row> openCode(String discordId) {
    return h.createQuery(
            """
            SELECT * FROM link_requests WHERE discord_id = :d AND state = 'code_sent'
            ORDER BY id DESC LIMIT 1 FOR UPDATE
            """)
        .bind("d", discordId)
        .mapTo(Row.class)
        .findOne();
  }

  public Optional<Row> find(long id) {
    return h.createQuery("SELECT * FROM link_requests WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(Row.class)
        .findOne();
  }

  public void tried(long id, int tries, String state) {
    h.createUpdate("UPDATE link_requests SET tries = :t, state = :s WHERE id = :id")
        .bind("t", tries)
        .bind("s", state)
        .bind("id", id)
        .execute();
  }

  public void setState(long id, String state) {
    h.createUpdate("UPDATE link_requests SET state = :s WHERE id = :id")
        .bind("s", state)
        .bind("id", id)
        .execute();
  }

  public List<Row> inState(String state, int limit) {
    return h.createQuery(
            "SELECT * FROM link_requests WHERE state = :s ORDER BY requested_at, id LIMIT :limit")
        .bind("s", state)
        .bind("limit", limit)
        .mapTo(Row.class)
        .list();
  }

  public int purgeBefore(Instant cutoff) {
    return h.createUpdate("DELETE FROM link_requests WHERE requested_at < :c")
        .bind("c", cutoff)
        .execute();
  }
}
