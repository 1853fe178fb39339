package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident loop in the sandbox: own, owner reminder, follow-up, requester told, off the digest.
 */
class IncidentLoopSandboxTest {
  @TempDir Path dir;

  private static HttpResponse<String> sandbox(TestApp app, String path, String body) {
    return app.postJson("/sandbox/api/" + path, body);
  }

  private static int count(TestApp app, String conversation, String needle) {
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
            SELECT COUNT(*) FROM sandbox_messages WHERE conversation = :c AND payload LIKE :n
            """)
                    .bind("c", conversation)
                    .bind("n", "%" + needle + "%")
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  @DisplayName(
      "Owned and still open after 48 h: the owner is reminded once; followed up: the requester is told")
  void ownReminderFollowUp() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(
          TestApp.closed(
              "INC-1", clock.instant(), "{\"email\":\"dana@example.com\",\"name\":\"Dana\"}"));
      app.tick();
      app.deliver();
      sandbox(app, "click", "{\"user\":\"dana@example.com\",\"actionId\":\"cl:s:1:rate:1\"}");
      app.deliver();
      clock.advance(Duration.ofMinutes(1));
      app.admin("POST", "/admin/digest", null);
      app.deliver();
      assertThat(count(app, "channel:team", "cl:i:1:own")).isEqualTo(1);

      HttpResponse<String> own =
          sandbox(
              app, "click", "{\"user\":\"sam\",\"userName\":\"Sam\",\"actionId\":\"cl:i:1:own\"}");
      assertThat(own.body()).contains("You own INC-1");
      app.deliver();
      assertThat(count(app, "channel:team", "Owner: Sam"))
          .as("the digest message is updated")
          .isEqualTo(1);
      assertThat(
              sandbox(
                      app,
                      "click",
                      "{\"user\":\"kai\",\"userName\":\"Kai\",\"actionId\":\"cl:i:1:own\"}")
                  .body())
          .contains("Already owned by Sam");

      clock.advance(Duration.ofHours(49));
      app.tick();
      app.deliver();
      app.tick();
      app.deliver();
      assertThat(count(app, "dm:sam", "still open")).isEqualTo(1);

      HttpResponse<String> done =
          sandbox(
              app, "click", "{\"user\":\"sam\",\"userName\":\"Sam\",\"actionId\":\"cl:i:1:done\"}");
      assertThat(done.body()).contains("modal");
      HttpResponse<String> note =
          sandbox(
              app,
              "modal",
              "{\"user\":\"sam\",\"userName\":\"Sam\",\"id\":\"cl:i:1:note\",\"text\":\"Called Dana, replaced the dock\"}");
      assertThat(note.body()).contains("followed up");
      // a copy of the entry not yet refreshed still shows "Followed up": the next person is told
      // at once, not after writing a note in a dialog
      assertThat(
              sandbox(
                      app,
                      "click",
                      "{\"user\":\"kai\",\"userName\":\"Kai\",\"actionId\":\"cl:i:1:done\"}")
                  .body())
          .contains("Already followed up by Sam")
          .doesNotContain("modal");
      app.deliver();
      assertThat(count(app, "dm:dana@example.com", "someone from the IT team followed up"))
          .isEqualTo(1);
      // the scheduled digest of the 26th listed it too: every copy shows the follow-up, none keeps
      // buttons
      assertThat(count(app, "channel:team", "Followed up by Sam: Called Dana")).isEqualTo(2);
      assertThat(count(app, "channel:team", "cl:i:1:")).isZero();
      assertThat(app.admin("GET", "/admin/incidents", null).body()).doesNotContain("INC-1");
      assertThat(app.admin("GET", "/admin/incidents?state=all", null).body())
          .contains("\"followedUpBy\":\"Sam\"")
          .contains("\"note\":\"Called Dana, replaced the dock\"");

      clock.advance(Duration.ofHours(1));
      String next = app.admin("POST", "/admin/digest", null).body();
      assertThat(next).contains("\"stillOpen\":0").contains("\"newNegatives\":0");
    }
  }

  @Test
  @DisplayName("With alertImmediately a score of 1 is posted at once, separately from the digest")
  void immediateAlert() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    try (TestApp app =
        TestApp.start(
            dir,
            "survey: { delay: PT0S, quietHours: \"\", weekends: true }\n"
                + "digest: { alertImmediately: true }\nsandbox: { enabled: true }",
            clock)) {
      app.webhook(
          TestApp.closed(
              "INC-2", clock.instant(), "{\"email\":\"lee@example.com\",\"name\":\"Lee\"}"));
      app.tick();
      app.deliver();
      sandbox(app, "click", "{\"user\":\"lee@example.com\",\"actionId\":\"cl:s:1:rate:1\"}");
      app.deliver();
      assertThat(count(app, "channel:team", "Unhappy requester")).isEqualTo(1);
      assertThat(count(app, "channel:team", "Closeloop digest")).isZero();
    }
  }
}
