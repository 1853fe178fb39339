package dev.closeloop.survey.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who is asked and when, through the real app with a moved clock (sandbox chat). */
class SurveyLifecycleTest {
  @TempDir Path dir;

  private static final String DANA =
      "{\"email\":\"dana@example.com\",\"name\":\"Dana\",\"timezone\":\"Europe/Berlin\"}";

  private static int sandboxMessages(TestApp app, String user, String needle) {
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
            SELECT COUNT(*) FROM sandbox_messages WHERE conversation = :c AND payload LIKE :n
            """)
                    .bind("c", "dm:" + user)
                    .bind("n", "%" + needle + "%")
                    .mapTo(Integer.class)
                    .one());
  }

  private static String surveys(TestApp app, String ticket) {
    return app.admin("GET", "/admin/surveys?ticket=" + ticket, null).body();
  }

  private static void run(TestApp app) {
    app.tick();
    app.deliver();
  }

  @Test
  @DisplayName(
      "One reminder after reminderAfter, then expiry edits the message and sends nothing new")
  void reminderThenExpiry() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"20:00-08:00\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(TestApp.closed("INC-1", clock.instant(), DANA));
      run(app);
      assertThat(surveys(app, "INC-1")).contains("\"state\":\"sent\"");
      clock.advance(Duration.ofHours(23));
      run(app);
      assertThat(sandboxMessages(app, "dana@example.com", "quick reminder")).isZero();
      clock.advance(Duration.ofHours(2));
      run(app);
      run(app);
      assertThat(sandboxMessages(app, "dana@example.com", "quick reminder")).isEqualTo(1);
      assertThat(surveys(app, "INC-1")).contains("\"state\":\"reminded\"");
      clock.advance(Duration.ofHours(48));
      run(app);
      assertThat(surveys(app, "INC-1")).contains("\"state\":\"expired\"");
      assertThat(sandboxMessages(app, "dana@example.com", "This survey is closed")).isEqualTo(1);
      int before =
          app.app
              .db()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM sandbox_messages")
                          .mapTo(Integer.class)
                          .one());
      run(app);
      int after =
          app.app
              .db()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM sandbox_messages")
                          .mapTo(Integer.class)
                          .one());
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  @DisplayName("A close late in the evening in Berlin is held until 08:00 Berlin time")
  void quietHoursHoldTheFirstDm() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T19:30:00Z")); // 20:30 in Berlin
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"20:00-08:00\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(TestApp.closed("INC-2", clock.instant(), DANA));
      run(app);
      assertThat(surveys(app, "INC-2"))
          .contains("\"state\":\"scheduled\"")
          .contains("\"dueAt\":\"2026-11-25T07:00:00Z\"");
      clock.set(Instant.parse("2026-11-25T07:00:01Z"));
      run(app);
      assertThat(surveys(app, "INC-2")).contains("\"state\":\"sent\"");
    }
  }

  @Test
  @DisplayName(
      "Cooldown: the second ticket within 7 days is skipped when it comes due; skipped ones do not count")
  void cooldown() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT15M, quietHours: \"\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(TestApp.closed("INC-3", clock.instant(), DANA));
      clock.advance(Duration.ofMinutes(16));
      run(app);
      app.webhook(TestApp.closed("INC-4", clock.instant(), DANA));
      clock.advance(Duration.ofMinutes(16));
      run(app);
      assertThat(surveys(app, "INC-4"))
          .contains("\"state\":\"skipped\"")
          .contains("\"reason\":\"cooldown\"");
      clock.advance(Duration.ofDays(7));
      app.webhook(TestApp.closed("INC-5", clock.instant(), DANA));
      clock.advance(Duration.ofMinutes(16));
      run(app);
      assertThat(surveys(app, "INC-5")).contains("\"state\":\"sent\"");
    }
  }

  @Test
  @DisplayName(
      "Cooldown holds for two closes of one person coming due in the same tick: one DM, the other skipped")
  void cooldownWithinOneTick() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT15M, quietHours: \"\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(TestApp.closed("INC-6", clock.instant(), DANA));
      app.webhook(TestApp.closed("INC-7", clock.instant(), DANA));
      app.webhook(
          TestApp.closed(
              "INC-8", clock.instant(), "{\"email\":\"eli@example.com\",\"name\":\"Eli\"}"));
      clock.advance(Duration.ofMinutes(16));
      run(app);
      assertThat(surveys(app, "INC-6")).contains("\"state\":\"sent\"");
      assertThat(surveys(app, "INC-7"))
          .contains("\"state\":\"skipped\"")
          .contains("\"reason\":\"cooldown\"");
      assertThat(surveys(app, "INC-8")).contains("\"state\":\"sent\"");
      assertThat(sandboxMessages(app, "dana@example.com", "INC-")).isEqualTo(1);
    }
  }

  @Test
  void sampledOutAndStaleAreSkippedAtIntake() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { sampleRate: 0.0, quietHours: \"\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(TestApp.closed("INC-6", clock.instant(), DANA));
      assertThat(surveys(app, "INC-6")).contains("\"reason\":\"sampled_out\"");
      app.webhook(TestApp.closed("INC-7", clock.instant().minus(Duration.ofDays(4)), DANA));
      assertThat(surveys(app, "INC-7")).contains("\"reason\":\"stale\"");
    }
  }

  @Test
  void noPlatformAndNoSandboxIsNoIdentity() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\nsandbox: { enabled: false }",
            clock)) {
      app.webhook(TestApp.closed("INC-8", clock.instant(), DANA));
      run(app);
      assertThat(surveys(app, "INC-8"))
          .contains("\"state\":\"skipped\"")
          .contains("\"reason\":\"no_identity\"");
    }
  }

  @Test
  @DisplayName(
      "A sent, unanswered survey is cancelled by a reopen and its message says it is closed")
  void reopenAfterSendClosesTheMessage() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(TestApp.closed("INC-9", clock.instant(), DANA));
      run(app);
      app.webhook("{\"event\":\"ticket.reopened\",\"ticket\":{\"id\":\"INC-9\"}}");
      run(app);
      assertThat(surveys(app, "INC-9"))
          .contains("\"state\":\"cancelled\"")
          .contains("\"reason\":\"reopened\"");
      assertThat(sandboxMessages(app, "dana@example.com", "This survey is closed")).isEqualTo(1);
    }
  }
}
