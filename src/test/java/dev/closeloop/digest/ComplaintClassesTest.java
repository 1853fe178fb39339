package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of reply round 7's to 15's blind checks found misread (docs/negative-detection.md,
 * Rounds 7 to 15, and After round 15), each probed with wordings that are in neither the held-out
 * nor the tuning files: a rule for a class must read the class, not the row that showed it.
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
        // round 8: a device acting up ("spinnt"), back again or for good
        "de | seit gestern spinnt der Drucker wieder",
        "de | der Monitor spinnt total",
        "de | Outlook spinnt seit dem Update",
        // round 8: "resolved?" answered with a no
        "fr | résolu ? pas vraiment.",
        "pt | resolvido só se for na teoria",
        // round 8: the fix lasted hours; the thing "did not even notice" the change
        "es | la conexión duró arreglada una tarde",
        "es | cambiaron la configuración pero el portátil ni se enteró",
        "es | actualizaron el driver y la impresora ni se enteró",
        // round 8: cannot change something ("não consigo trocar"); an unwilling, harsh manner
        "pt | não consigo trocar a foto do perfil",
        "pt | atendimento com má vontade",
        "ja | 担当者の言い方がきつくて嫌でした",
        // round 8: can no longer see, twice the time
        "ja | 共有フォルダが見られなくなりました",
        "ja | ログインに倍の時間がかかります",
      })
  void complaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Without accents a short reply reads as several languages; until round 10 every candidate's
   * model had to agree before the model alone called it negative, so the class got a rule in its
   * own language.
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

  /**
   * Round 8: process complaints typed without accents (nobody came back, a useless or wrong
   * article, explaining again, sent from one service to another, days without, too long) that only
   * the model of their language caught, so that with the language detected they were missed; the
   * rules of their language now read them.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | quedaron en escribirme y hasta hoy nada",
        "es | la guia que me pasaron no tiene nada que ver con lo que pedi",
        "es | llevo desde ayer sin internet en la oficina",
        "es | el teams se congela cada rato",
        "es | tardaron tanto que al final lo arreglo mi jefe",
        "pt | o chamado foi encerrado sem me perguntar",
        "pt | iam mandar um tecnico e nada ate agora",
        "pt | o manual que enviaram e de outra versao do sistema",
        "fr | obligee de reexpliquer tout au deuxieme technicien",
        "fr | on me balade d un service a l autre",
        "fr | la connexion a tenu deux jours",
        "fr | outlook replante toutes les heures",
        "en | support was really condescending on the phone",
        "de | die Anleitung hilft null",
      })
  void processComplaintsAreFoundWithTheLanguageDetected(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  /**
   * Round 10: a complaint without accents that only its language's model reads (no rule has a word
   * for it) reads as several languages to the detector, and was missed when every candidate's model
   * had to agree (round 10's first run: fr, es and pt recall 0.65, 0.60, 0.70 detected). The model
   * of the candidate whose tuning comments share most of the reply's features now decides.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | el portatil va lentisimo desde la actualizacion",
        "es | me dejaron sin correo toda la tarde",
        "pt | o notebook ficou lento demais depois da atualizacao",
        "fr | le portable rame depuis la mise a jour",
        "fr | j'ai pas eu mes mails de tout l'apres midi",
      })
  void aComplaintOnlyItsLanguagesModelReadsIsFoundWithTheLanguageDetected(
      String language, String comment) {
    assertThat(CommentLanguage.candidates(comment, SentimentClassifier.CANDIDATE_SHARE))
        .hasSizeGreaterThan(1)
        .contains(language);
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  /**
   * Round 10: "the ticket says resolved" and the writer disagrees. The resolution is what the
   * ticket said, not a result, so the rules no longer call the reply resolved (a veto the model may
   * not overrule: it was 0.93-0.99 sure of round 10's four such replies) and the model reads it.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | das System sagt erledigt, der Drucker sieht das ganz anders",
        "fr | le mail dit que c'est regle, mon ecran dit le contraire",
        "es | el correo dice solucionado, mi impresora opina lo contrario",
        "pt | o email diz resolvido, a impressora discorda totalmente",
      })
  void aResolutionTheTicketReportsIsNoResolution(String language, String comment) {
    // no "resolved" veto; since round 11 the German and Portuguese rules read the disagreement
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** The English rules read it too; the English model is not sure of this one (what is left). */
  @Test
  void aResolutionTheTicketReportsIsNoResolutionInEnglish() {
    assertThat(rulesAlone("en", "portal says fixed. my printer begs to differ"))
        .isEqualTo(ComplaintRules.Verdict.UNKNOWN);
  }

  /** Only the first resolution after the reporting word is reported; the writer's own stands. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | il dit que c'est regle et effectivement ca marche",
        "pt | o tecnico diz que resolveu e funcionou mesmo",
        "es | el tecnico dice que ya esta arreglado y si, funciona",
      })
  void aResolutionAfterTheReportedOneIsTheWritersOwn(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 10: a "solution" or "fix" in scare quotes, in every language and in each language's
   * quotation marks (straight, curly, German „…“, French « … », Japanese 「…」), says it fixed
   * nothing; until round 10 the signal read only English fix words and German 'gelöst' in straight
   * or English curly quotes.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cheers for the “solution” i guess",
        "danke für die „Lösung“, jetzt darf ich alles neu einrichten",
        "tolle 'Lösung' übrigens",
        "merci pour la « solution », je dois tout reconfigurer",
        "gracias por la 'solucion', me toca configurar todo desde cero",
        "valeu pela “solução”, vou ter que configurar tudo do zero",
        "「修正」ありがとうございました、全部設定し直しです",
      })
  void aSolutionInScareQuotesIsNegativeInEveryLanguage(String comment) {
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  /** The same words without quotes are no signal. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "the solution worked, thanks",
        "la solution proposee marche tres bien",
        "修正ありがとうございました、問題なく動いています",
      })
  void aSolutionWithoutQuotesIsNoSignal(String comment) {
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  /**
   * Round 10, Japanese: a problem that came back (直ったと思ったら), can no longer (できなくなり, beside round
   * 8's られなくなり), a sigh at the requester, condescension, "unpleasant": read by the rules, not left
   * to the model (which missed round 10's ため息 and 復活 replies).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "直ったと思ったら、午後にはマウスがカクカクし始めた",
        "アップデートしたら今度はVPNに接続できなくなりました",
        "窓口の人に質問したら、ため息をつかれました",
        "サポートの方の上から目線な話し方が気になりました",
        "担当者の態度が不快でした",
      })
  void japaneseRecurrenceAndRudenessAreComplaints(String comment) {
    assertThat(rulesAlone("ja", comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, "ja")).isTrue();
  }

  /**
   * Round 10: "I don't know yet, I haven't tried it from home" is pending, not "still broken" (4 of
   * round 10's six were false alarms: the persistence word, or the negated "tried"); "nothing else
   * troubles me" in Japanese is good news.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ja | まだ自宅で試していないので、後で確認します",
        "ja | 今困っていることは特にないです",
        "fr | je sais pas encore, j'ai pas teste depuis la maison",
        "es | aun no se, no he probado desde el portatil",
        "pt | ainda nao sei, nao testei no celular",
      })
  void notTriedYetIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** A complaint beside "not tried yet" is still a complaint. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | j'ai pas encore teste mais l'imprimante bourre toujours",
        "es | no probe todavia, pero la impresora sigue sin imprimir",
        "pt | nao testei ainda mas a impressora continua travando",
      })
  void aComplaintBesideNotTriedYetIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 10: complaints a resolution or an absence notice in the same reply hid: nothing was done
   * while I was away (es, pt: "de vacaciones" is an absence notice), the fix lasted a day (es),
   * "not serious" after "it is fixed" (fr), a so-called solution (es "supuesta", now a determiner:
   * the solution named, no result).
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | me fui de vacaciones y al volver vi que no hicieron nada",
        "pt | tirei ferias e quando voltei vi que nao fizeram nada",
        "es | funciono un dia y despues se colgo como siempre",
        "fr | c'est regle mais votre accueil au telephone c'est pas serieux",
        "fr | tout est resolu, mais c'etait pas serieux du tout",
        "es | la supuesta solucion consistio en formatear el equipo",
      })
  void aComplaintBesideAResolutionOrAnAbsenceIsFound(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 10: "n'a pas bronché" (did not flinch) is good news, and a plain solution stays one. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | le nouveau portable n'a pas bronche de la journee",
        "es | la solucion que me dieron funciono perfecto",
      })
  void didNotFlinchIsGoodNews(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Help that came to the desk: the English model read "the technician came to my desk within the
   * hour" as a complaint (0.95, with the locale known since before round 10: "came" is mostly
   * "nobody came" and "came back" in its rows); the end-to-end survey test met it once the language
   * detected was read by the English model alone (round 10).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "The technician came to my desk within the hour",
        "a colleague from IT came to my desk this morning",
      })
  void helpThatCameToTheDeskIsNoComplaint(String comment) {
    assertThat(classifier.isNegative(comment, "en")).isFalse();
    assertThat(classifier.isNegative(comment)).isFalse();
  }

  /** A visit that did not happen, or did nothing, is still a complaint. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "nobody came to my desk, the ticket was just closed",
        "someone came by but the printer still jams",
        "promised a visit within the hour and nobody showed",
      })
  void aVisitThatDidNotHappenOrDidNothingIsAComplaint(String comment) {
    assertThat(classifier.isNegative(comment, "en")).isTrue();
  }

  /** Round 10: the same choice of model leaves good news without accents alone. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "la camara ya se ve bien, mil gracias",
        "a camera ja ta funcionando, valeu",
        "merci, la camera marche nickel",
      })
  void goodNewsWithoutAccentsStaysGoodWithTheLanguageDetected(String comment) {
    assertThat(CommentLanguage.candidates(comment, SentimentClassifier.CANDIDATE_SHARE))
        .hasSizeGreaterThan(1);
    assertThat(classifier.isNegative(comment)).isFalse();
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
        // round 8: the requester's own mistake, a false alarm
        "en | turns out I was the problem 😅 wrong password",
        "de | war mein Fehler, hatte das WLAN ausgeschaltet",
        "fr | fausse alerte, désolé, c'était débranché",
        "pt | falha minha, tinha esquecido a senha nova",
        "ja | モニターの電源が抜けていただけみたいです",
        // round 8: the ticket may be closed, formally
        "ja | チケットは終了していただいて構いません",
        // round 8: a wait, then everything back in order
        "fr | le réseau est rentré dans l'ordre après la coupure de ce matin",
      })
  void noComplaints(String language, String comment) {
    // the rules say so, and the model cannot overrule them
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 8: words that read as a complaint but are none here: a surprise ("je m'attendais pas à ce
   * que ça marche…"), "da outra vez" (last time, not again), a freeze that stopped
   * ("フリーズしなくなりました").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | je m'attendais pas à ce que ça marche aussi vite",
        "pt | bem melhor que da outra vez, obrigado",
        "ja | ブラウザもフリーズしなくなって快適",
        "ja | Teamsがフリーズしなくなりました、助かります",
      })
  void notComplaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 9: a resolution word negated ("not ok", "nicht in Ordnung") is a complaint, not a
   * resolution; a resolution word in scare quotes in German ("'gelöst'") as in English.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | sorry but a week without my laptop is not ok",
        "de | so ist das nicht in Ordnung",
      })
  void negatedResolutionsAreComplaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 9: good news the rules now read as such, which the model does not overrule: a problem
   * said not to recur ("the error hasn't shown up since"), what was expected to take long ("I
   * thought it would take weeks"), "it was not urgent", a wait and then no hitch, and Japanese
   * problems said not to happen ("固まってない", "起きていません").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | der Fehler ist seit Montag nicht mehr aufgetaucht",
        "fr | l'erreur n'est jamais revenue depuis lundi",
        "es | el error no ha vuelto desde el lunes",
        "pt | o erro nunca mais apareceu desde segunda",
        "en | the error hasn't showed up since tuesday",
        "de | alles gut, war nicht dringend",
        "fr | merci, c'était pas urgent",
        "es | gracias, no era urgente",
        "pt | tranquilo, nem era urgente",
        "fr | deux jours d'attente, mais installé sans accroc",
        "de | lange gewartet, dann lief alles reibungslos",
        "ja | 今はアプリが固まってないので大丈夫です",
        "ja | その後エラーは起きていません",
        "ja | 特に困ってなかったので大丈夫です",
      })
  void round9GoodNewsIsResolved(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 9: what was expected ("I thought it would take weeks") is no complaint. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | pensaba que tardaría semanas y fue en un rato",
      })
  void whatWasExpectedIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 9: a German resolution word in scare quotes, as "the 'fix'" in English. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | Status steht auf 'gelöst'. Interessant.",
        "de | danke für das \"gelöst\", geht trotzdem",
      })
  void aScareQuotedResolutionIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 11: the device disagrees with a resolution the ticket reported (round 10's class). With
   * round 11's rows the German model no longer read "sieht das anders" as a complaint (0.61), and
   * the English model never read "disagrees" (0.42): the rules now do.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | laut Ticket erledigt, mein PC sieht das leider anders",
        "en | the portal says sorted, my laptop disagrees",
      })
  void theDeviceDisagreesWithTheReportedResolution(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 11: a question about what the writer should do or may have next ("do I need to restart
   * again?", "¿tengo que hacer lo mismo en…?"): five of six were called complaints, by the model or
   * by the rules' "again". It opens with a {@code [next step]} entry, or in Japanese asks whether
   * something is needed (必要ですか).
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | quick question, do I need to reboot again after the patch?",
        "en | can i get the same docking station again for my home office?",
        "de | muss ich das Passwort auf dem Handy nochmal neu eingeben?",
        "es | ¿tengo que reiniciar otra vez después de la actualización?",
        "es | ¿tengo que volver a configurar la impresora en el otro portátil?",
        "pt | preciso reiniciar de novo depois da atualização?",
        "pt | posso pedir outro mouse igual?",
        "ja | 新しいスマホでもまた認証の設定が必要ですか？",
      })
  void aQuestionAboutTheNextStepIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 11, guards: a next-step question with a complaint in it or after it, or asked "why", is
   * still a complaint.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | do I need to restart again? it still crashes every hour",
        "en | why do I need to reboot again every morning?",
        "en | do i need to restart again because outlook crashed?",
        "de | muss ich jetzt jeden Tag neu starten, weil es immer noch abstürzt?",
        "de | warum muss ich das jedes Mal neu melden?",
        "ja | 自宅のPCでも同じ設定が必要ですか？まだ直ってないです",
      })
  void aNextStepQuestionBesideAComplaintIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 11: the fix broke something else in exchange ("Outlook geht wieder, dafür ist jetzt mein
   * Kalender leer"): "geht wieder" made the reply resolved. "dafür" as "for it" after thanks stays
   * good news.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | Drucker geht wieder, dafür ist jetzt der Scanner tot",
        "de | WLAN läuft, dafür ist mir jetzt das Headset abgeschmiert",
      })
  void aFixThatBrokeSomethingElseIsAComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | danke dafür, jetzt läuft alles",
        "de | Danke dafür! Jetzt ist alles wieder gut",
      })
  void thanksForItIsNoTradeOff(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 11: annoyed at first, then praise ("最初はイライラしましたが、しっかり対応していただきました", "al principio estaba
   * un poco molesto pero…"); the praise aside "not the fastest, but…".
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ja | 最初はイライラしましたが、丁寧に説明してもらえて納得です",
        "es | al principio estaba algo mosqueada pero me lo resolvieron genial",
        "en | not the fastest fix ever, but the tech was lovely, thanks",
      })
  void annoyanceAtFirstThenPraiseIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 11, guards: the annoyance over, but the problem not. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ja | 最初はイライラしましたが、結局まだ直っていません",
        "es | al principio estaba molesto pero sigue sin funcionar",
        "en | not the fastest, and it still crashes",
      })
  void annoyanceAtFirstAndStillBrokenIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 11: "again" about working, not about the fault: "c'est reparti, merci" (running again;
   * "c'est reparti" alone was a complaint, for "and off it goes again"), "Perfecto, ya estoy
   * trabajando otra vez" (read as sarcasm: an opener, then "otra vez").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | c'est reparti après le redémarrage, merci Julie",
        "es | genial, ya estoy trabajando otra vez con el portátil nuevo, gracias",
      })
  void workingAgainIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 11, guards: the fault again. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | ça a marché deux heures et c'est reparti",
        "fr | c'est reparti pour un tour, l'écran clignote",
        "es | otra vez trabajando con el portátil viejo porque el nuevo no arranca",
        "es | perfecto, otra vez sin conexión",
      })
  void theFaultAgainIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 11: Portuguese "perda de tempo" (waste of time, which en, de, fr and es had) after a
   * resolution; the fix removing the writer's things (round 7's class, "removed all my").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pt | resolvido sim, mas foi uma perda de tempo pra mim",
        "en | the patch removed all my saved wifi networks",
      })
  void wastedTimeAndRemovedThingsAreComplaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 11: doing the same thing on another device is a step, not the same fault. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pt | posso fazer a mesma coisa no tablet?",
      })
  void doingTheSameThingIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 11, guard: the same fault. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pt | continua a mesma coisa no tablet",
      })
  void theSameFaultIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 12: praise said with a negator was a complaint: never so fast ("So schnell wurde das noch
   * nie gelöst", "Jamais vu ça réglé aussi vite", "Nunca me lo habían resuelto tan rápido", "Nunca
   * me resolveram nada tão rápido"), not expecting it so soon ("No esperaba que me llamaran tan
   * pronto", "Não esperava que me ligassem tão cedo"), no need to call ("Não precisa entrar em
   * contato"): the negator was read as negating the resolution or the function.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | So schnell hat mir noch nie jemand geholfen, danke",
        "fr | Jamais eu une réponse aussi vite, merci",
        "es | Nunca antes me habían resuelto tan rápido, gracias",
        "pt | Nunca vi resolverem tão rápido, valeu",
        "es | No esperaba que lo solucionaran en una hora, gracias",
        "pt | Não esperava que resolvessem hoje mesmo, obrigado",
        "pt | Não precisa ligar pra mim, o login já entra normal",
      })
  void praiseSaidWithANegatorIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 12, guards: the praise beside a complaint, the negator on the fix, the fault expected.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | Antwort kam so schnell wie noch nie, aber der Drucker druckt immer noch nicht",
        "fr | jamais eu une réponse aussi vite, et pourtant rien ne marche",
        "es | Nunca me lo habían resuelto tan rápido, lástima que ya no funciona otra vez",
        "pt | nunca resolveram, só fecharam o chamado",
        "es | No esperaba que siguiera igual después de una semana",
        "pt | Não esperava que continuasse travando depois da troca",
        "pt | não precisa fechar, ainda não funciona",
      })
  void praiseWithANegatorBesideAComplaintIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 12: good news in words that are complaints elsewhere, colloquial or regional: "Nix mehr
   * kaputt" (Bavarian and Austrian "nix"), "Hat ein paar Tage gedauert, aber jetzt geht's" (took a
   * while, works now: "jetzt geht's" was no resolution), "no harm done", "不満は特にないです",
   * "もう壊れてるところはないです", "紙詰まりも一回もない", Kansai-ben "一回も切れへんかった" (the negation "へん").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | Nix is mehr kaputt, passt scho",
        "de | Zwei Wochen gewartet, aber jetzt geht's, danke",
        "en | all back up after the reboot, no harm done",
        "ja | 不満は全然ないです、ありがとう",
        "ja | 壊れたところはないよ、ありがとう",
        "ja | 紙詰まりは一回もないです",
        "ja | 昨日から回線ぜんぜん切れへん、助かったわ",
        "ja | 今朝から一回も切れへんで、ありがとう",
      })
  void goodNewsInComplaintWordsIsResolved(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 12, guards: the same words beside or about a fault. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | nichts geht mehr, alles kaputt",
        "de | Zwei Wochen gewartet, jetzt geht's, aber nur halb",
        "de | Zwei Wochen gewartet und jetzt geht's schon wieder nicht",
        "en | no harm done, but the printer still jams",
        "ja | 不満はないけど、まだ直ってないです",
        "ja | 壊れたところはまだ直ってない",
        "ja | 一回もないはずのエラーがまた出た",
        "ja | また切れた、全然直ってへん",
        "ja | 一回も直ってへん",
      })
  void complaintWordsAboutAFaultAreAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 12: a resolution the rest of the reply undoes was read as resolved: worked, then back to
   * the start ("It was working at 9, by lunch I was back to square one", "Um neun ging's, zu Mittag
   * war ich wieder am Anfang", "À 9h ça marchait, à midi retour à la case départ"), one thing
   * sorted and the other "exactly where it was", a resolution others keep telling the writer about
   * ("ya van tres veces que me dicen que está arreglado y no": es [reporting] "dicen").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | fine this morning, back to square one after lunch",
        "en | sorted the mail but the calendar is exactly where it was last week",
        "de | Mittags lief's, abends stand ich wieder am Anfang",
        "fr | Réglé hier soir, ce matin retour case départ",
        "es | Me dicen que ya está solucionado y la verdad es que no",
      })
  void aResolutionTheRestUndoesIsNoResolution(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 12, guards: the same words about good news. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | back to normal, thanks",
        "en | left everything exactly where it was and it works now, thanks",
        "de | Lief dann gleich wieder, am Anfang war ich skeptisch",
        "fr | au départ j'étais sceptique mais c'est réglé, merci",
        "es | Me dicen que ya está solucionado y sí, ya funciona todo, gracias",
      })
  void theSameWordsAboutGoodNewsAreNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 12: being passed between teams ("Got passed from the network team to desktop support and
   * back again…") was read as resolved: "back" is a resolution word in English ("it's back").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | Sent to the Mac team and back again, calendar same as Monday",
        "en | went back and forth between two teams for a week",
      })
  void passedBetweenTeamsIsAComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 12, guard: a thing that is back. */
  @Test
  void somethingBackAgainIsGoodNews() {
    assertThat(classifier.isNegative("my old settings are back again, perfect", "en")).isFalse();
  }

  static ComplaintRules.Verdict rulesAlone(String language, String comment) {
    return LanguageRules.of(RuleFile.load(language))
        .judge(CommentText.plain(comment).toLowerCase(Locale.ROOT));
  }

  /**
   * Review of round 12's rules: "一回もない" alone (not once) read "連絡が一回もない" (not one call back) as
   * good news, as "紙詰まりも一回もない" is; and "back and forth" made a complaint of a reply whose clause
   * after the "but" says it is sorted.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ja | 連絡が一回もないです",
        "ja | 折り返しの電話が一回もない",
      })
  void notOnceContactedIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | a bit of back and forth but sorted now, thanks",
        "en | some back and forth, but it works fine now",
      })
  void backAndForthConcededBeforeAButIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Guards: back and forth with nothing sorted after it, and a jam that never happens. */
  @Test
  void backAndForthThenStillBrokenIsAComplaintAndNoJamIsNot() {
    assertThat(classifier.isNegative("lots of back and forth, but still no vpn", "en")).isTrue();
    assertThat(classifier.isNegative("back and forth for a week and nothing works", "en")).isTrue();
    assertThat(classifier.isNegative("紙詰まりは一回もないです、ありがとう", "ja")).isFalse();
  }

  /**
   * Round 13: a fix word struck through in chat markup takes the fix back ("~~résolu~~ non",
   * "~~resuelto~~ pues no", "~~resolvido~~ só que não"): the markup stays in the plain form, and
   * the rules read the struck word as a resolution.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | ~~solved~~ lol",
        "de | ~~behoben~~ tja",
        "fr | ~~réglé~~ bof",
        "es | ~resuelto~ jaja",
        "pt | ~~consertado~~ kkk",
        "ja | ~~完了~~ 笑",
      })
  void aStruckThroughFixIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
    assertThat(classifier.isNegative(comment)).isTrue();
  }

  /** Round 13, guards: the struck-through word is the fault, or tildes strike nothing. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | ~~broken~~ fixed, thanks!",
        "en | fixed~ thanks~~",
        "fr | réglé ~ merci ~",
        "ja | 直りました~ ありがとう~~",
      })
  void struckThroughFaultIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 13: a reply written in English to a survey in another language ("sorry for English – the
   * scanner still not sending to email" with the locale de) was read by the locale's rules and
   * model alone, which have no word of it: four of five were missed.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | sorry, writing in English: the docking station still does not detect my monitor",
        "fr | my French is not great, but outlook keeps crashing since yesterday",
        "es | sorry, english only: my laptop still will not boot",
        "pt | sorry for the English, the vpn still disconnects every hour",
        "ja | Sorry for English. The printer is still not working.",
      })
  void anEnglishComplaintUnderAnotherLocaleIsAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 13, guards: English good news under another locale, and the locale's own words. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | sorry for the English, all working now, thanks!",
        "fr | works perfectly now, thank you so much",
        "es | everything is fine now, thanks a lot",
        "pt | tudo funcionando, obrigado",
        "ja | All good now, thank you!",
      })
  void englishGoodNewsUnderAnotherLocaleIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 13: a resolution about another time or other things was read as this problem's: "Beim
   * letzten Mal hat das Team in Hamburg das in einem Tag gelöst, diesmal drei Wochen", "la dernière
   * fois l'équipe de Lyon a réglé ça en une journée", "da última vez a equipe de Lisboa resolveu em
   * um dia", "…the monitor still goes black… Otherwise all good". [elsewhere]: a resolution after
   * "last time" or "otherwise" in its clause does not count.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | last time you guys sorted it within a day, this time three weeks",
        "de | Beim letzten Mal lief das sofort wieder, jetzt warte ich seit Montag",
        "fr | la dernière fois c'était réglé en une heure, cette fois dix jours",
        "es | la otra vez me lo arreglaron en una hora, ahora ya van dos semanas",
        "pt | da última vez resolveram em uma hora, agora foram duas semanas",
        "en | the laptop still overheats when charging. otherwise all good, thanks",
        "de | Der Akku hält immer noch keine Stunde. Ansonsten läuft alles",
        "fr | l'imprimante bourre encore le papier. sinon tout marche, merci",
        "es | la impresora sigue atascando el papel. por lo demás todo funciona, gracias",
        "pt | a impressora continua travando o papel. fora isso tudo funcionando, obrigado",
      })
  void aResolutionOfAnotherTimeOrThingIsNotThisOne(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 13, guards: the resolution before "last time" or "otherwise", or nothing after it. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | works now, much quicker than last time",
        "en | fixed, otherwise nothing to add, thanks",
        "de | Läuft wieder, ansonsten keine Wünsche",
        "fr | réglé, sinon rien à signaler",
        "es | ya funciona, por lo demás muchas gracias",
        "pt | resolvido, fora isso nada, obrigado",
      })
  void aResolutionBeforeAnotherTimeOrThingStands(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 13: a complaint told and then taken back ("…nobody answered the phone for hours. But Dan
   * came by this morning, sorted everything… all ok now", pt "demoraram uns dias pra agendar, mas …
   * está perfeita agora", ja "…イライラしていました。でも今朝…今は問題ありません"): a [negative] phrase before the last
   * contrast word decided although what follows it says it is resolved.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | I was locked out all of Tuesday and fuming. But Priya sorted it this morning, all fine"
            + " now",
        "pt | fiquei dias pra conseguir atendimento, mas agora está tudo funcionando, obrigado",
        "ja | 昨日は何度も切れてイライラしました。でも今日全部直してもらって、今は問題ありません",
      })
  void aComplaintTakenBackAfterAContrastIsResolved(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 13, guards: what follows the contrast is itself a complaint, or no resolution. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | it works now, but nobody called me back",
        "en | I was locked out for two days, but thanks anyway",
        "pt | fiquei dias pra ser atendido, mas nada funciona ainda",
        "ja | 直りました。でも、また何度も切れています",
      })
  void aContrastFollowedByNoResolutionStaysAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 13: good news in words the rules lacked: a resolution ("the docking station is behaving
   * now", "jetzt passt alles", "ya va perfecta", "ya todo ok", "está perfeita agora") after a wait
   * the rules read as the complaint; a problem no more in words the rules lacked ("ne fait plus de
   * caprices", "ya no salen pantallazos azules", "一度もフリーズしていません", "このまま続きますように"); "mucho más rápido
   * que el soporte de antes" ("de antes" read as "the same as before").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | took ages to get an appointment but the scanner is behaving now",
        "de | Zwei Wochen gewartet, aber jetzt passt es",
        "es | tardaron una semana, pero ya va todo perfecto",
        "pt | demorou uma semana, mas agora está perfeito",
        "fr | l'écran ne fait plus de caprices, merci",
        "es | ni un pantallazo azul desde el lunes",
        "ja | 昨日からフリーズしていません",
        "ja | このまま続くといいな、ありがとう",
        "es | mucho más rápido que el servicio de antes, gracias",
      })
  void goodNewsInWordsTheRulesLackedIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 13, guards: the same words about a fault. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | the scanner is not behaving",
        "de | passt leider immer noch nicht",
        "es | todavía no está ok",
        "pt | nada perfeito, continua travando",
        "fr | l'écran fait encore des caprices",
        "es | otra vez pantallazos azules",
        "ja | このままだと仕事になりません",
        "es | más lento que antes",
      })
  void theSameWordsAboutAFaultAreAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 13: a fault come back said with "réapparu" (fr [persistence]) and a thing that "does not
   * even start any more" (ja "すらしなくな") were missed.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | le bug est réapparu hier soir",
        "ja | Teamsが開きすらしなくなった",
      })
  void aFaultBackOrNotEvenStartingIsAComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 13, guards: the fault not come back, and not even a restart needed. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | le problème n'est pas réapparu, merci",
        "ja | 再起動すらしないで直りました",
      })
  void aFaultNotBackIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 14: a complaint followed by "but" and another thing that works ("locked out again, but
   * the printer works now", "the tech was rude, but the laptop works now") was read as resolved, by
   * the round-13 rule for a complaint taken back or by the word rules' last clause: the resolution
   * is another thing's, so the complaint before the contrast stands.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | my password expired again, but the scanner works now",
        "en | the engineer was condescending, but my monitor works",
        "de | Outlook stürzt immer noch ab, aber der Scanner läuft jetzt",
        "de | der Drucker druckt immer noch nicht, aber der Monitor läuft jetzt",
        "fr | toujours pas de son dans Teams, mais l'écran marche maintenant",
        "es | la vpn sigue cayéndose, pero la impresora anda bien",
        "es | otra vez sin acceso a la carpeta, pero el monitor ya funciona",
        "pt | o outlook continua travando, mas o scanner já funciona",
      })
  void anotherThingWorkingDoesNotTakeAComplaintBack(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 14, guards: the same thing named before and after, the problem itself ("the issue is
   * fixed"), a person who fixed it, and a wait for the thing that works now.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | the scanner kept jamming all week, but the scanner works now",
        "en | outlook kept crashing, but the issue is fixed now",
        "en | took three days, but the laptop works now",
        "de | hat eine Woche gedauert, aber der Laptop läuft jetzt",
        "es | estuvo caído toda la mañana, pero ya funciona todo",
        "pt | o formulário é chato, mas a Ana resolveu rapidinho",
      })
  void theSameThingWorkingTakesAComplaintBack(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 14: English sarcasm and half-fixes the rules read as good news ("love waiting 3 days",
   * "wouldnt say fixed, more like it works when it feels like it", "the fix lasts till lunch");
   * asked to fix something instead of a survey (de "hätte lieber einen funktionierenden Zugang", es
   * "arreglen", pt "arrumem"); "sem perguntar" read as "sem … problema"; de "ausgesperrt".
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | just love waiting a week for a mouse",
        "en | wouldn't say it's fixed tbh",
        "en | teams connects when it feels like it",
        "en | the fix lasted till the afternoon",
        "de | statt Umfragen hätte ich lieber ein funktionierendes WLAN",
        "es | menos encuestas y arreglen la vpn",
        "pt | consertem o wifi da sala 3 por favor",
        "pt | encerraram sem perguntar e o erro continua",
        "de | bin seit heute früh ausgesperrt",
      })
  void sarcasmAndRequestsToFixAreComplaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 14, guards: sincere words next to those. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | love that it works now",
        "en | I would say it's fixed, thanks",
        "en | hope the fix lasts, cheers",
        "es | gracias por arreglarlo tan rápido",
        "pt | obrigado por arrumar tão rápido",
        "de | bin nicht mehr ausgesperrt, danke",
      })
  void sincereWordsNextToThemAreNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 14: good news the rules read as a complaint: "thanks again" (es "gracias otra vez", pt
   * "obrigado de novo") and "perfect, nothing to add" (es "nada más que agregar", pt "nada a
   * acrescentar": "perfect" and "nothing" were read as sarcasm); a fault no more in words the rules
   * lacked (de "taucht nicht mehr auf", pt "não fechou sozinho", ja "メッセージが消えました"); a fault only
   * believed (de "dachte … kaputt"); the writer's own cable (pt "não tinha ligado o cabo"); the
   * fault someone else's (en "not yours").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | todo en orden, gracias otra vez por la ayuda",
        "es | perfecto, no tengo nada que añadir",
        "pt | obrigada outra vez, tudo certo",
        "pt | ótimo, não tenho nada a acrescentar",
        "de | die Meldung taucht beim Anmelden nicht mehr auf",
        "de | dachte, das Netzteil sei kaputt, war nur locker",
        "pt | o Word não fechou sozinho desde ontem",
        "pt | esqueci, não tinha ligado o cabo de rede, tudo certo",
        "ja | 起動時の警告メッセージが消えました",
        "en | the hold-up was the courier's, not yours, everything works",
      })
  void goodNewsTheRulesReadAsAComplaintIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 14, guards: the same words about a fault. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | gracias, pero otra vez sin internet",
        "pt | obrigado, mas travou de novo",
        "de | der Fehler taucht immer wieder auf",
        "pt | o Word fecha sozinho toda hora",
        "ja | 共有フォルダのファイルが消えました",
        "en | not working, still",
      })
  void theSameWordsAboutAFaultStayAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 14, the model's misses (found by the rules once they had these words; the model, blind to
   * round 14, missed them): Swiss German "gaht immer no nöd", "abgewimmelt" (brushed off), pt
   * "desligou na minha cara" (hung up on me), "mal-educado", ja "（棒）" (said deadpan: sarcasm),
   * "電話を切られ", "態度が悪", "開きません", "使えるようにしてほしい".
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | s'Mail gaht immer no nöd",
        "de | der Support hat mich am Telefon abgewimmelt",
        "pt | a moça do suporte desligou na minha cara",
        "pt | o atendente foi bem mal-educado comigo",
        "ja | 完璧ですね（棒）",
        "ja | サポートに電話を切られた",
        "ja | 受付の人の態度が悪すぎる",
        "ja | 共有フォルダが開きません",
        "ja | 早くWi-Fiを使えるようにしてほしい",
      })
  void regionalAndJapaneseComplaintsAreComplaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 14, guards: "ned" and "nöd" before good news, sincere "さすが", a folder that opened. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | passt scho, ned so schlimm",
        "de | nöd schlecht, lauft wieder",
        "ja | さすがです！もう直りました",
        "ja | フォルダが開きました、ありがとう",
      })
  void regionalAndJapaneseGoodNewsIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 15, with its rows in the tuning files: this time's wait compared with another time's
   * quick fix ("la dernière fois c'était réglé en une heure, cette fois dix jours", a round-13
   * probe above) was the model's alone, and the retrained French model lost it; a {@code [long
   * time]} word in a clause after one that speaks of another time is now this time's wait, in every
   * language.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | la dernière fois c'était réglé en une heure, cette fois dix jours",
        "fr | la dernière fois c'était bon le jour même. cette fois trois semaines",
        "de | beim letzten Mal war es in einer Stunde erledigt, diesmal drei Wochen",
      })
  void thisTimesLongWaitAfterAnotherTimeIsAComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 15, guards: a long wait of the other time, a quick fix this time. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | la dernière fois c'était réglé en dix jours, cette fois en une heure, merci",
        "en | last time it was fixed in a week, this time in an hour, great",
      })
  void anotherTimesLongWaitIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 15: replies with nothing to act on that the rules read as complaints: the survey came
   * before the requester could try (en "haven't tested it yet", es "todavía no lo he probado", pt
   * "ainda não testei", ja "まだ試せていません"); working again, the "again" after the work, not the fault
   * (fr "imprime de nouveau", es "vuelve a imprimir", "jala otra vez"); a fault that no longer
   * happens, with German's separable particle after the negator ("stürzt seit dem Update nicht mehr
   * ab": "ab" is now a filler, so "nicht" looks back to the verb) and Japanese "…ことはなくなりました",
   * "フリーズもなくなって"; stable since the fix after a long story of the fault (fr "il tient bon",
   * "stable", es "va estable", pt "está estável", "ficou redondo").
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | bit early for a survey, I have not tested it properly yet",
        "es | todavía no lo he probado con el cliente, te digo mañana",
        "pt | ainda não testei no celular, aviso depois",
        "ja | まだ試せていませんが、後で確認します",
        "fr | la Canon imprime de nouveau depuis ce matin",
        "es | el plotter vuelve a imprimir bien",
        "es | el wifi ya jala de nuevo",
        "de | Outlook stürzt seit gestern nicht mehr ab",
        "de | der Rechner stürzt nicht mehr ab, merci",
        "ja | アプリが固まることはなくなりました",
        "ja | 最近はフリーズもなくなりました、ありがとう",
        "fr | l'écran clignotait, depuis le nouveau câble il tient bon",
        "fr | Le PC redémarrait en pleine visio et j'ai perdu mon fichier. Depuis le BIOS, il tient bon.",
        "es | El portátil se apagaba en plena llamada y perdí el archivo. Desde la BIOS va estable.",
        "pt | O notebook desligava no meio da chamada e perdi o arquivo. Desde a BIOS está estável.",
        "pt | levou duas semanas, mas ficou redondo, obrigado",
      })
  void nothingToActOnIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 15, guards: the same words with a fault (the brief's "stürzt nicht mehr ab, aber ist
   * total langsam" and "もう落ちないと言われたのに、また落ちました" among them).
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | haven't tested it yet but it still crashes on start",
        "es | todavía no funciona",
        "pt | ainda não funciona o acesso",
        "ja | まだ直っていません",
        "fr | ça plante de nouveau",
        "es | se traba otra vez la impresora",
        "es | ya no jala otra vez",
        "es | la impresora no vuelve a imprimir nada",
        "de | stürzt nicht mehr ab, aber ist total langsam",
        "de | stürzt immer noch ab",
        "ja | もう落ちないと言われたのに、また落ちました",
        "ja | 時間がかかりましたが、まだ直っていません",
        "fr | toujours pas stable",
        "es | no es estable todavía",
        "pt | demorou e ainda não ficou redondo",
      })
  void theSameWordsWithAFaultStayAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 15: complaints the rules read as good news: a negated resolution hidden by a filler (pt
   * "não consigo salvar nada": "consigo" is a filler and a resolution, and the scope passed over
   * it) and a wait for nothing (es "esperando para nada": "nada" negated the wait).
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pt | não consigo salvar nada no servidor",
        "pt | não consigo guardar o ficheiro na rede",
        "es | solución rápida, pero nadie avisó, estuve horas esperando para nada",
        "pt | não está estável",
      })
  void aComplaintTheRulesReadAsGoodNewsIsOne(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 15, guards: the same words as good news. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pt | já consigo salvar no servidor, obrigado",
        "es | no me molestó para nada, gracias",
        "pt | agora consigo entrar, valeu",
      })
  void theSameWordsAsGoodNewsAreNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * After round 15: a fault said gone, then a contrast word, then another problem is a complaint
   * (the labelling rule), however the fault gone is said: a {@code [not negative]} phrase ("no more
   * crash*") no longer makes the whole reply resolved, and a problem word after the contrast is no
   * longer left to the model, which read the fault gone as good news. And a resolution word that is
   * no {@code [functioning]} one, negated backwards (fr "ne se synchronise plus du tout":
   * "synchronise" is a {@code [resolved]} word), is a complaint, as it was forwards.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | doesn't crash anymore, but it is very slow",
        "en | no more crashes, but it is slow as hell now",
        "en | no more freezing, but now the screen flickers all the time",
        "en | no more error messages but excel is extremely slow now",
        "fr | plus de message d'erreur, mais Excel est hyper lent",
        "fr | ne plante plus, mais Teams ne se synchronise plus du tout",
        "fr | plus de plantage, mais le PC est très lent maintenant",
        "fr | le calendrier ne se synchronise plus du tout",
        "es | no más errores, pero el equipo está lentísimo",
        "pt | não trava mais, mas está muito lento",
        "pt | não trava mais, mas agora o notebook está lento demais",
        "pt | não dá mais erro, mas o sistema ficou muito lento",
        "pt | sem mais erros, mas está lento",
      })
  void aFaultGoneThenAnotherProblemIsAComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * After round 15, guards: the fault gone alone or with thanks, a problem before the contrast and
   * the fault gone after it, thanks after the contrast; and complaints in the same shape that were
   * found before.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | doesn't crash anymore, thanks",
        "en | took a while, but it works now",
        "en | it was slow for a day, but no more crashes now",
        "en | slow at first, but it doesn't crash anymore",
        "en | no more freezing, but I might ask about the printer later",
        "de | stürzt nicht mehr ab, danke",
        "de | war erst langsam, aber jetzt stürzt nichts mehr ab",
        "de | stürzt nicht mehr ab, aber danke nochmal für die Geduld",
        "fr | c'était lent au début, mais ça ne plante plus",
        "fr | ne plante plus, mais merci encore pour la patience",
        "es | ya no se cuelga, gracias",
        "es | al principio iba lento, pero ya no se cuelga",
        "es | ya no se cuelga, pero gracias de todas formas por la paciencia",
        "pt | não trava mais, obrigado",
        "pt | no começo estava lento, mas não trava mais",
        "pt | não trava mais, mas obrigado pela paciência",
      })
  void aFaultGoneWithoutAnotherProblemIsNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | the laptop does not freeze anymore, but the fan is really loud and slow to boot",
        "en | no more blue screens, but the docking station is broken now",
        "de | kein Absturz mehr, aber der Rechner ist jetzt sehr langsam",
        "de | stürzt nicht mehr ab, aber Outlook ist furchtbar langsam",
        "fr | ne plante plus, mais maintenant OneDrive ne synchronise plus rien",
        "fr | ne plante plus, mais c'est très lent",
        "es | ya no se cuelga, pero ahora va lentísimo",
        "es | ya no da error, pero ahora el portátil va muy lento",
        "es | ya no se cuelga pero va lentísimo",
        "ja | もう落ちないと言われたのに、また落ちました",
      })
  void aFaultGoneThenAnotherProblemStaysAComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 16, with its rows in the tuning files: the retrained Spanish model lost round 9's
   * "pensaba que tardaría semanas y fue en un rato" (the {@code [conditional]} "pensaba" leaves the
   * rest of its clause to the model): what was expected, then what it was ("y fue…"), is no
   * complaint.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | pensé que tardarían días y fue en un momento",
        "es | creí que sería complicado y fue facilísimo",
      })
  void whatWasExpectedThenWhatItWasIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 16, guards: what was expected, then a complaint. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | pensé que tardarían días y fue peor, sigue sin funcionar",
        "es | pensaba que sería en un rato y estuve tres días sin correo",
      })
  void whatWasExpectedThenAComplaintStaysOne(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 16: complaints the rules read as good news or left to the model: a fix word that is the
   * ticket's status ("…und dann steht da erledigt", "c'est marqué résolu": {@code [reporting]});
   * negators typed on a phone (fr "pa", de "net", "nid", pt "n"; Swiss "goht"); what was sent has
   * nothing to do with the problem (a negated "problème" read as good news); another time's result
   * ("back then", "damals", "à l'époque", "en ese entonces", "naquela época": {@code [elsewhere]});
   * "toujours aussi" before a problem (it was a {@code [not negative]} phrase whatever followed);
   * closed without asking (ja "勝手にクローズ", which "休暇" made good news); a wait in "espera".
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | a week without VPN and it's marked resolved",
        "de | eine Woche ohne VPN und im Ticket steht gelöst",
        "de | 2 Tage kein Drucker, aber da steht erledigt",
        "fr | une semaine sans VPN et c'est marqué réglé",
        "es | una semana sin VPN y en el ticket aparece como resuelto",
        "es | una semana sin VPN y figura como resuelto",
        "pt | uma semana sem VPN e no chamado consta como resolvido",
        "pt | uma semana sem VPN e aparece como resolvido",
        "fr | sa fonctionne pa depuis hier",
        "fr | sa marche pa du tout",
        "pt | n funciona ainda",
        "pt | o wifi n conecta",
        "de | es goht nid",
        "de | funktioniert net",
        "en | the article you sent has nothing to do with my problem",
        "de | die Anleitung hat nichts mit meinem Problem zu tun",
        "fr | votre lien ne correspond pas à ma panne",
        "ja | 休暇中に勝手にクローズされました",
        "de | schlechter als vorher, damals lief wenigstens der Drucker",
        "fr | pire qu'avant, à l'époque au moins l'imprimante marchait",
        "es | peor que antes, en ese entonces por lo menos la impresora funcionaba",
        "pt | pior que antes, naquela época pelo menos a impressora funcionava",
        "fr | ça roule pas du tout",
        "fr | toujours aussi lent le matin",
        "fr | l'écran est toujours aussi flou",
        "es | creí que sería rápido y fue una semana de espera",
      })
  void round16ComplaintsAreComplaints(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.RESOLVED);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 16: good news the rules read as a complaint or left to the model: working again in words
   * the rules lacked ("tout roule", "répond de nouveau", "responds again"); a fault gone "not once"
   * (ja "一度もフリーズしてません"); whether a step must be done again (fr "faut-il", es "hay que", {@code
   * [next step]}); "toujours aussi" before praise.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | ça a pris une semaine mais ça roule maintenant",
        "fr | trois jours d'attente, mais tout roule",
        "fr | le clavier répond de nouveau, merci",
        "en | trackpad responds again, thanks",
        "ja | 再起動してから一度もフリーズしてません",
        "fr | faut-il redémarrer encore après la mise à jour ?",
      })
  void round16GoodNewsIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /**
   * Round 16, guards: the same words the other way, which must not change; and three that were
   * right before (es "hay que", now a {@code [next step]}, was right by the model alone at 0.61;
   * "toujours aussi" before praise was a {@code [not negative]} phrase whatever followed).
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | ¿hay que reiniciar otra vez después del parche?",
        "fr | toujours aussi efficaces, merci",
        "fr | toujours aussi rapides, merci à vous",
        "de | der Server steht wieder, danke",
        "fr | c'est marqué résolu et ça marche, merci",
        "en | marked resolved and it works, thanks",
        "es | aparece como resuelto y funciona, gracias",
        "fr | ça marche, pa de souci",
        "pt | n tive mais problema, valeu",
        "de | geht wieder, danke, net schlecht",
        "en | it had nothing to do with you guys, my cable was loose",
        "en | the problem had nothing to do with the laptop, all fixed now",
        "fr | rien à voir avec vous, c'était mon câble, merci",
        "ja | 関係ない話ですが、食堂は土曜日開いてますか？",
        "ja | 休暇中に直していただき、ありがとうございました",
        "en | back then it crashed daily, now it works fine",
        "de | damals stürzte es täglich ab, jetzt läuft alles",
        "de | nicht schlechter als vorher, alles gut",
      })
  void round16GuardsAreNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  /** Round 16, guards: complaints in the same words, which must stay complaints. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | the trackpad is not responding again",
        "en | nobody is responding to my emails",
        "fr | ça plante de nouveau",
        "fr | la souris ne répond plus",
        "ja | 一度も直っていません",
        "ja | 一度もフリーズしてないなんて嘘です、今日も固まりました",
        "fr | faut-il vraiment attendre encore une semaine ? toujours pas d'écran",
        "es | ¿hay que esperar otra semana sin correo? sigue sin funcionar",
        "en | no biggie for you maybe, still can't print",
      })
  void round16GuardsStayComplaints(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /**
   * Round 16, the rows still wrong after its classes (tuning data): a wait, then "but no biggie"
   * (the wait stood; en {@code [not negative]} "no biggie", "no big deal", so that the complaint is
   * taken back); "ne correspond pas du tout à mon problème" (four words before "problème", one more
   * than a gap); "eso no es resolverlo" ("resolver" was no {@code [resolved]} word, and "de
   * vacaciones" a {@code [no complaint]} phrase).
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | it took 3 days but no big deal",
        "en | waited a week, but no biggie",
      })
  void aWaitThenNoBiggieIsNoComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isNotEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fr | la réponse ne correspond pas du tout à mon problème",
        "es | me cerraron el caso estando de vacaciones, eso no es resolver nada",
        "es | cerrar el ticket de vacaciones no es resolverlo",
      })
  void notMatchingOrNotResolvingIsAComplaint(String language, String comment) {
    assertThat(rulesAlone(language, comment)).isEqualTo(ComplaintRules.Verdict.COMPLAINT);
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }

  /** Round 16, guards for the two above. */
  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | 2 days without the dock, but no biggie, it's fine now",
        "fr | tout correspond, merci",
        "es | van a resolverlo mañana, gracias",
      })
  void theirGuardsAreNoComplaint(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isFalse();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | no biggie that it broke, but it's still broken",
        "fr | ça correspond pas du tout, toujours la même erreur",
      })
  void theirGuardsStayComplaints(String language, String comment) {
    assertThat(classifier.isNegative(comment, language)).isTrue();
  }
}
