package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.usecase.IntakeResult;
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
 * Helpdesk payloads carry text of any length; the store keeps each field up to its column size.
 * Free text (title, names, team) is cut to fit, a link too long to work is dropped, and an
 * identifier too long to keep whole (ticket id, email) is a 400 naming it on a webhook and skipped
 * by a poller: never a 500, never a poller stuck on one record.
 */
class ConnectorFieldLengthTest {
  static final String TOKEN = "fs-token";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "connectors: { freshservice: { secret: " + TOKEN + " } }", clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  HttpResponse<String> freshservice(String id, String text, String email) {
    String body =
        ("{\"ticket\":{\"id\":\"%s\",\"title\":\"%s\",\"url\":\"https://h.example.com/%s\","
                + "\"status\":\"Closed\",\"requester\":{\"email\":\"%s\",\"name\":\"%s\"},"
                + "\"assignee\":\"%s\",\"group\":\"%s\"}}")
            .formatted(id, text, text, email, text, text, text);
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/hooks/tickets/freshservice")))
            .header("Content-Type", "application/json")
            .header("X-Closeloop-Token", TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void longFreeTextIsCutToFitAndTheTicketIsTakenIn() {
    HttpResponse<String> r = freshservice("F-1", "t".repeat(5000), "dana@example.com");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String survey = app.admin("GET", "/admin/surveys?ticket=F-1", null).body();
    assertThat(survey).contains("\"name\":\"" + "t".repeat(299) + "…\"");
  }

  @Test
  void anIdentifierTooLongToKeepWholeIsA400NamingIt() {
    HttpResponse<String> id = freshservice("F" + "9".repeat(300), "VPN", "dana@example.com");
    assertThat(id.statusCode()).as(id.body()).isEqualTo(400);
    assertThat(id.body()).contains("ticket id");
    HttpResponse<String> email = freshservice("F-2", "VPN", "d".repeat(400) + "@example.com");
    assertThat(email.statusCode()).as(email.body()).isEqualTo(400);
    assertThat(email.body()).contains("email");
  }

  @Test
  void aPolledRecordTooLongToKeepIsSkippedNotThrown() {
    TicketEvent polled =
        new TicketEvent(
            "zendesk",
            TicketEvent.Kind.CLOSED,
            new TicketEvent.Ticket("Z" + "1".repeat(300), "t", null, null, null),
            TicketEvent.Requester.ofEmail("dana@example.com", "Dana"),
            clock.instant());

    assertThat(app.app.intake.accept(polled)).isInstanceOf(IntakeResult.Ignored.class);
  }
}
