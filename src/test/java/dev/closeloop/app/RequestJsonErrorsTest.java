package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON body from outside — admin routes, sandbox routes, webhooks — is refused with the
 * reason that applies (not UTF-8, not JSON, not an object, a field of the wrong type, a number past
 * the reading limit, a control character), the same words on every route, never a misleading "file
 * is required" and never "not valid JSON" for a body that is valid JSON.
 */
class RequestJsonErrorsTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final String HUGE = "1".repeat(5000);

  @TempDir Path dir;
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "", new MutableClock(T0));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void adminBodiesSayWhatIsWrongOnEveryRoute() {
    for (String[] route :
        new String[][] {{"/admin/backup", "file"}, {"/admin/erase-user", "user"}}) {
      String path = route[0];
      String field = route[1];
      assertThat(error(bytes(path, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'})))
          .isEqualTo("400 body: line 1 is not UTF-8 text");
      assertThat(error(admin(path, "{\"" + field + "\": 5}")))
          .isEqualTo("400 " + field + " must be a string");
      assertThat(error(admin(path, "{\"" + field + "\": [\"x\"]}")))
          .isEqualTo("400 " + field + " must be a string");
      assertThat(error(admin(path, "[\"x\"]"))).isEqualTo("400 body must be a JSON object");
      assertThat(error(admin(path, "{\"" + field + "\": ")))
          .isEqualTo("400 body is not valid JSON");
      assertThat(error(admin(path, "{}"))).isEqualTo("400 " + field + " is required");
      assertThat(error(admin(path, "{\"" + field + "\": \"a\", \"" + field + "\": \"b\"}")))
          .isEqualTo("400 body is not valid JSON: the key " + field + " appears twice");
      assertThat(error(admin(path, "{\"" + field + "\": " + HUGE + "}")))
          .isEqualTo("400 " + field + " is a number of more than 1000 digits");
      assertThat(error(admin(path, "{\"" + field + "\": \"a\\u0085b\"}")))
          .isEqualTo("400 " + field + " contains control characters");
    }
  }

  @Test
  void sandboxBodiesSayTheSame() {
    assertThat(error(app.postJson("/sandbox/api/tickets", "{\"title\": {\"a\": 1}}")))
        .isEqualTo("400 title must be a string");
    assertThat(error(app.postJson("/sandbox/api/click", "{\"user\": true, \"actionId\": \"x\"}")))
        .isEqualTo("400 user must be a string");
    assertThat(
            error(app.postJson("/sandbox/api/type", "{\"user\": \"d@example.com\", \"text\": 5}")))
        .isEqualTo("400 text must be a string");
    assertThat(error(app.postJson("/sandbox/api/tickets", "{\"id\": " + HUGE + "}")))
        .isEqualTo("400 id is a number of more than 1000 digits");
    assertThat(error(app.postJson("/sandbox/api/tickets", "{\"title\": \"a\\u2028b\"}")))
        .isEqualTo("400 title contains control characters");
  }

  @Test
  void aWebhookNumberPastTheReadingLimitIsNamedNotCalledInvalidJson() {
    HttpResponse<String> r =
        app.webhook(
            "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":"
                + HUGE
                + "},\"requester\":{\"email\":\"d@example.com\"}}");
    assertThat(error(r)).isEqualTo("400 ticket.id is a number of more than 1000 digits");
    HttpResponse<String> inArray =
        app.webhook("{\"event\":\"ticket.closed\",\"extra\":[1, 2, " + HUGE + "]}");
    assertThat(error(inArray)).isEqualTo("400 extra[2] is a number of more than 1000 digits");
  }

  @Test
  void theGenericWebhookRefusesEveryControlCharacterNotOnlyC0() {
    String[] controls = {
      "\\u007f", "\\u0085", "\\u0090", "\\u009f", "\\u2028", "\\u2029", "\\u202e", "\\u2066"
    };
    for (String c : controls) {
      HttpResponse<String> r =
          app.webhook(
              TestApp.closed(
                  "INC-1", T0, "{\"email\":\"d@example.com\",\"name\":\"Da" + c + "na\"}"));
      assertThat(error(r)).as(c).isEqualTo("400 requester.name contains control characters");
    }
    // a tab is text, and so are right-to-left marks and ordinary non-Latin letters
    assertThat(
            app.webhook(
                    TestApp.closed(
                        "INC-2",
                        T0,
                        "{\"email\":\"d@example.com\",\"name\":\"Dana\\t\\u200fדנה\"}"))
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void halfASurrogatePairIsRefusedNamingTheFieldOnEveryRoute() {
    String why = " contains half a surrogate pair, which is not text";
    // high alone, low alone, and the two halves the wrong way round: no character at all
    for (String half : new String[] {"\\ud800", "\\udc00", "\\ude00\\ud83d", "x\\udbff"}) {
      HttpResponse<String> r =
          app.webhook(
              TestApp.closed(
                  "INC-1", T0, "{\"email\":\"d@example.com\",\"name\":\"Da" + half + "na\"}"));
      assertThat(error(r)).as(half).isEqualTo("400 requester.name" + why);
      assertThat(error(admin("/admin/backup", "{\"file\": \"b" + half + ".zip\"}")))
          .as(half)
          .isEqualTo("400 file" + why);
      assertThat(error(admin("/admin/erase-user", "{\"user\": \"d" + half + "@example.com\"}")))
          .isEqualTo("400 user" + why);
      assertThat(error(app.postJson("/sandbox/api/tickets", "{\"title\": \"a" + half + "\"}")))
          .isEqualTo("400 title" + why);
      assertThat(
              error(
                  app.postJson(
                      "/sandbox/api/type",
                      "{\"user\": \"d@example.com\", \"text\": \"bad" + half + "\"}")))
          .isEqualTo("400 text" + why);
    }
    // a whole pair is an emoji, and welcome
    assertThat(
            app.webhook(
                    TestApp.closed(
                        "INC-2",
                        T0,
                        "{\"email\":\"d@example.com\",\"name\":\"Dana \\ud83d\\ude00\"}"))
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void linksImportAndTheLogUseTheSameDefinition() {
    // C1 (U+0090) and a right-to-left override: neither a line break nor a POSIX control
    for (String c : new String[] {"\u0090", "\u202e"}) {
      HttpResponse<String> r = admin("/admin/links", "dana" + c + "x@example.com,123456789012\n");
      assertThat(r.statusCode()).as(c).isEqualTo(400);
      assertThat(r.body()).contains("line 1").doesNotContain(c);
    }
    // what input checks refuse, the log writes as an escape: one definition
    assertThat(RedactingMessageConverter.inert("Dana\u202e · Alex\u0085x\u2066"))
        .isEqualTo("Dana\\u202e · Alex\\u0085x\\u2066");
  }

  private HttpResponse<String> admin(String path, String body) {
    return app.admin("POST", path, body);
  }

  private HttpResponse<String> bytes(String path, byte[] body) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Authorization", "Bearer " + TestApp.TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private static String error(HttpResponse<String> r) {
    try {
      return r.statusCode()
          + " "
          + new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(r.body())
              .path("error")
              .asText();
    } catch (java.io.IOException e) {
      return r.statusCode() + " " + r.body();
    }
  }
}
