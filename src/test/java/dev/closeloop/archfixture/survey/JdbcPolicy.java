package dev.closeloop.archfixture.survey;

import java.sql.Connection;
import java.sql.SQLException;

/** Planted: a core class doing JDBC. */
public final class JdbcPolicy {
  public static boolean open(Connection c) throws SQLException {
    return !c.isClosed();
  }
}
