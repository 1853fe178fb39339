package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.app.ConfigLoader;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.language.Catalog;
import dev.closeloop.store.Database;
import dev.closeloop.store.Incidents;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner of an incident still open after {@code digest.ownerReminderAfter} gets a DM. */
class OwnerRemindersTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path dir;

  @Test
  void theOwnerIsRemindedOncePerPeriodEvenBehindManyIncidentsOwnedOutsideChat() {
    MutableClock clock = new MutableClock(T0);
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                // 150 taken through the admin API (no chat user to remind), owned first
                for (int i = 1; i <= 150; i++) {
                  incident(h, i, null, T0.minus(Duration.ofHours(60)));
                }
                incident(h, 151, "slack:U151", T0.minus(Duration.ofHours(49)));
                incident(h, 152, "slack:U152", T0.minus(Duration.ofHours(1)));
              });
      OwnerReminders reminders = reminders(db, clock);

      int sent = 0;
      for (int run = 0; run < 3; run++) {
        sent += reminders.remindOwners();
      }

      assertThat(sent).isEqualTo(1);
      assertThat(dms(db)).containsExactly("u-own-151-" + T0.toEpochMilli());

      clock.advance(Duration.ofHours(48));
      for (int run = 0; run < 3; run++) {
        reminders.remindOwners();
      }
      // a period later, the first again and the second (owned 49 h ago by now); once each
      assertThat(dms(db))
          .hasSize(3)
          .contains(
              "u-own-151-" + T0.plus(Duration.ofHours(48)).toEpochMilli(),
              "u-own-152-" + T0.plus(Duration.ofHours(48)).toEpochMilli());
    }
  }

  @Test
  void anOwnerWithSeveralTicketsDueGetsOneListNotOneDmEach() {
    MutableClock clock = new MutableClock(T0);
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db/c"), "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                // took four entries of one digest; the default period is 48 h
                incident(h, 1, "slack:U7", T0.minus(Duration.ofMinutes(48 * 60 + 3)));
                incident(h, 2, "slack:U7", T0.minus(Duration.ofMinutes(48 * 60 + 1)));
                incident(h, 3, "slack:U7", T0.minus(Duration.ofMinutes(48 * 60 - 20)));
                incident(h, 4, "slack:U7", T0.minus(Duration.ofHours(45)));
                incident(h, 5, "slack:U8", T0.minus(Duration.ofHours(49)));
              });
      OwnerReminders reminders = reminders(db, clock);

      // before: four DMs to U7 over the next 3 hours, three of them within 20 minutes
      assertThat(reminders.remindOwners()).isEqualTo(2);
      assertThat(reminders.remindOwners()).isZero();
      List<String> texts = texts(db);
      assertThat(texts).hasSize(2);
      // oldest first: U8's ticket was taken an hour before U7's first
      assertThat(texts.get(1))
          .startsWith("Reminder: 3 tickets you took are still open:\n• IT-1 (VPN), 2d")
          .contains("\n• IT-2 (VPN), ", "\n• IT-3 (VPN), ")
          .doesNotContain("IT-4")
          .endsWith(
              "after the requester’s answer\n"
                  + "Press “Followed up” in the digest once you have talked to each requester.");
      assertThat(texts.get(0))
          .startsWith("Reminder: IT-5 (VPN) is still open, 2d")
          .endsWith("Press “Followed up” in the digest once you have talked to them.");

      // the fourth falls due 3 h later, alone; the three listed come again a period after the DM
      clock.advance(Duration.ofHours(3));
      assertThat(reminders.remindOwners()).isEqualTo(1);
      assertThat(texts(db)).hasSize(3).last().asString().startsWith("Reminder: IT-4 (VPN)");
      clock.advance(Duration.ofHours(45));
      assertThat(reminders.remindOwners()).isEqualTo(2);
      assertThat(texts(db).get(4)).startsWith("Reminder: 3 tickets you took are still open:");
    }
  }

  @Test
  void gatheringIsAtMostAnHourAndAtMostAQuarterOfThePeriod() {
    assertThat(OwnerReminders.gather(Duration.ofHours(48))).isEqualTo(Duration.ofHours(1));
    assertThat(OwnerReminders.gather(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
  }

  /** Default config (48 h period), Slack connected. */
  private static OwnerReminders reminders(Database db, MutableClock clock) {
    Config config = new ConfigLoader(Map.<String, String>of()::get).loadString("{}");
    return new OwnerReminders(
        db.jdbi(),
        config,
        new Notifier(Catalog.requester(Map.of()), "en", ZoneOffset.UTC),
        Map.of(PlatformId.SLACK, "connected"),
        clock);
  }

  private static List<String> texts(Database db) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    return db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT payload FROM outbox WHERE msg_key LIKE 'u-own-%' ORDER BY id")
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(
            p -> {
              try {
                return json.readTree(p).findValue("text").asText();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .toList();
  }

  private static void incident(Handle h, long id, String ownerRef, Instant ownedAt) {
    h.createUpdate(
            """
            INSERT INTO surveys (id, source, ticket_id, person_key, title, closed_at, state, step,
              created_at) VALUES (:id, 'jira', :ticket, 'email:p@example.com', 'VPN', :at, 'answered',
              'done', :at)
            """)
        .bind("id", id)
        .bind("ticket", "IT-" + id)
        .bind("at", ownedAt.minus(Duration.ofHours(1)))
        .execute();
    new Incidents(h).open(id, "negative", ownedAt.minus(Duration.ofHours(1)));
    new Incidents(h).take(id, "Alex", ownerRef, ownedAt);
  }

  private static List<String> dms(Database db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT msg_key FROM outbox WHERE msg_key LIKE 'u-own-%' ORDER BY id")
                    .mapTo(String.class)
                    .list());
  }
}
