package dev.closeloop.app;

import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language part of the config: {@code survey.locale}, {@code survey.words} (with the older
 * {@code survey.wording} folded in) and {@code digest.locale}, checked once at start.
 */
final class LanguageConfig {
  private LanguageConfig() {}

  /**
   * The operator's words per language: {@code survey.words}, plus each text of the older {@code
   * survey.wording} as an override in the {@code survey.locale} language where {@code survey.words}
   * does not set that key.
   */
  static Map<String, Map<String, String>> words(Config.Survey s) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    s.words()
        .forEach(
            (lang, texts) ->
                out.put(lang, texts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(texts)));
    Map<String, String> legacy = s.wording() == null ? Map.of() : s.wording().given();
    if (!legacy.isEmpty()) {
      String lang = legacyLanguage(s.locale());
      Map<String, String> target = out.computeIfAbsent(lang, l -> new LinkedHashMap<>());
      legacy.forEach(target::putIfAbsent);
    }
    return out;
  }

  private static String legacyLanguage(String surveyLocale) {
    return Languages.wellFormed(surveyLocale)
        ? surveyLocale.split("[-_]", 2)[0].toLowerCase(Locale.ROOT)
        : Languages.FALLBACK;
  }

  static Catalog requester(Config c) {
    return Catalog.requester(words(c.survey()));
  }

  /**
   * The language requester texts fall back to: {@code survey.locale} as a known language, with its
   * region where a wording is bundled for it ({@code pt-PT}).
   */
  static String surveyLanguage(Config c, Catalog requester) {
    String locale = c.survey().locale();
    return Languages.match(locale, requester.languages())
        .map(lang -> Languages.variant(locale, lang))
        .orElse(Languages.FALLBACK);
  }

  static String teamLanguage(Config c) {
    return Languages.match(c.digest().locale(), Set.copyOf(Languages.BUNDLED))
        .orElse(Languages.FALLBACK);
  }

  static void validate(Config c) {
    for (String lang : c.survey().words().keySet()) {
      if (!Languages.wellFormed(lang)) {
        throw new ConfigException("survey.words." + lang, "not a language tag such as de or pt-BR");
      }
    }
    Catalog requester = requester(c);
    List<Catalog.Problem> problems = requester.problems("survey.words");
    if (!problems.isEmpty()) {
      Catalog.Problem p = problems.get(0);
      throw new ConfigException(legacyPath(c, p.path()), p.message());
    }
    if (Languages.match(c.survey().locale(), requester.languages()).isEmpty()) {
      throw new ConfigException(
          "survey.locale",
          "must be one of " + Languages.BUNDLED + " or a language given under survey.words");
    }
    if (Languages.match(c.digest().locale(), Set.copyOf(Languages.BUNDLED)).isEmpty()) {
      throw new ConfigException("digest.locale", "must be one of " + Languages.BUNDLED);
    }
  }

  /** A problem in a text that came from {@code survey.wording} is reported at that key. */
  private static String legacyPath(Config c, String path) {
    String[] parts = path.split("\\.");
    if (parts.length == 4 && c.survey().wording() != null) {
      String lang = parts[2];
      String key = parts[3];
      boolean fromWords =
          c.survey().words().entrySet().stream()
              .anyMatch(
                  e ->
                      legacyLanguage(e.getKey()).equals(lang)
                          && e.getValue() != null
                          && e.getValue().containsKey(key));
      if (!fromWords && c.survey().wording().given().containsKey(key)) {
        return "survey.wording." + key;
      }
    }
    return path;
  }

  /**
   * What {@code check-config} reports beside a valid config: texts that fall back to English in a
   * language the operator added, and the older {@code survey.wording} still in use.
   */
  static List<String> notes(Config c) {
    List<String> out = new ArrayList<>();
    Catalog requester = requester(c);
    for (String lang : requester.languages()) {
      List<String> missing = requester.missing(lang);
      if (!missing.isEmpty()) {
        out.add(
            "survey.words."
                + lang
                + ": "
                + missing.size()
                + " of "
                + requester.keys().size()
                + " texts missing, shown in English: "
                + String.join(", ", missing));
      }
    }
    if (c.survey().wording() != null && !c.survey().wording().given().isEmpty()) {
      out.add(
          "survey.wording is deprecated and read for one more release as survey.words."
              + legacyLanguage(c.survey().locale())
              + ": move its texts there");
    }
    return out;
  }
}
