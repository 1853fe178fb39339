package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of reply round 7's blind check found misread (docs/negative-detection.md, Round 7),
 * each probed with wordings that are in neither the held-out nor the tuning files: a rule for a
 * class must read the class, not the row that showed it.
 */
class ComplaintClassesTest {
  private static final SentimentClassifier classifier = new SentimentClassifier();

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // works only some of the time
        "en | the vpn works intermittently",
        "en | printing works only sometimes",
        "de | das WLAN funktioniert nur sporadisch",
        "fr | l'imprimante fonctionne une fois sur trois",
        "fr | le wifi marche par intermittence",
        "es | la vpn funciona de vez en cuando",
        "pt | o wifi funciona de vez em quando",
        // the ticket was closed without the requester's confirmation
        "es | por qué cerraron el caso?",
        "pt | por que encerraram o chamado?",
        "fr | pourquoi avoir clôturé la demande ?",
        "de | wieso wurde das Ticket zugemacht?",
        "ja | なぜクローズされたのですか",
        // the fix itself did the damage
        "en | the fix broke my headset audio",
        "en | your update deleted my saved passwords",
        "es | me borraron la carpeta de proyectos",
        // crashes said as an idiom: closes, shuts down, restarts by itself
        "es | Excel se cierra solo cuando abro archivos grandes",
        "en | the laptop shuts down by itself",
        "fr | le pc redémarre tout seul",
        // rude or no explanation
        "es | la técnica fue muy maleducada",
        "es | no me explicaron nada",
        "de | der Techniker hat mir nichts erklärt",
        "ja | サポートの態度が冷たかった",
        "ja | 説明が全くなかった",
        // the fix had no effect
        "de | das Update hat nichts gebracht",
        "de | hat leider nicht geholfen",
        "de | Seit dem Update bekomme ich einen Timeout beim Login",
        // a long time for a small thing
        "pt | duas semanas pra instalar um programa",
        "es | tres semanas para cambiar una pantalla",
      })
  void complaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Without accents a short reply reads as several languages; every candidate's model must agree
   * before the model alone calls it negative, so the class needs a rule in its own language.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "por que cerraron mi caso?? no confirme nada",
        "pq encerraram meu chamado?? nao confirmei",
        "pourquoi vous avez ferme ?? j'ai rien valide",
      })
  void closedWithoutConfirmationIsFoundWithTheLanguageDetected(String comment) {
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the requester's own mistake
        "en | my bad, I had caps lock on",
        "de | Lag an mir, hatte die falsche Adresse eingegeben",
        "es | fue culpa mía, disculpen las molestias",
        "fr | c'était de ma faute, désolé du dérangement",
        "pt | minha culpa, desculpa o incômodo",
        "ja | 原因は私の操作ミスでした、すみません",
        // the requester says the ticket may be closed
        "en | you can close this one",
        "de | Das Ticket kann gerne geschlossen werden",
        "fr | vous pouvez fermer la demande",
        "es | ya pueden cerrar el caso",
        "pt | pode fechar o chamado",
        "ja | チケットはクローズしてください",
        // was about to complain, then it was done
        "de | ich wollte mich gerade beschweren, da war es schon erledigt",
        "es | iba a quejarme, pero ya estaba listo",
        "pt | ia reclamar, mas já estava pronto",
        "fr | j'allais me plaindre mais c'était déjà fait",
        "ja | 文句を言おうとしたら、もう終わっていました",
        // so fast that...
        "es | tan rápido que ni me di cuenta",
        "pt | tão rápido que nem vi",
        "ja | 早すぎてびっくりしました",
        // a build that passes
        "en | pipeline is all green again",
        "de | Tests laufen durch, alles grün",
        "fr | les tests passent, tout est vert",
        "es | los tests pasan, todo en verde",
        "pt | build passou, tudo verde",
        "ja | テストは全部グリーンです",
        // an absence notice
        "de | ab Montag bin ich zwei Wochen im Urlaub",
        "en | FYI I'm on holiday from Friday",
        "fr | je suis en congé demain",
        "es | estaré de vacaciones hasta el lunes",
        "pt | vou estar de férias até sexta",
        "ja | 明日から休暇です",
        // a past problem, now fine
        "fr | c'était lent hier, mais maintenant c'est nickel",
        "ja | 昨日は遅かったけど、今は快適です",
        // handled, formally
        "es | atendido, gracias",
        "pt | atendido, obrigado",
        "fr | traité, merci",
        "de | erledigt, danke",
      })
  void noComplaints(String language, String comment) {
    // the rules say so, and the model cannot overrule them
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  static ComplaintRules.Verdict rulesAlone(String language, String comment) {
    return LanguageRules.of(RuleFile.load(language))
        .judge(CommentText.plain(comment).toLowerCase(Locale.ROOT));
  }
}
