package dev.closeloop.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Names of languages, looked up once per pair and then remembered, stay ICU's names. */
class WordsTest {
  @Test
  void languageNamesAreIcuNamesEachTimeTheyAreAskedFor() {
    for (String lang : Languages.BUNDLED) {
      Words w = new Words(Catalog.team(), lang, ZoneOffset.UTC);
      for (String other : new String[] {"de", "fr", "ja", "pt-BR", "es", "en", "xx"}) {
        String icu = ULocale.forLanguageTag(other).getDisplayLanguage(ULocale.forLanguageTag(lang));
        assertThat(w.languageName(other)).isEqualTo(icu);
        assertThat(w.languageName(other)).isEqualTo(icu);
      }
    }
    assertThat(new Words(Catalog.team(), "en", ZoneOffset.UTC).languageName("de"))
        .isEqualTo("German");
    assertThat(new Words(Catalog.team(), "de", ZoneOffset.UTC).languageName("de"))
        .isEqualTo("Deutsch");
  }
}
