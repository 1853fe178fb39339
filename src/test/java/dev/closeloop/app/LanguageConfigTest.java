package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** survey.locale, survey.words (and the older survey.wording), digest.locale. */
class LanguageConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  private String text(Config c, String lang, String key) {
    return LanguageConfig.requester(c).format(lang, key, Map.of(), ZoneId.of("UTC"));
  }

  @Test
  void defaultsAreEnglishForBoth() {
    Config c = loader.loadString("{}");
    assertThat(c.survey().locale()).isEqualTo("en");
    assertThat(c.digest().locale()).isEqualTo("en");
    assertThat(c.survey().words()).isEmpty();
    assertThat(LanguageConfig.notes(c)).isEmpty();
  }

  @Test
  void wordsOverrideOneTextInOneLanguage() {
    Config c =
        loader.loadString(
            """
            survey:
              words:
                de: { fixedQuestion: "Ist Ihr Problem gelöst?" }
            """);
    assertThat(text(c, "de", "fixedQuestion")).isEqualTo("Ist Ihr Problem gelöst?");
    assertThat(text(c, "de", "ratingQuestion")).startsWith("Wie zufrieden bist du");
    assertThat(text(c, "en", "fixedQuestion")).isEqualTo("Did we fix it?");
  }

  @Test
  void anAddedLanguageFallsBackToEnglishAndCheckConfigSaysWhich() {
    Config c =
        loader.loadString(
            """
            survey:
              locale: it
              words:
                it: { fixedQuestion: "Abbiamo risolto?", elseNoButton: "No, è tutto" }
            """);
    assertThat(text(c, "it", "fixedQuestion")).isEqualTo("Abbiamo risolto?");
    assertThat(text(c, "it", "ratingQuestion")).isEqualTo("How did we do? (1 = poor, 5 = great)");
    assertThat(LanguageConfig.surveyLanguage(c, LanguageConfig.requester(c))).isEqualTo("it");
    assertThat(LanguageConfig.notes(c))
        .singleElement()
        .asString()
        .startsWith("survey.words.it: ")
        .contains("texts missing, shown in English")
        .contains("ratingQuestion")
        .doesNotContain("fixedQuestion,");
  }

  @Test
  void theOlderWordingStillWorksAsTheSurveyLanguagesWords() {
    Config c =
        loader.loadString(
            """
            survey:
              wording:
                intro: "Hello {name}, about {ticket} ({title}):"
                fixedQuestion: "Sorted?"
            """);
    assertThat(text(c, "en", "fixedQuestion")).isEqualTo("Sorted?");
    assertThat(
            LanguageConfig.requester(c)
                .format(
                    "en",
                    "intro",
                    Map.of("name", "Dana", "ticket", "INC-1", "title", "VPN"),
                    ZoneId.of("UTC")))
        .isEqualTo("Hello Dana, about INC-1 (VPN):");
    assertThat(text(c, "de", "fixedQuestion")).isEqualTo("Ist das Problem gelöst?");
    assertThat(LanguageConfig.notes(c)).anyMatch(n -> n.startsWith("survey.wording is deprecated"));
  }

  @Test
  void wordsWinOverTheOlderWordingForTheSameText() {
    Config c =
        loader.loadString(
            """
            survey:
              locale: de
              wording: { fixedQuestion: "Alt?" }
              words: { de: { fixedQuestion: "Neu?" } }
            """);
    assertThat(text(c, "de", "fixedQuestion")).isEqualTo("Neu?");
  }

  @Test
  void anOwnTextMayStillNameTheReviewDayWhereTheBundledOneNoLongerDoes() {
    Config c =
        loader.loadString(
            """
            survey:
              words:
                en:
                  whatWentWrong: "What went wrong? We read it in {when} review."
                  staysClosed: "{ticket} stays closed; we read it in {when} review."
            """);
    assertThat(text(c, "en", "whatWentWrong")).startsWith("What went wrong? We read it in ");
    assertThat(text(c, "en", "staysClosed")).contains(" stays closed; we read it in ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "survey: { words: { de: { fixedQuestin: x } } } | survey.words.de.fixedQuestin | unknown key",
        "survey: { words: { de: { reminder: 'Zu {tiket}' } } } | survey.words.de.reminder | unknown placeholder",
        "survey: { words: { de: { reminder: 'Zu {ticket' } } } | survey.words.de.reminder | not a valid message",
        "survey: { words: { en: { stopButton: '"
            + "Please never ever ask me again about any ticket whatsoever, thank you very much' } } }"
            + " | survey.words.en.stopButton | longer than 75",
        "survey: { words: { en: { commentModalTitle: 'Tell us a little bit more' } } }"
            + " | survey.words.en.commentModalTitle | longer than 24",
        "survey: { words: { 'de DE': { reminder: x } } } | survey.words.de DE | language tag",
        "survey: { wording: { reminder: 'About {tiket}' } } | survey.wording.reminder | unknown placeholder",
        "survey: { locale: xx } | survey.locale | must be one of",
        "digest: { locale: it } | digest.locale | must be one of",
        "survey: { words: { de: [a, b] } } | survey.words | ",
      })
  void badWordsAreRefusedWithTheirPath(String yaml, String path, String reason) {
    assertThatThrownBy(() -> loader.loadString(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(path)
        .hasMessageContaining(reason == null ? "" : reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "de-AT | ja | en | de",
        "- | ja-JP | en | ja",
        "- | - | fr | fr",
        "xx-YY | pt_BR | en | pt",
        "'de DE; drop' | - | es | es",
        "- | - | - | en",
        // European Portuguese has its own wording; Brazilian and plain Portuguese the bundled one
        "pt-PT | - | en | pt-PT",
        "pt_PT | - | en | pt-PT",
        "pt-pt | - | en | pt-PT",
        "pt-Latn-PT | - | en | pt-PT",
        "pt-BR | pt-PT | en | pt",
        "pt | - | en | pt",
        "- | - | pt-PT | pt-PT",
        "de-PT | - | en | de",
      })
  void theRequestersLanguageIsTicketElsePlatformElseSurveyLocale(
      String ticket, String platform, String fallback, String expected) {
    assertThat(Languages.resolve(ticket, platform, fallback, Set.copyOf(Languages.BUNDLED)))
        .isEqualTo(expected);
  }

  @Test
  void catalogsKnowTheAddedLanguages() {
    Catalog c = Catalog.requester(Map.of("it", Map.of("fixedQuestion", "Abbiamo risolto?")));
    assertThat(c.languages()).contains("en", "de", "fr", "es", "pt", "ja", "it");
    assertThat(c.missing("de")).isEmpty();
  }

  @Test
  @DisplayName("survey.locale: pt-PT is European Portuguese for everyone without a language")
  void surveyLocaleKeepsItsRegion() {
    Config c = loader.loadString("survey: { locale: pt-PT }");
    assertThat(LanguageConfig.surveyLanguage(c, LanguageConfig.requester(c))).isEqualTo("pt-PT");
    assertThat(LanguageConfig.notes(c)).isEmpty();
  }

  @Test
  @DisplayName(
      "European Portuguese reads its own wording; a text it lacks is the Portuguese one, never"
          + " English; the operator's words for pt apply to it too")
  void europeanPortugueseFallsBackToPortuguese() {
    Catalog bundled = Catalog.requester(Map.of());
    assertThat(bundled.format("pt-PT", "anythingElse", Map.of(), java.time.ZoneOffset.UTC))
        .isEqualTo("Podemos ajudar em mais alguma coisa?");
    assertThat(bundled.format("pt", "anythingElse", Map.of(), java.time.ZoneOffset.UTC))
        .isEqualTo("Podemos ajudar com mais alguma coisa?");
    assertThat(bundled.missing("pt-PT")).isEmpty();

    Catalog withWords =
        Catalog.requester(Map.of("pt", Map.of("anythingElse", "Mais alguma coisa, {name}?")));
    assertThat(
            withWords.format(
                "pt-PT", "anythingElse", Map.of("name", "Inês"), java.time.ZoneOffset.UTC))
        .isEqualTo("Mais alguma coisa, Inês?");
    assertThat(withWords.languages()).doesNotContain("pt-PT");
  }
}
