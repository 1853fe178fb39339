package dev.closeloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Column reads for row mappers written by hand. Jdbi's constructor mapper matches the result's
 * columns to a record's components again for every query (even one that finds nothing), which is a
 * measurable share of a close at intake; the rows read there are mapped by hand instead.
 */
public final class Rows {
  private Rows() {}

  /** As Jdbi maps an {@code Instant} column. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
