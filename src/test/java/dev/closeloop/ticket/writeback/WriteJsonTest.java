package dev.closeloop.ticket.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A write survives the outbox: stored as JSON, read back equal, with the same marker. */
class WriteJsonTest {
  private final TicketRef ticket =
      new TicketRef("SUP-1", "https://acme.atlassian.net/browse/SUP-1");

  @Test
  void everyKindOfWriteReadsBackEqual() {
    List<Write> writes =
        List.of(
            new Write.Note(
                "k1", ticket, "text", new Write.SurveyResult(false, 2, "drops", null, "https://x")),
            new Write.Note("k2", ticket, "text", null),
            new Write.FollowUp(
                "k3", ticket, "text", "Alex", Instant.parse("2026-11-24T10:05:00Z"), null),
            new Write.Reopen("k4", ticket, "text"),
            new Write.Request("k5", ticket, "dana@example.com", "Dana", "Charger", "text"));
    for (Write w : writes) {
      String json = WriteJson.write(w);
      assertThat(json).contains("\"kind\":\"" + w.kind() + "\"");
      Write back = WriteJson.read(json);
      assertThat(back).isEqualTo(w);
      assertThat(back.marker()).isEqualTo(w.marker());
    }
  }

  @Test
  void theMarkerIsStablePerKeyAndFitsEverySystem() {
    String marker = Marker.of("wb-41-note");
    assertThat(marker).isEqualTo(Marker.of("wb-41-note")).matches("closeloop-[0-9a-f]{20}");
    assertThat(Marker.of("wb-41-reopen")).isNotEqualTo(marker);
  }

  @Test
  void anUnreadablePayloadSaysSo() {
    assertThatThrownBy(() -> WriteJson.read("{\"kind\":\"teleport\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a stored write");
  }
}
