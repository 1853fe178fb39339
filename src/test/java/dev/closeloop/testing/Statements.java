package dev.closeloop.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Counts the statements a piece of work sends to the store, for tests of what it costs. */
public final class Statements {
  private Statements() {}

  /** From now on, every statement {@code jdbi} executes adds one to the returned counter. */
  public static AtomicInteger counted(Jdbi jdbi) {
    AtomicInteger statements = new AtomicInteger();
    jdbi.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logAfterExecution(StatementContext context) {
            statements.incrementAndGet();
          }
        });
    return statements;
  }
}
