package dev.closeloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code people}: a requester, keyed by email when known, else a platform id. */
public record PersonRow(
    String personKey,
    String email,
    String name,
    String slackId,
    String discordId,
    String timezone,
    boolean optedOut,
    Instant optedOutAt,
    Instant lastSurveyedAt) {

  /** Reads a {@code people} row by hand (see {@link Rows}). */
  static PersonRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PersonRow(
        rs.getString("person_key"),
        rs.getString("email"),
        rs.getString("name"),
        rs.getString("slack_id"),
        rs.getString("discord_id"),
        rs.getString("timezone"),
        rs.getBoolean("opted_out"),
        Rows.instant(rs, "opted_out_at"),
        Rows.instant(rs, "last_surveyed_at"));
  }
}
