package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.TicketEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ticket closed again by a payload that leaves out its title, link, assignee or team (a poller's
 * short record, a webhook template without the title) is still the ticket it was: the new survey's
 * DM names it with the title the helpdesk sent before, and the digest keeps its assignee and team.
 */
class ReclosedTicketTest {
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

  private void send(TicketEvent.Kind kind, TicketEvent.Ticket ticket) {
    app.app.intake.accept(
        new TicketEvent(
            "zendesk",
            kind,
            ticket,
            TicketEvent.Requester.ofEmail("dana@example.com", "Dana"),
            clock.instant()));
  }

  /** The ticket's surveys, oldest first: what each DM and digest entry names. */
  private List<Map<String, Object>> surveys(String ticket) {
    return app.app
        .db()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT title, url, assignee, team FROM surveys WHERE ticket_id = :t"
                            + " ORDER BY id")
                    .bind("t", ticket)
                    .mapToMap()
                    .list());
  }

  @Test
  void aReclosedTicketWithoutItsTitleKeepsTheTitleItHad() {
    send(
        TicketEvent.Kind.CLOSED,
        new TicketEvent.Ticket("Z-7", "VPN drops", "https://h.example.com/Z-7", "Alex", "network"));
    clock.advance(Duration.ofHours(1));
    send(TicketEvent.Kind.REOPENED, new TicketEvent.Ticket("Z-7", null, null, null, null));
    clock.advance(Duration.ofDays(40));
    send(TicketEvent.Kind.CLOSED, new TicketEvent.Ticket("Z-7", null, null, null, null));

    List<Map<String, Object>> surveys = surveys("Z-7");
    assertThat(surveys).hasSize(2);
    // before: the second survey had no title, link, assignee or team
    assertThat(surveys.get(1))
        .containsEntry("title", "VPN drops")
        .containsEntry("url", "https://h.example.com/Z-7")
        .containsEntry("assignee", "Alex")
        .containsEntry("team", "network");
  }

  @Test
  void aNewTitleOnTheReclosedTicketIsTheOneShown() {
    send(TicketEvent.Kind.CLOSED, new TicketEvent.Ticket("Z-8", "VPN drops", null, "Alex", null));
    clock.advance(Duration.ofHours(1));
    send(TicketEvent.Kind.REOPENED, new TicketEvent.Ticket("Z-8", null, null, null, null));
    clock.advance(Duration.ofDays(40));
    send(
        TicketEvent.Kind.CLOSED,
        new TicketEvent.Ticket("Z-8", "VPN drops again", null, "Kim", null));

    List<Map<String, Object>> surveys = surveys("Z-8");
    assertThat(surveys.get(surveys.size() - 1)).containsEntry("title", "VPN drops again");
  }
}
