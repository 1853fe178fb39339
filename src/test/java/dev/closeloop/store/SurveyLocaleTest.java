package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Surveys#latestLocaleOf}: the language a person is written to outside a survey, also before
 * their first survey DM is out.
 */
class SurveyLocaleTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aScheduledSurveyNamesTheLanguageByThePayloadsSlackIdOrTheEmail() {
    try (Database db =
        Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                Surveys surveys = new Surveys(h);
                assertThat(surveys.latestLocaleOf("slack", "U42")).isEmpty();
                // as intake stores a close: the person with the payload's ids, then the survey
                People people = new People(h);
                people.ensure("dana@example.com", "dana@example.com", null, "U42", null, null);
                surveys.insert(scheduled("INC-1", "dana@example.com", "U42", null, "de"));
                people.ensure("lea@example.com", "lea@example.com", null, null, "D7", null);
                surveys.insert(scheduled("INC-2", "lea@example.com", null, "D7", "ja"));
                people.ensure("sam@example.com", "sam@example.com", null, null, null, null);
                surveys.insert(scheduled("INC-3", "sam@example.com", null, null, "fr"));
                // the ticket gave the Slack id: known before the DM is sent
                assertThat(surveys.latestLocaleOf("slack", "U42")).contains("de");
                assertThat(surveys.latestLocaleOf("discord", "D7")).contains("ja");
                // the sandbox writes to the email itself
                assertThat(surveys.latestLocaleOf("sandbox", "sam@example.com")).contains("fr");
                // nobody else's
                assertThat(surveys.latestLocaleOf("slack", "U43")).isEmpty();
                assertThat(surveys.latestLocaleOf("discord", "U42")).isEmpty();
              });
    }
  }

  private static Surveys.New scheduled(
      String ticket, String email, String slackId, String discordId, String locale) {
    return new Surveys.New(
        "generic",
        ticket,
        email,
        email,
        null,
        slackId,
        discordId,
        null,
        locale,
        "VPN",
        null,
        null,
        null,
        T0,
        "scheduled",
        null,
        T0.plusSeconds(3600),
        true,
        T0);
  }
}
