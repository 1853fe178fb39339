package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.ScanCount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /admin/surveys?ticket=ID} without a source: the ticket's surveys of every source,
 * newest first, found by index look-ups. Before, the condition on the ticket id alone read every
 * survey in the store (2,005 here).
 */
class TicketLookupTest {
  private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path dir;

  @Test
  void aTicketOfAnySourceIsFoundByIndexLookUpsNewestFirst() {
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                for (int i = 0; i < 2_000; i++) {
                  survey(h, "jira", "IT-" + i);
                }
                survey(h, "zendesk", "42");
                survey(h, "generic", "42");
                survey(h, "jira", "42");
                survey(h, "zendesk", "42");
              });
      db.jdbi()
          .useHandle(
              h -> {
                List<SurveyRow> all = new Surveys(h).forTicketPage(null, "42", Long.MAX_VALUE, 10);
                assertThat(all)
                    .extracting(SurveyRow::source)
                    .containsExactly("zendesk", "jira", "generic", "zendesk");
                List<SurveyRow> page = new Surveys(h).forTicketPage(null, "42", all.get(1).id(), 2);
                assertThat(page)
                    .extracting(SurveyRow::id)
                    .containsExactly(all.get(2).id(), all.get(3).id());
                assertThat(new Surveys(h).forTicketPage("zendesk", "42", Long.MAX_VALUE, 10))
                    .hasSize(2);

                long next = ScanCount.of(h, Surveys.NEXT_SOURCE, Map.of("after", "generic"));
                long page1 =
                    ScanCount.of(
                        h,
                        Surveys.TICKET_PAGE,
                        Map.of(
                            "source",
                            "jira",
                            "ticketId",
                            "42",
                            "before",
                            Long.MAX_VALUE,
                            "limit",
                            10));
                assertThat(next + page1).isLessThanOrEqualTo(5);
              });
    }
  }

  private static void survey(Handle h, String source, String ticket) {
    h.createUpdate(
            """
            INSERT INTO surveys (source, ticket_id, person_key, closed_at, state, step, created_at)
            VALUES (:s, :t, 'p@example.com', :at, 'answered', 'done', :at)
            """)
        .bind("s", source)
        .bind("t", ticket)
        .bind("at", T)
        .execute();
  }
}
