package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentimentClassifierTest {
  private static final SentimentClassifier classifier = new SentimentClassifier();

  @Test
  void negatedNegativeIsNotNegative() {
    assertThat(classifier.isNegative("not bad at all")).isFalse();
    assertThat(classifier.isNegative("Not a problem, it works fine now")).isFalse();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | the webcam image is blurry and dark",
        "de | der Beamer im Raum B zeigt nur Streifen",
        "pt | o projetor da sala B só mostra listras",
      })
  void theModelFindsComplaintsTheRulesHaveNoWordFor(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  @Test
  void whatTheRulesCallResolvedStaysResolvedWhateverTheModelSays() {
    String comment = "Der Beamer im Raum B zeigt wieder ein Bild, funktioniert";
    String plain = CommentText.plain(comment).toLowerCase(Locale.ROOT);
    assertThat(ComplaintModels.bundled().of("de").probability(plain))
        .isGreaterThanOrEqualTo(SentimentClassifier.MODEL_THRESHOLD);
    assertThat(rulesAlone("de", comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);

    assertThat(classifier.isNegative(comment, "de")).isFalse();
  }

  private static ComplaintRules.Verdict rulesAlone(String language, String comment) {
    return LanguageRules.of(RuleFile.load(language))
        .judge(CommentText.plain(comment).toLowerCase(Locale.ROOT));
  }

  @Test
  void middlingScoreWithAComplaintIsNegative() {
    assertThat(classifier.isNegative("3 — still can't print")).isTrue();
    assertThat(classifier.isNegative("3 - still cannot print")).isTrue();
  }

  @Test
  void politeThanksDoNotHideSomethingStillBroken() {
    assertThat(classifier.isNegative("Thanks for the quick reply, but it's still not working"))
        .isTrue();
  }

  @Test
  void sarcasmIsNegative() {
    assertThat(classifier.isNegative("great, now it's broken again")).isTrue();
    assertThat(classifier.isNegative("Works great since the “fix”... not")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@everyone",
        "@here thanks",
        "<!here>",
        "<@U024BE7LH>",
        "<@!123456789012345678> cheers",
        "https://intranet.example.com/kb/still-broken-printer",
        "<https://example.com/a|the wiki page>",
        "#4411",
        "👍",
        "🤷",
      })
  void chatMarkupLinksAndEmojiAloneAreHarmless(String comment) {
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  @Test
  void aLabelledLinkWithAComplaintBesideItIsStillReadAsOne() {
    // round 15: a link alone, its label included, is no reply; the words beside it are
    assertThat(classifier.isNegative("<https://example.com/a|the wiki page>", "en")).isFalse();
    assertThat(classifier.isNegative("<https://example.com/a|the wiki page> did not help at all"))
        .isTrue();
    assertThat(classifier.isNegative("tried <https://example.com/a|this>, still broken", "en"))
        .isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t", "\u200B\u200D", "\uFEFF"})
  void nullAndBlankAreNotNegative(String comment) {
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  @Test
  void oddUnicodeDoesNotThrow() {
    List<String> odd =
        List.of(
            "\uD800",
            "\uDC00 broken",
            "Z̷̢̛a̵l̸g̶o̴ ̷t̸e̷x̸t̵",
            "👩‍💻👨‍👩‍👧‍👦🏳️‍🌈",
            "\u202Eton gnikrow\u202C",
            "ｆｕｌｌｗｉｄｔｈ ｓｔｉｌｌ ｂｒｏｋｅｎ",
            "\u0000\u0007\u001B[31m",
            "'''\"\"\"***",
            "* * * *",
            "¯\\_(ツ)_/¯");
    for (String comment : odd) {
      classifier.isNegative(comment);
    }
    assertThat(classifier.isNegative("ｆｕｌｌｗｉｄｔｈ ｓｔｉｌｌ ｂｒｏｋｅｎ")).isTrue();
  }

  @Property(tries = 500)
  void anyStringIsJudgedWithoutThrowing(@ForAll String comment) {
    classifier.isNegative(comment);
  }

  @Test
  void veryLongCommentsAreJudgedOnTheirStart() {
    String longPraise = "thanks, works great. ".repeat(50_000);
    assertThat(classifier.isNegative(longPraise)).isFalse();
    assertThat(classifier.isNegative("Still broken. " + longPraise)).isTrue();
  }

  @Test
  void otherLanguagesUseTheirOwnPhrases() {
    assertThat(classifier.isNegative("Das Programm stürzt immer noch ab, funktioniert nicht"))
        .isTrue();
    assertThat(classifier.isNegative("Ça ne marche pas")).isTrue();
    assertThat(classifier.isNegative("La impresora no funciona")).isTrue();
  }

  @Test
  void wordsThatAreNegativeInAnotherLanguageDoNotCount() {
    // "die" and "no" read as complaints in English; these are German and Spanish good news.
    assertThat(classifier.isNegative("Die Tastatur geht wieder, danke")).isFalse();
    assertThat(classifier.isNegative("Ya no se cuelga, gracias")).isFalse();
  }

  @Test
  void operatorPhrasesApplyOnTopOfTheBuiltInOnes() {
    var tuned = new SentimentClassifier(List.of("vpn * again"), List.of("kill the process"));
    assertThat(tuned.isNegative("VPN acting up again")).isTrue();
    assertThat(tuned.isNegative("I had to kill the process, then it worked")).isFalse();
    assertThat(tuned.isNegative("not bad at all")).isFalse();
  }

  @Test
  void operatorPhraseWithoutAWordIsRejected() {
    assertThatThrownBy(() -> new SentimentClassifier(List.of("* *"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("* *");
  }

  @Test
  void givesTheSameAnswersFromManyThreads() {
    List<String> comments =
        CommentLanguage.LANGUAGES.stream()
            .flatMap(language -> SentimentEvaluationTest.tuning(language).stream())
            .map(LabelledComments::text)
            .toList();
    List<Boolean> sequential = comments.stream().map(classifier::isNegative).toList();
    for (int round = 0; round < 5; round++) {
      List<Boolean> parallel = comments.parallelStream().map(classifier::isNegative).toList();
      assertThat(parallel).isEqualTo(sequential);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the dock never charges my phone",
        "Outlook won't sync the shared inbox",
        "nobody has rung me back",
        "no difference after the driver update",
        "mouse works, keyboard doesn't",
        "the warning shows up every single morning",
        "my headset drops the connection yet again",
        "Thanks for trying, but the projector keeps flickering",
        "Fantastic, it deleted my desktop shortcuts",
        "We waited three weeks for a charger",
        "Der Scanner druckt weiterhin nur leere Seiten",
        "Le wifi ne fonctionne plus depuis hier",
        "Sigo esperando, la pantalla se queda en negro otra vez",
      })
  void generalRulesCatchComplaintsNoPhraseLists(String comment) {
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no more crashes since the new driver",
        "the screen hasn't flickered once since",
        "It was freezing all week, but now it runs smoothly",
        "I will reopen it if the error comes back",
        "Great, thanks a lot",
        "Kein Absturz mehr, danke",
        "Plus de plantage depuis la mise a jour",
        "Ya no falla la impresora, gracias",
      })
  void negatedProblemsConditionsAndLaterResolutionAreNotNegative(String comment) {
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  @Test
  void theWritersLocaleChoosesTheRules() {
    assertThat(classifier.isNegative("sigue sin funcionar", "es")).isTrue();
    assertThat(classifier.isNegative("continua sem funcionar", "pt-BR")).isTrue();
    assertThat(classifier.isNegative("まだ直ってません", "ja_JP")).isTrue();
    assertThat(classifier.isNegative("tudo certo, valeu!", "pt")).isFalse();
  }

  @Test
  void anUnbundledLocaleFallsBackToTheDetectedLanguage() {
    assertThat(classifier.isNegative("Die Tastatur geht immer noch nicht", "it")).isTrue();
    assertThat(classifier.isNegative("Die Tastatur geht immer noch nicht", null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"まだ直ってません", "前と同じエラーが出ます", "全然動きません"})
  void japaneseIsReadWithoutSpaces(String comment) {
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"悪くなかったです、ありがとう", "すべて問題ありません", "不満はありません"})
  void japaneseNegatedComplaintsAreNotNegative(String comment) {
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Kalender synchronisiert immer noch nicht",
        "uh no, it's still doing it",
        "nobody showed up for the appointment",
        "zum Termin ist niemand gekommen",
        "ninguém apareceu no horário marcado"
      })
  void persistenceOrANobodyIsAComplaintWithoutAListedProblemWord(String comment) {
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Can I get the same setup on my second laptop?",
        "okta works again, thanks",
        "la VPN va estable desde ayer",
        "o Outlook voltou a abrir normal"
      })
  void persistenceInAQuestionOrAboutSomethingWorkingIsNotNegative(String comment) {
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  @Test
  void universalSignalsApplyWhateverTheLanguage() {
    assertThat(classifier.isNegative("👎", "ja")).isTrue();
    assertThat(classifier.isNegative("2/5", "de")).isTrue();
    assertThat(classifier.isNegative("🙄 super", "fr")).isTrue();
  }
}
