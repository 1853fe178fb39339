package dev.closeloop.store;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestApp;
import dev.closeloop.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates at the edge of what Java reads but PostgreSQL cannot store (its timestamps end at 4713 BC
 * and 294276 AD): every one is a 4xx or taken in, never a 500 from the database.
 */
@ExtendWith(PostgresExtension.class)
class PostgresEdgeInputTest {
  static final String ZENDESK = "zendesk-secret";

  @TempDir Path dir;
  TestApp app;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

  @BeforeEach
  void start(TestPostgres.Db db) {
    app =
        TestApp.start(
            dir,
            db.storageYaml() + "\nconnectors: { zendesk: { secret: " + ZENDESK + " } }\n",
            clock);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  HttpResponse<String> zendesk(String body) {
    String ts = clock.instant().toString();
    byte[] mac =
        dev.closeloop.ticket.Signatures.hmac(
            "HmacSHA256",
            ZENDESK,
            ts.getBytes(StandardCharsets.UTF_8),
            body.getBytes(StandardCharsets.UTF_8));
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/zendesk")))
            .header("Content-Type", "application/json")
            .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
            .header("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(mac))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void datesPostgresCannotStoreAreNeverA500() {
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    for (String when : new String[] {"-999999999-01-01T00:00:00Z", "+300000-01-01T00:00:00Z"}) {
      HttpResponse<String> generic =
          app.webhook(
              "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":\"G"
                  + when.charAt(0)
                  + "\",\"closedAt\":\""
                  + when
                  + "\"},\"requester\":{\"email\":\"a@example.com\"}}");
      soft.assertThat(generic.statusCode()).as("generic closedAt " + when).isLessThan(500);
      HttpResponse<String> helpdesk =
          zendesk(
              "{\"ticket\":{\"id\":\"Z"
                  + when.charAt(0)
                  + "\",\"status\":\"solved\",\"updated_at\":\""
                  + when
                  + "\",\"requester\":{\"email\":\"a@example.com\"}}}");
      soft.assertThat(helpdesk.statusCode()).as("zendesk updated_at " + when).isLessThan(500);
    }
    for (String q :
        new String[] {
          "since=-999999999-01-01", "until=+999999999-12-31", "since=0000-01-01&until=0000-12-31"
        }) {
      soft.assertThat(app.admin("GET", "/admin/stats?" + q, null).statusCode())
          .as("stats " + q)
          .isLessThan(500);
    }
    for (String cursor :
        new String[] {"-1000000000-01-01T00:00:00Z|1", "+1000000000-12-31T23:59:59Z|1"}) {
      String after =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
      soft.assertThat(
              app.admin("GET", "/admin/incidents?state=all&after=" + after, null).statusCode())
          .as("incidents after " + cursor)
          .isLessThan(500);
    }
    soft.assertAll();
  }

  @Test
  void aNulCharacterAnywhereIsNeverA500() {
    // PostgreSQL text cannot hold U+0000 (H2 can): every way in must refuse it or drop it
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    String nul = "\\u0000";
    soft.assertThat(
            zendesk(
                    "{\"ticket\":{\"id\":\"N1\",\"title\":\"a"
                        + nul
                        + "b\",\"status\":\"solved\",\"assignee\":\"x"
                        + nul
                        + "\",\"group\":\"g"
                        + nul
                        + "\",\"requester\":{\"email\":\"a@example.com\",\"name\":\"n"
                        + nul
                        + "\"}}}")
                .statusCode())
        .as("zendesk title, names")
        .isLessThan(500);
    soft.assertThat(
            zendesk(
                    "{\"ticket\":{\"id\":\"N2"
                        + nul
                        + "\",\"status\":\"solved\",\"requester\":{\"email\":\"b@example.com\"}}}")
                .statusCode())
        .as("zendesk id")
        .isLessThan(500);
    soft.assertThat(app.admin("GET", "/admin/surveys?ticket=%00", null).statusCode())
        .as("surveys ticket=%00")
        .isLessThan(500);
    soft.assertThat(app.admin("GET", "/admin/export?format=csv&user=%00", null).statusCode())
        .as("export user=%00")
        .isLessThan(500);
    soft.assertThat(
            app.admin("POST", "/admin/erase-user", "{\"user\":\"a" + nul + "\"}").statusCode())
        .as("erase-user")
        .isLessThan(500);
    soft.assertThat(app.admin("POST", "/admin/backup", "{\"file\":\"a" + nul + "\"}").statusCode())
        .as("backup")
        .isLessThan(500);
    soft.assertAll();
  }
}
