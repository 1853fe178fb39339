package dev.closeloop.ticket.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.digest.LanguageMark;
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
    WriteBackTexts en =
        new WriteBackTexts(Words.team("en", "Europe/Berlin"), LanguageMark.detected("en"));
    assertThat(en.note("Dana", "SUP-123", "en", ANSWERED, true, true))
        .isEqualTo(
            """
            Closeloop survey — Dana answered about SUP-123:
            Fixed: no
            Score: 2/5
            Comment (English): the VPN still drops
            The requester had the ticket reopened.""");
    assertThat(
            en.note(
                "Dana",
                "SUP-123",
                null,
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
    WriteBackTexts de =
        new WriteBackTexts(Words.team("de", "Europe/Berlin"), LanguageMark.detected("en"));
    assertThat(de.note("Dana", "SUP-123", "en", ANSWERED, false, true))
        .contains("Closeloop-Umfrage", "Gelöst: nein", "Bewertung: 2/5", "Kommentar (Englisch):")
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

  @Test
  @DisplayName(
      "A comment in another language than the team's is marked with it, as in the digest; a"
          + " comment too short to tell takes the survey's language")
  void aCommentIsMarkedWithItsLanguage() {
    WriteBackTexts en =
        new WriteBackTexts(Words.team("en", "Europe/Berlin"), LanguageMark.detected("en"));
    Conversation german =
        new Conversation(
            Step.FINISHED, false, 2, "Der Drucker druckt immer noch nicht richtig", false, null);
    assertThat(en.note("Dana", "SUP-123", "de", german, null, true))
        .contains("Comment (German): Der Drucker druckt immer noch nicht richtig");
    Conversation shortOne = new Conversation(Step.FINISHED, false, 2, "ok", false, null);
    assertThat(en.note("Dana", "SUP-123", "pt-BR", shortOne, null, true))
        .contains("Comment (Portuguese): ok");

    WriteBackTexts ja =
        new WriteBackTexts(Words.team("ja", "Asia/Tokyo"), LanguageMark.detected("en"));
    assertThat(ja.note("Dana", "SUP-123", "de", german, null, true))
        .contains("コメント（ドイツ語）：Der Drucker");
  }
}
