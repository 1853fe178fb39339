package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the sandbox a person is their email, and their conversation is "dm:" + email: an email of any
 * valid length (up to 320 characters) is surveyed like a short one. A 67-character address once
 * overflowed the survey's 64-character platform user, and the surveys job then failed on that row
 * at every tick.
 */
class SandboxLongIdentityTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "", clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aDemoTicketCutToItsLengthsKeepsNoHalfEmoji() throws Exception {
    // the sandbox cut id, title and name at a char count: an emoji across the cut left half of
    // it, shown as "?" in the survey DM (seen on the jar: "Your ticket SURR-bbb…? was closed")
    String id = "SURR-" + "b".repeat(54) + "\uD83D\uDE00";
    String name = "n".repeat(99) + "\uD83D\uDE00";
    HttpResponse<String> r =
        app.postJson(
            "/sandbox/api/tickets",
            "{\"id\":\""
                + id
                + "\",\"name\":\""
                + name
                + "\",\"title\":\""
                + "t".repeat(199)
                + "\uD83D\uDE00\",\"email\":\"surr@example.com\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    app.tick();
    app.deliver();
    String messages = app.get("/sandbox/api/messages");
    assertThat(messages)
        .contains("SURR-" + "b".repeat(54) + " ")
        .contains("n".repeat(99) + "!")
        .doesNotContain("n?!", "b?", "t".repeat(199) + "?");
  }

  @Test
  void aLongEmailIsSurveyedAndAnsweredInTheSandbox() throws Exception {
    String longish = "a".repeat(55) + "@example.com";
    String longest = "b".repeat(64) + "@" + "c".repeat(200) + ".example.com";
    for (String email : new String[] {longish, longest}) {
      String id = "DEMO-" + email.length();
      HttpResponse<String> r =
          app.postJson(
              "/sandbox/api/tickets", "{\"id\":\"" + id + "\",\"email\":\"" + email + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      app.tick();
      app.deliver();
      JsonNode survey =
          JSON.readTree(app.admin("GET", "/admin/surveys?ticket=" + id, null).body())
              .path("surveys")
              .path(0);
      assertThat(survey.path("state").asText()).as(email).isEqualTo("sent");
      HttpResponse<String> typed =
          app.postJson("/sandbox/api/type", "{\"user\":\"" + email + "\",\"text\":\"5\"}");
      assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
      assertThat(app.admin("GET", "/admin/surveys?ticket=" + id, null).body())
          .contains("\"state\":\"answered\"");
    }
    JsonNode health = JSON.readTree(app.get("/health"));
    assertThat(health.path("jobs").path("surveys").path("lastError").isNull()).isTrue();
  }

  @Test
  void aSandboxUserLongerThanAnEmailIs400() {
    String user = "u".repeat(400);
    for (String path :
        new String[] {"/sandbox/api/type", "/sandbox/api/click", "/sandbox/api/modal"}) {
      HttpResponse<String> r =
          app.postJson(
              path,
              "{\"user\":\""
                  + user
                  + "\",\"text\":\"hi\",\"actionId\":\"cl:s:1:rate:5\",\"id\":\"cl:m:1:comment\"}");
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(path).contains("user");
    }
  }

  @Test
  void aDisplayNameLongerThanTheStoreKeepsStillTakesOwnership() throws Exception {
    HttpResponse<String> own =
        takeAs("N".repeat(5000), negativeSurvey("DEMO-OWN", "dana@example.com"));

    assertThat(own.body()).contains("DEMO-OWN").doesNotContain("went wrong");
    assertThat(firstIncident().path("owner").asText()).isEqualTo("N".repeat(299) + "…");
  }

  @Test
  void aLongDisplayNameIsNeverCutInsideAnEmoji() throws Exception {
    // the emoji's two chars sit at 299-300: a cut at 299 would keep half of it
    takeAs(
        "N".repeat(298) + "\uD83D\uDE00" + "tail", negativeSurvey("DEMO-EMOJI", "eli@example.com"));

    assertThat(firstIncident().path("owner").asText()).isEqualTo("N".repeat(298) + "…");
  }

  /** Closes a sandbox ticket for {@code email}, who rates it 1: the survey id of the incident. */
  private long negativeSurvey(String ticket, String email) throws Exception {
    app.postJson("/sandbox/api/tickets", "{\"id\":\"" + ticket + "\",\"email\":\"" + email + "\"}");
    app.tick();
    app.deliver();
    app.postJson("/sandbox/api/type", "{\"user\":\"" + email + "\",\"text\":\"1\"}");
    return firstIncident().path("surveyId").asLong();
  }

  /**
   * The IT team's "I'll take it" on {@code survey}, by someone whose display name is {@code name}.
   */
  private HttpResponse<String> takeAs(String name, long survey) {
    return app.postJson(
        "/sandbox/api/click",
        "{\"user\":\"it@example.com\",\"userName\":\""
            + name
            + "\",\"actionId\":\"cl:i:"
            + survey
            + ":own\"}");
  }

  private JsonNode firstIncident() throws Exception {
    return JSON.readTree(app.admin("GET", "/admin/incidents", null).body())
        .path("incidents")
        .path(0);
  }
}
