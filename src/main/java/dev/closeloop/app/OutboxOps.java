package dev.closeloop.app;

import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.Surveys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator's view of the outbox: rows not sent or dead, and retrying dead rows. */
final class OutboxOps {
  private final App app;

  OutboxOps(App app) {
    this.app = app;
  }

  /**
   * How many rows a page of {@code GET /admin/outbox} holds unless {@code limit} says otherwise.
   */
  static final int DEFAULT_LIMIT = Paging.MAX_LIMIT;

  /**
   * Dead rows, or rows not sent yet (pending, in flight, unconfirmed: each with its state), by id:
   * a page of {@code limit} after the {@code after} cursor, with the cursor of the next page.
   */
  Paging.Page<Map<String, Object>> outbox(String state, int limit, String after) {
    long afterId = Paging.id(after, 0);
    List<OutboxRow> rows =
        app.db
            .jdbi()
            .withHandle(
                h ->
                    OutboxRow.DEAD.equals(state)
                        ? new Outbox(h).inState(state, afterId, limit + 1)
                        : new Outbox(h).notSent(afterId, limit + 1));
    List<OutboxRow> page = rows.subList(0, Math.min(limit, rows.size()));
    String next =
        rows.size() > limit ? Paging.cursor(String.valueOf(page.get(page.size() - 1).id())) : null;
    return new Paging.Page<>(page.stream().map(OutboxOps::outboxRow).toList(), next);
  }

  static Map<String, Object> outboxRow(OutboxRow o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("key", o.msgKey());
    m.put("platform", o.platform());
    m.put("kind", o.kind());
    m.put("purpose", o.purpose());
    m.put("state", o.state());
    m.put("attempts", o.attempts());
    m.put("nextAttemptAt", o.nextAttemptAt());
    m.put("lastError", o.lastError());
    m.put("surveyId", o.surveyId());
    m.put("createdAt", o.createdAt());
    return m;
  }

  /** Retries a dead row; a survey whose first DM it was is scheduled again, due now. */
  Optional<Map<String, Object>> retry(long id) {
    Instant now = app.clock.instant();
    return app.db
        .jdbi()
        .inTransaction(
            h -> {
              Outbox outbox = new Outbox(h);
              Optional<OutboxRow> row = outbox.find(id);
              if (row.isEmpty() || !OutboxRow.DEAD.equals(row.get().state())) {
                return Optional.<Map<String, Object>>empty();
              }
              if ("survey_dm".equals(row.get().purpose()) && row.get().surveyId() != null) {
                // the survey is looked up and sent again from scratch (identity may have changed)
                h.createUpdate("DELETE FROM outbox WHERE id = :id").bind("id", id).execute();
                new Surveys(h).rescheduleNow(row.get().surveyId(), now);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("surveyId", row.get().surveyId());
                m.put("state", "scheduled");
                return Optional.of(m);
              }
              outbox.revive(id, now);
              return Optional.of(outboxRow(outbox.find(id).orElseThrow()));
            });
  }

  int retryAllDead() {
    int n = 0;
    long after = 0;
    List<Long> ids;
    do {
      long from = after;
      ids = app.db.jdbi().withHandle(h -> new Outbox(h).deadIds(from, 500));
      for (long id : ids) {
        n += retry(id).isPresent() ? 1 : 0;
        after = id;
      }
    } while (!ids.isEmpty());
    return n;
  }
}
