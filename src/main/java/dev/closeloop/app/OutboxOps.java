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

  /** Dead rows, or rows not sent yet (pending, in flight, unconfirmed: each with its state). */
  List<Map<String, Object>> outbox(String state) {
    return app
        .db
        .jdbi()
        .withHandle(
            h ->
                OutboxRow.DEAD.equals(state)
                    ? new Outbox(h).inState(state, 1000)
                    : new Outbox(h).notSent(1000))
        .stream()
        .map(OutboxOps::outboxRow)
        .toList();
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
