package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health} needs no token, so a job's last error shows what failed, never the data it
 * failed on: a store error quotes the value it refused (a requester's email, a comment).
 */
class JobHealthTest {
  final JobHealth health = new JobHealth(new MutableClock(Instant.parse("2026-11-24T10:00:00Z")));

  @Test
  void theLastErrorOnHealthNamesTheFailureButNotTheValuesInIt() {
    health.run(
        "surveys",
        () -> {
          throw new IllegalStateException(
              "org.h2.jdbc.JdbcSQLDataException: Value too long for column"
                  + " \"PLATFORM_USER CHARACTER VARYING(64)\": \"'dana.reyes@example.com' (67)\";"
                  + " PostgreSQL: Key (email)=(dana.reyes@example.com) already exists");
        });

    @SuppressWarnings("unchecked")
    String shown =
        (String) ((Map<String, Object>) health.snapshot().get("surveys")).get("lastError");
    assertThat(shown)
        .contains("Value too long for column", "PLATFORM_USER")
        .doesNotContain("dana.reyes")
        .doesNotContain("example.com");
  }

  @Test
  void aHelpdesksOwnWordsStayReadable() {
    health.failed("writeback", "zendesk", "Zendesk said: you don't have access, it isn't enabled");

    @SuppressWarnings("unchecked")
    String shown =
        (String) ((Map<String, Object>) health.snapshot().get("writeback")).get("lastError");
    assertThat(shown).isEqualTo("Zendesk said: you don't have access, it isn't enabled");
  }
}
