package dev.closeloop.ticket.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.language.Words;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.Step;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Closeloop writes on tickets, in the team's language (digest.locale, digest.zone). */
class WriteBackTextsTest {
  static final Instant AT = Instant.parse("2026-11-24T15:40:00Z");
  static final Conversation ANSWERED =
      new Conversation(Step.FINISHED, false, 2, "the VPN still drops", false, null);

  @Test
  @DisplayName("The survey's result, line by line, in English")
  void noteInEnglish() {
    WriteBackTexts en = new WriteBackTexts(Words.team("en", "Europe/Berlin"));
    assertThat(en.note("Dana", "SUP-123", ANSWERED, true, true))
        .isEqualTo(
            """
            Closeloop survey — Dana answered about SUP-123:
            Fixed: no
            Score: 2/5
            Comment: the VPN still drops
            The requester had the ticket reopened.""");
    assertThat(
            en.note(
                "Dana",
                "SUP-123",
                new Conversation(Step.OPEN, null, 5, null, null, null),
                null,
                false))
        .isEqualTo(
            """
            Closeloop survey (closed before it was finished) — Dana answered about SUP-123:
            Fixed: not answered
            Score: 5/5""");
    assertThat(en.followedUp("Sam Lee", "replaced the cable", AT))
        .isEqualTo(
            "Sam Lee followed up with the requester in Closeloop (Nov 24, 2026, 4:40\u202fPM):"
                + " replaced the cable");
  }

  @Test
  @DisplayName("In German when digest.locale is de, times in digest.zone")
  void noteInGerman() {
    WriteBackTexts de = new WriteBackTexts(Words.team("de", "Europe/Berlin"));
    assertThat(de.note("Dana", "SUP-123", ANSWERED, false, true))
        .contains("Closeloop-Umfrage", "Gelöst: nein", "Bewertung: 2/5", "Kommentar:")
        .contains("geschlossen lassen");
    assertThat(de.reopen("Dana", "läuft immer noch nicht"))
        .isEqualTo(
            "Aus Closeloop wieder geöffnet: Dana sagt, das Problem ist nicht gelöst – „läuft immer"
                + " noch nicht“");
    assertThat(de.taken("Sam", AT)).contains("Sam", "16:40");
  }

  @Test
  void aRequestsTitleIsItsFirstLineCutToFit() {
    assertThat(WriteBackTexts.title("  My charger\n is broken")).isEqualTo("My charger");
    assertThat(WriteBackTexts.title("x".repeat(300))).hasSize(120).endsWith("…");
  }
}
