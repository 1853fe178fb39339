package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageMarkTest {
  private final LanguageMark mark = LanguageMark.detected("en");

  @Test
  void aCommentIsMarkedWithTheLanguageItIsWrittenIn() {
    assertThat(mark.of("Das VPN bricht immer noch jede Stunde ab, total nervig", "en"))
        .contains("de");
    assertThat(mark.of("Le VPN se coupe encore toutes les heures, c'est pénible", null))
        .contains("fr");
  }

  @Test
  void textTooShortToTellTakesTheRequestersLanguageThenTheFallback() {
    assertThat(mark.of("ok", "ja-JP")).contains("ja");
    assertThat(mark.of("ok", null)).contains("en");
  }
}
