package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.language.Catalog;
import dev.closeloop.language.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "The IT team will see it …": the day and part of day of the next review, where they are. */
class SurveyMessagesWhenTest {
  private static final Instant REVIEW = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void theDayIsTheRequestersAndMorningOnlyBeforeNoonThere() {
    // 09:00 UTC is 10:00 in Berlin and 18:00 in Tokyo
    assertThat(when("2026-11-26T07:00:00Z", "Europe/Berlin")).isEqualTo("todayMorning");
    assertThat(when("2026-11-25T10:00:00Z", "Europe/Berlin")).isEqualTo("tomorrowMorning");
    assertThat(when("2026-11-26T01:00:00Z", "Asia/Tokyo")).isEqualTo("today");
    assertThat(when("2026-11-25T10:00:00Z", "Asia/Tokyo")).isEqualTo("tomorrow");
    assertThat(SurveyMessages.when(null, null, ZoneId.of("UTC"))).isEqualTo("tomorrowMorning");
  }

  @Test
  void eachLanguageSaysIt() {
    assertThat(text("ja", "2026-11-25T10:00:00Z", "Asia/Tokyo"))
        .isEqualTo("ありがとうございます。承知しました。明日、ITチームが確認します。");
    assertThat(text("de", "2026-11-26T07:00:00Z", "Europe/Berlin"))
        .isEqualTo("Danke, ist notiert. Das IT-Team sieht es sich heute Vormittag an.");
    assertThat(text("es", "2026-11-25T10:00:00Z", "Europe/Madrid"))
        .isEqualTo("Gracias, lo anotamos. El equipo de IT lo verá mañana por la mañana.");
    assertThat(text("pt", "2026-11-26T01:00:00Z", "Asia/Tokyo"))
        .isEqualTo("Obrigado, anotado. A equipe de TI vai ver isso hoje.");
    assertThat(text("en", "2026-11-25T10:00:00Z", "Asia/Tokyo"))
        .isEqualTo("Thanks, noted. The IT team will see it in tomorrow's review.");
  }

  private static String when(String now, String zone) {
    return SurveyMessages.when(Instant.parse(now), REVIEW, ZoneId.of(zone));
  }

  private static String text(String lang, String now, String zone) {
    Words words = new Words(Catalog.requester(Map.of()), lang, ZoneId.of(zone));
    return new SurveyMessages(words, Instant.parse(now), REVIEW).text(Say.THANKS_FOR_COMMENT);
  }
}
