package dev.closeloop.ticket.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestsTest {
  @Test
  void aTitleCutToTheHelpdesksLengthNeverKeepsHalfAnEmoji() {
    // the emoji's two chars sit at 8-9: a cut at 9 would keep half of it
    String title = "Monitor " + "\uD83D\uDDA5" + " flickers";
    Write.Request r =
        new Write.Request(
            "k1", new TicketRef("SUP-1", null), "dana@example.com", "Dana", title, "text");

    assertThat(Requests.title(r, 10)).isEqualTo("Monitor …");
  }
}
