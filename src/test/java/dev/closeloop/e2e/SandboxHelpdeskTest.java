package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's demo helpdesk, through the page's API: a demo ticket closed, "not fixed", the
 * reopen tap, the ticket open again with its note, the survey's result as a second note, closed
 * again and asked once more; the panel polls only what changed.
 */
class SandboxHelpdeskTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DANA = "dana@example.com";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  TestApp app;
  SandboxChat chat;

  @BeforeEach
  void start() {
    app = TestApp.start(dir, "", clock);
    chat = new SandboxChat(app);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private JsonNode helpdesk(long since) throws Exception {
    return JSON.readTree(chat.call("helpdesk?since=" + since, null).body());
  }

  private JsonNode ticket(JsonNode page, String id) {
    for (JsonNode t : page.path("tickets")) {
      if (t.path("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no ticket " + id + " in " + page);
  }

  private void close() {
    assertThat(
            chat.call(
                    "tickets",
                    """
                    {"id":"DEMO-7","title":"VPN drops every hour","email":"dana@example.com",
                     "name":"Dana","team":"network"}
                    """)
                .statusCode())
        .isEqualTo(202);
    chat.deliver();
  }

  @Test
  @DisplayName("close → survey → not fixed → reopen → note, seen in the demo helpdesk panel")
  void reopenAndNoteShowInThePanel() throws Exception {
    close();
    JsonNode first = helpdesk(0);
    assertThat(ticket(first, "DEMO-7").path("status").asText()).isEqualTo("closed");
    long since = first.path("next").asLong();
    assertThat(helpdesk(since).path("tickets")).as("nothing changed since").isEmpty();

    chat.click(DANA, "cl:s:1:fixed:no");
    chat.click(DANA, "cl:s:1:reopen:yes");

    JsonNode changed = helpdesk(since);
    JsonNode t = ticket(changed, "DEMO-7");
    assertThat(t.path("status").asText()).isEqualTo("open");
    assertThat(t.path("notes")).hasSize(1);
    assertThat(t.at("/notes/0/kind").asText()).isEqualTo("reopen");
    assertThat(t.at("/notes/0/text").asText())
        .startsWith("Reopened from Closeloop: Dana says this is not fixed.");
    assertThat(chat.dm(DANA)).contains("Reopened DEMO-7 — the network team has it again.");

    chat.type(DANA, "still drops");
    chat.type(DANA, "2");
    chat.type(DANA, "no, that's all");
    t = ticket(helpdesk(changed.path("next").asLong()), "DEMO-7");
    assertThat(t.path("notes")).hasSize(2);
    assertThat(t.at("/notes/1/kind").asText()).isEqualTo("note");
    assertThat(t.at("/notes/1/text").asText())
        .contains("Fixed: no", "Score: 2/5", "Comment (English): still drops");

    clock.advance(java.time.Duration.ofMinutes(10));
    close(); // the panel's "Close it again"
    assertThat(ticket(helpdesk(0), "DEMO-7").path("status").asText()).isEqualTo("closed");
    assertThat(chat.dm(DANA)).contains("was closed again", "Did it work this time?");

    // erase-user takes her demo tickets and their notes too
    assertThat(app.admin("POST", "/admin/erase-user", "{\"user\":\"" + DANA + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(helpdesk(0).path("tickets")).isEmpty();
  }

  @Test
  @DisplayName(
      "A request after 'anything else?' opens a linked demo ticket; 'I'll take it' adds a note")
  void requestAndFollowUpLandInTheDemoHelpdesk() throws Exception {
    close();
    chat.click(DANA, "cl:s:1:fixed:yes");
    chat.click(DANA, "cl:s:1:rate:5");
    chat.click(DANA, "cl:s:1:else:yes");
    chat.type(DANA, "Please set up the new printer for me too");

    JsonNode page = helpdesk(0);
    JsonNode created = ticket(page, "DEMO-2001");
    assertThat(created.path("status").asText()).isEqualTo("open");
    assertThat(created.path("linkedTo").asText()).isEqualTo("DEMO-7");
    assertThat(created.path("title").asText())
        .isEqualTo("Please set up the new printer for me too");
    assertThat(created.path("requester").asText()).isEqualTo(DANA);
    assertThat(chat.dm(DANA)).contains("Your request is now ticket DEMO-2001");

    chat.call("digest", "{}");
    chat.deliver();
    chat.click("Sam (IT)", "cl:i:1:own");
    JsonNode notes = ticket(helpdesk(0), "DEMO-7").path("notes");
    assertThat(notes.toString())
        .contains("Anything else: Please set up the new printer for me too")
        .contains("Sam (IT) took on the requester's feedback in Closeloop");
  }

  @Test
  @DisplayName(
      "After a reopen, a detail typed at 'anything else?' goes on the reopened ticket, not a new one")
  void aDetailAfterTheReopenGoesWithTheReopenedTicket() throws Exception {
    close();
    chat.click(DANA, "cl:s:1:fixed:no");
    chat.click(DANA, "cl:s:1:reopen:yes");
    chat.type(DANA, "still drops");
    assertThat(chat.dm(DANA)).contains("Is there anything else we can help you with?");

    chat.type(DANA, "it drops mostly in the mornings, when everyone logs in");
    assertThat(chat.dm(DANA)).contains("Thanks, I've added that to your answer.");
    JsonNode page = helpdesk(0);
    assertThat(page.path("tickets")).as("no ticket of its own").hasSize(1);

    chat.type(DANA, "no, that's all");
    JsonNode notes = ticket(helpdesk(0), "DEMO-7").path("notes");
    assertThat(notes.toString())
        .contains("still drops\\nit drops mostly in the mornings, when everyone logs in")
        .doesNotContain("Anything else:");
  }

  @Test
  @DisplayName(
      "After a reopen, a request that asks at 'anything else?' is still a ticket of its own")
  void aRequestAfterTheReopenIsStillOne() throws Exception {
    close();
    chat.click(DANA, "cl:s:1:fixed:no");
    chat.click(DANA, "cl:s:1:reopen:yes");
    chat.type(DANA, "still drops");
    chat.type(DANA, "can you also reset my voicemail PIN?");
    assertThat(ticket(helpdesk(0), "DEMO-2001").path("title").asText())
        .isEqualTo("can you also reset my voicemail PIN?");
    assertThat(chat.dm(DANA)).contains("Your request is now ticket DEMO-2001");
  }

  @Test
  @DisplayName(
      "'Shall I reopen it?' is updated to show its answer, clicked or typed, and loses its buttons")
  void theReopenOfferShowsItsAnswer() throws Exception {
    close();
    chat.click(DANA, "cl:s:1:fixed:no");
    chat.click(DANA, "cl:s:1:reopen:yes");
    chat.deliver();
    String offer = reopenOffer();
    assertThat(offer)
        .contains("Shall I reopen DEMO-7", "Reopen the ticket")
        .doesNotContain("cl:s:1:reopen:")
        .doesNotContain("No, leave it closed");

    chat.type(DANA, "no, that's all");
    clock.advance(java.time.Duration.ofMinutes(10));
    close(); // closed again: "did it work this time?"
    chat.type(DANA, "no");
    chat.type(DANA, "no, leave it closed");
    chat.deliver();
    assertThat(chat.messages("dm:" + DANA))
        .as("offered twice")
        .filteredOn(m -> m.toString().contains("Shall I reopen DEMO-7"))
        .hasSize(2);
    assertThat(chat.dm(DANA)).doesNotContain("cl:s:2:reopen:");
    assertThat(chat.dm(DANA)).contains("No, leave it closed");
  }

  /** The first "shall I reopen it?" message in Dana's conversation, as it stands now. */
  private String reopenOffer() throws Exception {
    for (JsonNode m : chat.messages("dm:" + DANA)) {
      if (m.toString().contains("Shall I reopen")) {
        return m.toString();
      }
    }
    throw new AssertionError("no reopen offer in " + chat.dm(DANA));
  }
}
