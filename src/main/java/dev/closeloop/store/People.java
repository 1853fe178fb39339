package dev.closeloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code people}, {@code links} and {@code erased_optouts}. */
public final class People {
  private final Handle h;

  public People(Handle h) {
    this.h = h;
  }

  public Optional<PersonRow> find(String personKey) {
    return Jdbc.first(
        h,
        "SELECT * FROM people WHERE person_key = ?",
        ps -> Jdbc.text(ps, 1, personKey),
        rs -> PersonRow.map(rs, null));
  }

  /** People whose Slack or Discord id is this one (one person may have several rows). */
  public List<PersonRow> byPlatformId(String platform, String userId) {
    String column = idColumn(platform);
    return h.createQuery(byPlatformId(column))
        .bind("id", userId)
        .bind("key", platform + ":" + userId)
        .map(PersonRow::map)
        .list();
  }

  /** Creates or refreshes a person; identifiers only ever get filled in, never erased here. */
  public void upsert(
      String key, String email, String name, String slackId, String discordId, String timezone) {
    int n =
        Jdbc.update(
            h,
            """
            UPDATE people SET email = COALESCE(?, email), name = COALESCE(?, name),
              slack_id = COALESCE(?, slack_id), discord_id = COALESCE(?, discord_id),
              timezone = COALESCE(?, timezone) WHERE person_key = ?
            """,
            ps -> {
              Jdbc.texts(ps, 1, email, name, slackId, discordId, timezone, key);
            });
    if (n == 0) {
      insert(key, email, name, slackId, discordId, timezone);
    }
  }

  private void insert(
      String key, String email, String name, String slackId, String discordId, String timezone) {
    Jdbc.update(
        h,
        """
        INSERT INTO people (person_key, email, name, slack_id, discord_id, timezone)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        ps -> {
          Jdbc.texts(ps, 1, key, email, name, slackId, discordId, timezone);
        });
  }

  /**
   * The person after recording what a ticket says of them: inserted when new, updated only when a
   * given value differs from the stored one (a repeat requester costs one read and no write). Two
   * first closes of one person at once: the second insert fails on the key and the caller's
   * transaction is run again.
   */
  public PersonRow ensure(
      String key, String email, String name, String slackId, String discordId, String timezone) {
    PersonRow known = find(key).orElse(null);
    if (known == null) {
      insert(key, email, name, slackId, discordId, timezone);
      return new PersonRow(key, email, name, slackId, discordId, timezone, false, null, null);
    }
    PersonRow merged =
        new PersonRow(
            key,
            or(email, known.email()),
            or(name, known.name()),
            or(slackId, known.slackId()),
            or(discordId, known.discordId()),
            or(timezone, known.timezone()),
            known.optedOut(),
            known.optedOutAt(),
            known.lastSurveyedAt());
    if (!merged.equals(known)) {
      upsert(key, email, name, slackId, discordId, timezone);
    }
    return merged;
  }

  private static String or(String given, String stored) {
    return given != null ? given : stored;
  }

  /**
   * Remembers the language a person's chat client reported (Discord sends it with every
   * interaction): on every record this platform user is, their linked email's, and {@code
   * personKey}'s when given. Written only when it changed.
   */
  public void rememberLocale(String platform, String userId, String personKey, String locale) {
    String column = idColumn(platform);
    h.createUpdate(rememberLocale(column))
        .bind("l", locale)
        .bind("id", userId)
        .bind("key", platform + ":" + userId)
        .bind("pk", personKey == null ? "" : personKey)
        .execute();
  }

  /** The column of people that holds a user id of {@code platform} ("slack", "discord"). */
  static String idColumn(String platform) {
    return "slack".equals(platform) ? "slack_id" : "discord_id";
  }

  /**
   * The person keys a platform user {@code :id} is known by: records with that id in {@code
   * column}, their linked email, and {@code :key} ("slack:U…"). One subquery of index look-ups:
   * written as ORs of different columns, H2 read every person for each chat event.
   */
  static String keysOf(String column) {
    return "SELECT person_key FROM people WHERE "
        + column
        + " = :id UNION ALL SELECT email FROM links WHERE discord_id = :id"
        + " UNION ALL SELECT CAST(:key AS VARCHAR(400))";
  }

  /** A UNION, not an OR: H2 reads the whole table for an OR of two columns. */
  static String byPlatformId(String column) {
    return "SELECT * FROM people WHERE "
        + column
        + " = :id UNION SELECT * FROM people WHERE person_key = :key";
  }

  static String rememberLocale(String column) {
    return "UPDATE people SET locale = :l WHERE (locale IS NULL OR locale <> :l)"
        + " AND person_key IN ("
        + keysOf(column)
        + " UNION ALL SELECT CAST(:pk AS VARCHAR(400)))";
  }

  static String localeOf(String column) {
    return "SELECT locale FROM people WHERE locale IS NOT NULL AND person_key IN ("
        + keysOf(column)
        + ") ORDER BY person_key";
  }

  /** The language last reported for this person, if any. */
  public Optional<String> locale(String personKey) {
    return h.createQuery("SELECT locale FROM people WHERE person_key = :k AND locale IS NOT NULL")
        .bind("k", personKey)
        .mapTo(String.class)
        .findOne();
  }

  /** The language last reported for this platform user (any record they are), if any. */
  public Optional<String> localeOf(String platform, String userId) {
    String column = idColumn(platform);
    return h.createQuery(localeOf(column))
        .bind("id", userId)
        .bind("key", platform + ":" + userId)
        .mapTo(String.class)
        .findFirst();
  }

  public void setOptedOut(String key, boolean optedOut, Instant now) {
    h.createUpdate("UPDATE people SET opted_out = :o, opted_out_at = :now WHERE person_key = :key")
        .bind("key", key)
        .bind("o", optedOut)
        .bind("now", optedOut ? now : null)
        .execute();
  }

  public Optional<String> linkedDiscordId(String email) {
    return h.createQuery("SELECT discord_id FROM links WHERE email = :e")
        .bind("e", email)
        .mapTo(String.class)
        .findOne();
  }

  public Optional<String> linkedEmail(String discordId) {
    return Jdbc.first(
        h,
        "SELECT email FROM links WHERE discord_id = ?",
        ps -> Jdbc.text(ps, 1, discordId),
        rs -> rs.getString(1));
  }

  /**
   * Every address linked to {@code discordId}: one account may be linked to several (a work and a
   * personal address), and they are one person.
   */
  public List<String> linkedEmails(String discordId) {
    return h.createQuery("SELECT email FROM links WHERE discord_id = :d ORDER BY email")
        .bind("d", discordId)
        .mapTo(String.class)
        .list();
  }

  public void link(String email, String discordId) {
    int n =
        h.createUpdate("UPDATE links SET discord_id = :d WHERE email = :e")
            .bind("e", email)
            .bind("d", discordId)
            .execute();
    if (n == 0) {
      h.createUpdate("INSERT INTO links (email, discord_id) VALUES (:e, :d)")
          .bind("e", email)
          .bind("d", discordId)
          .execute();
    }
  }

  public boolean erasedOptOut(String idHash) {
    return h.createQuery("SELECT COUNT(*) FROM erased_optouts WHERE id_hash = :h")
            .bind("h", idHash)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public void rememberErasedOptOut(String idHash) {
    if (!erasedOptOut(idHash)) {
      h.createUpdate("INSERT INTO erased_optouts (id_hash) VALUES (:h)")
          .bind("h", idHash)
          .execute();
    }
  }

  public int delete(String key) {
    return h.createUpdate("DELETE FROM people WHERE person_key = :key").bind("key", key).execute();
  }

  public int unlink(String email, String discordId) {
    return h.createUpdate("DELETE FROM links WHERE email = :e OR discord_id = :d")
        .bind("e", email)
        .bind("d", discordId)
        .execute();
  }
}
