package dev.closeloop.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.Figures;
import dev.closeloop.digest.LanguageMark;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.SurveyMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled texts: complete in every language, placeholders right, within platform limits. */
class BundleTest {
  private static final Instant LATE = Instant.parse("2026-11-24T23:30:00Z");

  static Stream<Arguments> catalogsAndLanguages() {
    Catalog requester = Catalog.requester(Map.of());
    return Stream.concat(
        Stream.of(requester, Catalog.team())
            .flatMap(c -> Languages.BUNDLED.stream().map(lang -> Arguments.of(c, lang))),
        // regional wordings are whole files of their own (the requester's texts only)
        Languages.VARIANTS.stream().map(lang -> Arguments.of(requester, lang)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("catalogsAndLanguages")
  void everyKeyHasItsOwnTextWithExactlyTheEnglishPlaceholders(Catalog catalog, String lang) {
    assertThat(catalog.missing(lang)).as("keys without a %s text", lang).isEmpty();
    for (String key : catalog.keys()) {
      String text = catalog.bundledText(lang, key);
      assertThat(text).as("%s.%s", lang, key).isNotBlank();
      assertThat(Catalog.argumentNames(text))
          .as("placeholders of %s.%s: every one used, none unknown", lang, key)
          .isEqualTo(catalog.arguments(key));
      assertThatCode(() -> new MessageFormat(text, ULocale.forLanguageTag(lang)))
          .as("%s.%s is a valid ICU message", lang, key)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("catalogsAndLanguages")
  void noLanguageHasKeysEnglishDoesNot(Catalog catalog, String lang) {
    for (String key : catalog.keys()) {
      assertThat(catalog.bundledText(lang, key)).isNotNull();
    }
    // and nothing beyond them: the files are read back key by key
    assertThat(keysInFile(catalog.family(), lang)).isEqualTo(catalog.keys().size());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("catalogsAndLanguages")
  void filledInTextsFitThePlatformLimitsAndLeaveNoPlaceholder(Catalog catalog, String lang) {
    for (String key : catalog.keys()) {
      String filled = catalog.format(lang, key, samples(), ZoneId.of("Europe/Berlin"));
      assertThat(filled).as("%s.%s", lang, key).doesNotContain("{").doesNotContain("}");
      catalog
          .limit(key)
          .ifPresent(
              max ->
                  assertThat(filled.length())
                      .as(
                          "%s.%s \"%s\" (Slack button ≤ 75, Discord ≤ 80, modal title ≤ 24)",
                          lang, key, filled)
                      .isLessThanOrEqualTo(max));
    }
  }

  /** The longest values the texts are filled with: a ticket label is cut to 40 characters. */
  private static Map<String, Object> samples() {
    Map<String, Object> a = new HashMap<>();
    for (String name :
        List.of(
            "name",
            "title",
            "email",
            "team",
            "owner",
            "who",
            "note",
            "requester",
            "assignee",
            "comment")) {
      a.put(name, "Dana");
    }
    a.put("ticket", "X".repeat(40));
    a.put("hasName", "yes");
    a.put("hasTitle", "yes");
    a.put("told", "yes");
    a.put("when", "tomorrowMorning");
    a.put("closed", LATE);
    a.put("date", LATE);
    a.put("since", LATE);
    a.put("score", 4);
    a.put("count", 3);
    a.put("open", 2);
    a.put("requests", 1);
    a.put("rated", 4);
    a.put("answered", 3);
    a.put("sent", 8);
    a.put("csat", "50%");
    a.put("rate", "38%");
    a.put("figures", "CSAT 50%");
    a.put("age", "2d 3h");
    a.put("part", 1);
    a.put("parts", 2);
    a.put("days", 30);
    a.put("account", "\"Dana\" (id 1234567890)");
    a.put("code", "123456");
    a.put("left", 2);
    a.put("language", "Deutsch");
    a.put("last", "CSAT 50%");
    a.put("current", "CSAT 60%");
    // write-back: the reopen and request replies, the notes on tickets
    a.put("hasTeam", "yes");
    a.put("hasUrl", "yes");
    a.put("id", "X".repeat(40));
    a.put("url", "https://help.example.com/t/35437");
    a.put("hasScore", "yes");
    a.put("finished", "yes");
    a.put("fixed", "no");
    a.put("reopen", "yes");
    a.put("hasComment", "yes");
    a.put("hasNote", "yes");
    a.put("at", LATE);
    a.put("request", "Dana");
    a.put("fixedQuestion", "Did we fix it?");
    a.put("ratingQuestion", "How did we do?");
    a.put("link", "https://closeloop.example.com/");
    a.put("reason", "Dana");
    return a;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | 1 new negative reply | 2 new negative replies",
        "de | 1 neue negative Antwort | 2 neue negative Antworten",
        "fr | 1 nouvelle réponse négative | 2 nouvelles réponses négatives",
        "es | 1 respuesta negativa nueva | 2 respuestas negativas nuevas",
        "pt | 1 resposta negativa nova | 2 respostas negativas novas",
        "ja | 新しいネガティブな回答 1件 | 新しいネガティブな回答 2件",
      })
  void pluralsPerLanguage(String lang, String one, String two) {
    Words w = new Words(Catalog.team(), lang, ZoneId.of("UTC"));
    assertThat(w.t("negativesLabel", "count", 1)).isEqualTo(one);
    assertThat(w.t("negativesLabel", "count", 2)).isEqualTo(two);
  }

  /** ICU counts 0 as "one" in Portuguese, but a Brazilian reads "0 pedidos", not "0 pedido". */
  @Test
  void portugueseCountsZeroInThePlural() {
    Words pt = new Words(Catalog.team(), "pt", ZoneId.of("UTC"));
    assertThat(pt.t("negativesText", "open", 0, "requests", 0, "figures", "x"))
        .contains("0 ainda abertas ·")
        .contains("0 pedidos ·");
    assertThat(pt.t("negativesText", "open", 1, "requests", 1, "figures", "x"))
        .contains("1 ainda aberta ·")
        .contains("1 pedido ·");
    assertThat(pt.t("figures", "csat", "n/d", "rated", 0, "rate", "n/d", "answered", 0, "sent", 0))
        .contains("(0 avaliações)");
  }

  @Test
  void frenchCountsZeroAsOneAndEnglishDoesNot() {
    Words fr = new Words(Catalog.team(), "fr", ZoneId.of("UTC"));
    Words en = new Words(Catalog.team(), "en", ZoneId.of("UTC"));
    assertThat(fr.t("negativesText", "open", 0, "requests", 0, "figures", "x"))
        .contains("0 encore ouverte ·")
        .contains("0 demande ·");
    assertThat(en.t("negativesText", "open", 0, "requests", 0, "figures", "x"))
        .contains("0 requests");
  }

  /**
   * 23:30 UTC on 24 November is already the 25th in Berlin and Tokyo, still the 24th in New York.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | Europe/Berlin | T — Wed, Nov 25, 2026",
        "de | Europe/Berlin | T – Mi., 25. Nov. 2026",
        "fr | Europe/Paris | T — mer. 25 nov. 2026",
        "es | Europe/Madrid | T — mié, 25 nov 2026",
        "pt | America/Sao_Paulo | T — ter., 24 de nov. de 2026",
        "ja | Asia/Tokyo | T — 2026年11月25日(水)",
        "en | America/New_York | T — Tue, Nov 24, 2026",
      })
  void digestDatesPerLanguageInTheTeamsZone(String lang, String zone, String heading) {
    Words w = new Words(Catalog.team(), lang, ZoneId.of(zone));
    assertThat(w.t("digestHeading", "title", "T", "date", LATE)).isEqualTo(heading);
  }

  /**
   * The one-line text phones show for a survey DM and a digest follows each language's punctuation:
   * French puts a space before the colon, Japanese a full-width colon.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | INC-1 · VPN: Did we fix it? How did we do? | Closeloop digest: CSAT 75%",
        "de | INC-1 · VPN: Ist das Problem gelöst? Wie zufrieden | Closeloop-Tagesübersicht: CSAT",
        "fr | INC-1 · VPN : Le problème est-il résolu ? Quelle note | Résumé Closeloop : CSAT",
        "ja | INC-1 · VPN：問題は解決しましたか？対応はいかがでしたか？ | Closeloop ダイジェスト：CSAT",
      })
  void notificationLinesUseTheLanguagesPunctuation(String lang, String survey, String digest) {
    SurveyMessages m =
        new SurveyMessages(new Words(Catalog.requester(Map.of()), lang, ZoneId.of("UTC")));
    SurveyMessages.View v =
        new SurveyMessages.View(7, "INC-1", "VPN", null, "Dana", LATE, Conversation.start(), false);
    assertThat(m.survey(v).fallback()).startsWith(survey);

    Words team = new Words(Catalog.team(), lang, ZoneId.of("UTC"));
    DigestBuilder builder = new DigestBuilder(team, LanguageMark.detected(lang));
    DigestBuilder.Input in =
        new DigestBuilder.Input(
            LATE.minus(Duration.ofDays(1)),
            LATE,
            ZoneId.of("UTC"),
            builder.title(null),
            List.of(),
            List.of(),
            new Figures(0.75, 0.4, 8, 10, 25));
    assertThat(builder.build(in).pages().get(0).fallback()).startsWith(digest);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | America/New_York | was closed on November 24.",
        "en | Europe/Berlin | was closed on November 25.",
        "de | Europe/Berlin | wurde am 25. November geschlossen.",
        "fr | America/Montreal | a été clôturé le 24 novembre.",
        "es | America/Mexico_City | se cerró el 24 de noviembre.",
        "pt | Europe/Lisbon | foi encerrado em 24 de novembro.",
        "ja | Asia/Tokyo | は11月25日にクローズされました。",
      })
  void theRequestersDateIsInTheRequestersZone(String lang, String zone, String expected) {
    Words w = new Words(Catalog.requester(Map.of()), lang, ZoneId.of(zone));
    assertThat(w.t("intro", "hasName", "no", "name", "", "ticket", "INC-1", "closed", LATE))
        .contains(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | 2d 3h | 12m | 1m",
        "de | 2 Tg., 3 Std. | 12 Min. | 1 Min.",
        "fr | 2j 3h | 12min | 1min",
        "es | 2d 3h | 12min | 1min",
        "pt | 2 dias e 3 h | 12 min | 1 min",
        "ja | 2日3時間 | 12分 | 1分",
      })
  void agesInShortUnitsPerLanguage(String lang, String twoDays, String minutes, String oneMinute) {
    Words w = new Words(Catalog.team(), lang, ZoneId.of("UTC"));
    assertThat(w.age(Duration.ofHours(51))).isEqualTo(twoDays);
    assertThat(w.age(Duration.ofMinutes(12))).isEqualTo(minutes);
    // an immediate alert is posted seconds after the answer: "open for 0m" read as a fault
    assertThat(w.age(Duration.ofSeconds(5))).isEqualTo(oneMinute);
    assertThat(w.age(Duration.ZERO)).isEqualTo(oneMinute);
    assertThat(w.age(Duration.ofSeconds(59))).isEqualTo(oneMinute);
  }

  /**
   * French elides "de", "que", "le"... before a vowel ("d'Inês", "d'INC-101"): a name or a ticket
   * id put right after one reads "réponse de Inês", "la clôture de INC-101". The team's French
   * texts word around it ("du ticket {ticket}", "{requester} a répondu").
   */
  @Test
  void frenchTeamTextsPutNoElidingWordBeforeANameOrTicket() {
    java.util.regex.Pattern eliding =
        java.util.regex.Pattern.compile(
            "(?i)(?<![\\p{L}'])(de|que|le|la|je|me|te|se|ne|ce|jusque|lorsque|puisque)\\s+\\{"
                + "(requester|ticket|who|owner|name|assignee|team|title|id|comment|note|request)\\b");
    Catalog team = Catalog.team();
    for (String key : team.keys()) {
      String text = team.bundledText("fr", key);
      assertThat(eliding.matcher(text).find()).as("fr.%s: %s", key, text).isFalse();
    }
    Words fr = new Words(team, "fr", ZoneId.of("Europe/Paris"));
    assertThat(fr.t("requestText", "requester", "Inês Søren", "ticket", "INC-101"))
        .isEqualTo("Inês Søren a demandé ceci dans Closeloop après la clôture du ticket INC-101 :");
    assertThat(fr.t("noteHeading", "finished", "yes", "requester", "Inês Søren", "ticket", "INC-1"))
        .isEqualTo("Enquête Closeloop — Inês Søren a répondu au sujet du ticket INC-1 :");
  }

  /**
   * Japanese sets no half-width space against full-width brackets and punctuation: "（4件中 3件が回答）
   * （サンドボックス…）" read as a gap in the line. Every team text, and the figures with the demo note
   * joined on, as the digest shows them.
   */
  @Test
  void japaneseTeamTextsPutNoSpaceAgainstFullWidthPunctuation() {
    java.util.regex.Pattern gap = java.util.regex.Pattern.compile(" [（「：。、）」]|[（「：。、] ");
    Catalog team = Catalog.team();
    for (String key : team.keys()) {
      String filled = team.format("ja", key, samples(), ZoneId.of("Asia/Tokyo"));
      assertThat(gap.matcher(filled).find()).as("ja.%s: %s", key, filled).isFalse();
    }
    Words ja = new Words(team, "ja", ZoneId.of("Asia/Tokyo"));
    String figures = new Figures(0.5, 0.75, 2, 3, 4).withDemoNotCounted().line(ja);
    assertThat(figures).isEqualTo("CSAT 50%（評価 2件）· 回答率 75%（4件中 3件が回答）（サンドボックスのデモの回答は含みません）");
    Words en = new Words(team, "en", ZoneId.of("UTC"));
    assertThat(new Figures(0.5, 0.75, 2, 3, 4).withDemoNotCounted().line(en))
        .isEqualTo(
            "CSAT 50% (2 rated) · response rate 75% (3 of 4 answered)"
                + " (sandbox demo answers not counted)");
  }

  /**
   * A card names the ticket's assignee ("Assignee: Alex") and, below, who owns the follow-up
   * ("Unowned", "Owner: Sam"): the two labels must not be one word, or the Japanese card read
   * "担当者：Alex" above "担当者なし" (assigned to Alex, and assigned to nobody).
   */
  @ParameterizedTest
  @MethodSource("teamLanguages")
  void theAssigneesLabelIsNotTheOwnersLabel(String lang) {
    Catalog team = Catalog.team();
    String people = team.bundledText(lang, "people");
    String label = people.substring(people.indexOf('·') + 1, people.indexOf("{assignee}"));
    label = label.replaceAll("[\\s:：]", "");
    assertThat(label).as("%s assignee label in %s", lang, people).isNotBlank();
    for (String key : List.of("unowned", "owned", "alreadyOwned", "youOwn")) {
      assertThat(team.bundledText(lang, key)).as("%s.%s", lang, key).doesNotContain(label);
    }
  }

  static Stream<String> teamLanguages() {
    return Languages.BUNDLED.stream();
  }

  private static long keysInFile(String family, String lang) {
    try (var in =
        Catalog.class.getResourceAsStream(
            "/i18n/" + family + "_" + lang.replace('-', '_') + ".properties")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
