package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.app.ConfigLoader;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.store.Answers;
import dev.closeloop.store.Database;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.SurveyFlow;
import dev.closeloop.survey.usecase.Notifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comment's language is found once, when the comment is stored, and the digest marks the quote
 * with what was found then instead of running the detector over every quoted comment each morning.
 */
class CommentLanguageStoredTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final String GERMAN = "Das VPN bricht immer noch jede Stunde ab, total nervig";

  @TempDir Path dir;
  private Database db;
  private Config config;
  private NegativeAnswers negatives;

  @BeforeEach
  void open() {
    String url = "jdbc:h2:file:" + dir.resolve("db/closeloop");
    db = Database.open(url, "", "");
    config =
        new ConfigLoader(n -> null)
            .loadString(
                """
        storage: { url: "%s" }
        digest: { slackChannel: C0DIGEST }
        """
                    .formatted(url));
    negatives = new NegativeAnswers(config, new SurveyFlow(2), comment -> false, Map.of());
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("The language is stored with the comment, once: a later change of answers keeps it")
  void storedOnce() {
    long id = db.jdbi().inTransaction(h -> answered(h, "INC-1", GERMAN));
    assertThat(lang(id)).isEqualTo("de");

    db.jdbi().useHandle(h -> h.execute("UPDATE answers SET lang = 'fr' WHERE survey_id = ?", id));
    db.jdbi().useHandle(h -> changed(h, id));
    assertThat(lang(id)).as("not looked at again").isEqualTo("fr");
  }

  @Test
  @DisplayName("A comment too short to tell is stored as told-nothing (''), not looked at again")
  void tooShort() {
    long id = db.jdbi().inTransaction(h -> answered(h, "INC-2", "ok"));
    assertThat(lang(id)).isEmpty();
  }

  @Test
  @DisplayName(
      "The digest marks the quote with the stored language; a comment stored before is detected")
  void digestUsesTheStoredLanguage() {
    long stored = db.jdbi().inTransaction(h -> answered(h, "INC-3", GERMAN));
    // what was found when it was stored wins over what the text reads as now: nothing detects again
    db.jdbi()
        .useHandle(h -> h.execute("UPDATE answers SET lang = 'fr' WHERE survey_id = ?", stored));
    long before = db.jdbi().inTransaction(h -> answered(h, "INC-4", GERMAN));
    // a comment stored before the column existed: not looked at, so the digest detects it
    db.jdbi()
        .useHandle(h -> h.execute("UPDATE answers SET lang = NULL WHERE survey_id = ?", before));

    Clock clock = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    new DigestService(
            db.jdbi(),
            config,
            Map.of(PlatformId.SLACK, "fake"),
            new StatsService(db.jdbi(), config, clock),
            clock)
        .postNow();
    String text =
        db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT payload FROM outbox WHERE purpose = 'digest' ORDER BY id")
                        .mapTo(String.class)
                        .list())
            .stream()
            .map(p -> ((Outgoing.ChannelPost) OutgoingCodec.decode(p)).message())
            .flatMap(m -> m.blocks().stream())
            .map(ChatMessage.Block::toString)
            .collect(Collectors.joining("\n"));
    assertThat(text).contains("nervig” (French)").contains("nervig” (German)");
  }

  /** A survey answered with a score of 1 and this comment, as the conversation records it. */
  private long answered(Handle h, String ticket, String comment) {
    h.createUpdate(
            """
            INSERT INTO surveys (source, ticket_id, person_key, requester_email, title, assignee,
              closed_at, platform, platform_user, state, step, sent_at, answered_at, created_at)
            VALUES ('generic', :t, :t, 'dana@example.com', 'VPN', 'Alex', :at, 'slack', 'U1',
              'answered', 'FINISHED', :at, :at, :at)""")
        .bind("t", ticket)
        .bind("at", NOW)
        .execute();
    long id =
        h.createQuery("SELECT id FROM surveys WHERE ticket_id = :t")
            .bind("t", ticket)
            .mapTo(Long.class)
            .one();
    Answers answers = new Answers(h);
    answers.record(id, "rating", "1", NOW);
    answers.record(id, "comment", comment, NOW);
    changed(h, id);
    return id;
  }

  private void changed(Handle h, long id) {
    SurveyRow s = new Surveys(h).find(id).orElseThrow();
    negatives.answersChanged(
        h, id, null, Notifier.conversation(s, new Answers(h).forSurvey(id)), NOW);
  }

  private String lang(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT lang FROM answers WHERE survey_id = :id AND kind = 'comment'")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }
}
