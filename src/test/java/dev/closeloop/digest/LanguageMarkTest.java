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

  @Test
  void aLanguageFoundWhenTheCommentWasStoredIsTakenAsItIs() {
    String german = "Das VPN bricht immer noch jede Stunde ab, total nervig";
    assertThat(mark.of(german, "de", null)).contains("de");
    // what was found then is not checked against the text again
    assertThat(mark.of(german, "fr", null)).contains("fr");
    // '': found to be too short or mixed to tell, so the requester's language, then the fallback
    assertThat(mark.of(german, "", "ja-JP")).contains("ja");
    assertThat(mark.of(german, "", null)).contains("en");
    // null: not looked at when stored (a comment from before), so it is looked at now
    assertThat(mark.of(german, null, "ja-JP")).contains("de");
  }
}
