package dev.closeloop.survey;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The words typed answers are read by, in the six bundled languages (en, de, fr, es, pt, ja).
 * Entries are folded as {@link Folded} folds replies: lower case, Latin accents removed, full-width
 * forms made plain ("não" → "nao", "４" → "4"). Phrases are matched at the start of a reply and end
 * at a word boundary; longer phrases are tried first.
 */
final class Lexicon {
  private Lexicon() {}

  /** A leading yes. */
  static final List<String> YES =
      phrases(
          """
          en: yes | yeah | yep | yup | yea | yass | y | sure | please | pls | plz | please do | absolutely |
            definitely | actually yes | yes please | yeh | yse | i think so | think so | i guess so |
            guess so | i believe so | believe so | i suppose so | seems so | looks like it |
            of course | sure thing | yes of course | certainly | sure did | it sure did | yes it did |
            yep it did
          de: ja | jap | jo | jo eh | ja eh | jawohl | gerne | gern | bitte | klar | doch | ja bitte | jep | jepp |
            japp | jup | ich glaube schon | glaube schon | glaub schon | ich denke schon |
            denke schon | scheint so | sieht so aus | naturlich | selbstverstandlich | na klar |
            aber klar | sicher | eigentlich schon | eigentlich ja | im grunde schon | im prinzip schon |
            im prinzip ja | grundsatzlich schon
          fr: oui | ouais | ouaip | volontiers | avec plaisir | svp | s'il vous plait |
            s'il te plait | oui svp | il me semble | on dirait | evidemment |
            oui bien sur | oui evidemment | bien sur | mais oui | normalement oui | a priori oui |
            en principe oui
          es: si | claro | vale | por favor | claro que si | sip | eso creo | parece que si |
            por supuesto | desde luego | en principio si | en teoria si
          pt: sim | quero | claro que sim | pode ser | s | parece que sim | parece que ja | creio que sim |
            com certeza | claro | certamente | sem duvida | a principio sim | em principio sim |
            em teoria sim
          ja: はーい | はぁい | はいはい | はい〜 | はい～ | はい | ハイ | ええ | うん | お願いします | おねがいします | お願い | ぜひ | 是非 | もちろん
          """);

  /** "not bad" that starts with a no: words about the service, never the no to "fixed?". */
  static final List<String> NOT_BAD =
      phrases(
          """
          en: not bad | not too bad | not that bad
          es: nada mal | no esta mal | no estuvo mal | no fue mal | no estuvo nada mal
          pt: nada mal | nao foi mal | nao esta mal | nada ruim | nao foi ruim | nao esta ruim |
            nada mau | nao foi mau | nao esta mau
          """);

  /**
   * Praise negated ("no muy bien", "not so good", "nicht so toll", "pas terrible", "não muito
   * bom"): a verdict on the service, never the no to "did we fix it?" or "anything else?" — the
   * words are kept.
   */
  static final List<String> NOT_GOOD =
      phrases(
          """
          en: not very good | not so good | not that good | not too good | not great | not so great |
            not very well | not that great
          de: nicht so gut | nicht so toll | nicht sehr gut | nicht besonders | nicht besonders gut |
            nicht so prickelnd
          fr: pas tres bien | pas terrible | pas top | pas genial | pas super | pas fameux | pas tres bon
          es: no muy bien | no muy bueno | no muy buena | no tan bien | no tan bueno | no tan buena |
            no fue muy bueno | no estuvo muy bien
          pt: nao muito bom | nao muito bem | nao tao bom | nao foi muito bom | nao muito boa
          """);

  /**
   * Declining to say ("prefer not to say", "möchte ich nicht sagen", "prefiero no decir nada",
   * "ノーコメントで") or nothing in particular ("rien de spécial", "nada en especial", "特にないかな"): a no and
   * nothing to add, never "not fixed" — part of {@link #NO} and {@link #NOTHING}.
   */
  private static final String RATHER_NOT_SAY =
      """
      en: prefer not to say | i prefer not to say | i'd prefer not to say | i'd rather not say |
        rather not say | i'd rather not | rather not | prefer not to comment | i'd rather not comment |
        no comment | no comments
      de: mochte ich nicht sagen | mochte ich lieber nicht sagen | will ich nicht sagen |
        sag ich lieber nicht | sage ich lieber nicht | lieber nicht | mochte ich nicht |
        kein kommentar | keine angabe
      fr: je prefere ne pas dire | je prefere ne rien dire | je prefere ne pas repondre |
        je prefere pas | je prefere ne pas commenter | sans commentaire | pas de commentaire
      es: prefiero no decir nada | prefiero no decir | prefiero no comentar | prefiero no contestar |
        mejor no digo nada | sin comentarios | sin comentario
      pt: prefiro nao comentar | prefiro nao dizer | prefiro nao falar | prefiro nao responder |
        sem comentarios | sem comentario
      ja: ノーコメントで | ノーコメント | ノーコメントです | 言いたくないです | 言いたくない | 控えます | 遠慮します |
        コメントは控えます
      en: nothing special | nothing in particular | nothing really
      de: nichts besonderes | nichts bestimmtes | nix besonderes
      fr: rien de special | rien de particulier | rien en particulier
      es: nada en especial | nada en particular | nada de especial | nada especial
      pt: nada em especial | nada de especial | nada em particular | nada especial
      ja: 特にないかな | 特にないかなあ | 特にないですね | 特にないですかね
      """;

  /** A leading negative. */
  static final List<String> NO =
      phrases(
          """
          en: no | nope | nah | nop | naw | n | nothing | nothing else | nothing more | none |
            not really | not now | no need | negative | not at the moment | not right now |
            not for now | not today | not at this time | not currently | maybe later |
            unfortunately not | unfortunately no | sadly not | sadly no | i don't think so |
            i dont think so | don't think so | dont think so | i guess not | i think not |
            nothing to say | nothing more to say | nothing else to say | nothing to report |
            nothing more to add | nothing else to add | absolutely not | definitely not |
            of course not | certainly not | hell no | no way | not at all
          de: leider nein | nicht wirklich | noe | ich glaube nicht | glaube nicht | glaub nicht |
            ich denke nicht | denke nicht | nichts zu sagen | nichts weiter zu sagen |
            nichts mehr zu sagen | nix zu sagen | auf keinen fall | keineswegs | ganz und gar nicht |
            bloss nicht | sicher nicht | auf gar keinen fall
          fr: pas vraiment | malheureusement non | malheureusement pas | je crois pas | je pense pas |
            je ne crois pas | je ne pense pas | rien a dire | rien de plus a dire |
            rien d'autre a dire | rien a signaler | absolument pas | pas du tout |
            certainement pas | surtout pas | jamais de la vie | bien sur que non | pas pantoute |
            pantoute
          es: no realmente | no mucho | lamentablemente no | desafortunadamente no | por desgracia no |
            nada que decir | nada mas que decir | nada mas que agregar | nada mas que anadir |
            nada que comentar | claro que no | por supuesto que no | para nada | de ninguna manera |
            en absoluto | ni hablar | de ningun modo
          pt: nao realmente | nao muito | infelizmente nao | nada a dizer | nada mais a dizer |
            nada mais a acrescentar | nada a comentar | claro que nao | de jeito nenhum |
            de forma nenhuma | de modo nenhum | nem pensar | de jeito algum | nem precisa
          de: nein | nee | ne | no | nichts | nix | nichts mehr | kein bedarf | nicht notig |
            eher nicht | momentan nicht | aktuell nicht | im moment nicht | gerade nicht |
            derzeit nicht | zurzeit nicht | jetzt nicht | vorerst nicht | erstmal nicht |
            erst mal nicht | nix weiter | nix mehr | sonst nix | sonst nichts | nei | nut |
            nut meh | susch nut | sust nut
          fr: non | nan | rien | rien d'autre | rien de plus | plus rien | pas besoin | pas pour l'instant | ca ira |
            c'est bon | pas pour le moment | pas maintenant | pas aujourd'hui | pas pour aujourd'hui
          es: nada | nada mas | no hace falta | nop | ahora no | por ahora no | de momento no |
            por el momento no | por ahora nada | ahorita no | no pos no | no pues no | pos no |
            pues no | nel | nel pastel
          pt: nao | nada mais | mais nada | sem mais nada | nada | nops | nao precisa | agora nao | por enquanto nao | no momento nao |
            por ora nao | por agora nao
          ja: あかん | あかんわ | あかんかった | 言うことはありません | 特に言うことはありません | 特にコメントはありません | いいえ | いえ | いや | ううん | 大丈夫 | だいじょうぶ | 結構です | けっこうです | 特にない | 特にありません | 特になし | ないです |
            ありません | なし | 不要です | 以上です
          all: never mind | nevermind | nvm | forget it | doch nicht | schon gut | vergiss es |
            nichts weiter | laisse tomber | olvidalo | deixa pra la | やっぱり大丈夫です | not anymore |
            not needed anymore | no longer needed | nicht mehr notig | nicht mehr noetig |
            plus besoin | ya no hace falta | ya no es necesario | ja nao precisa |
            ja nao e preciso | nao precisa mais | なんでもないです | 何でもないです | なんでもない | 何でもない
          """
              + RATHER_NOT_SAY);

  /** A hedge before a score: "maybe 3", "eher so 3", "je dirais 4", "tal vez un 3", "たぶん4". */
  static final List<String> HEDGE_BEFORE =
      phrases(
          """
          en: maybe | probably | prob | prolly | like | about | around | i guess | i think |
            i'd say | id say | i would say | honestly | tbh | hmm | hm | um | umm | uh | well |
            i believe | let's say | lets say | let us say | let's go with | lets go with | say
          de: ich wurde | ich wuerde | ich wurd | ich gebe | ich geb | ich wurde euch | ich wurde ihnen |
            ich gebe euch | ich gebe ihnen | ich geb euch | eher so | eher | so | so ca | ca | etwa | ungefahr | vielleicht | ich glaube | glaube |
            glaub | ich denke | wahrscheinlich | ich wurde sagen |
            ich wuerde sagen | ich wurd sagen | ich wurde mal sagen | ich wurd mal sagen |
            wurde sagen | wuerde sagen | wurd sagen | wurde mal sagen | wurd mal sagen |
            ich sag mal | ich sage mal | sagen wir | sagen wir mal | naja | na ja | hmm | knapp
          fr: je dirais | je dirai | disons | je pense | je crois | plutot | environ | peut-etre |
            on va dire | je mettrais | je donnerais | euh | bah | ben | je pense que | je crois que |
            probablement | apparemment | a priori | il me semble que | on dirait que
          es: yo diria | diria | diria que | yo diria que | digamos | le daria | yo le daria |
            le pondria | creo que | yo creo que | tal vez | quizas | quiza | mas bien | pues | eh |
            creo | probablemente | supongo que | al parecer | parece que
          pt: eu diria | diria | diria que | eu diria que | eu daria | daria | digamos | acho que |
            eu acho que | talvez | tipo | hmm | ah | acho | provavelmente | creio que
          ja: うーん | うーんと | まあ | まぁ | たぶん | 多分 | 大体 | だいたい | えーと | えっと | まあまあかな | まあまあ |
            まあまあです | まあまあですね
          """);

  /**
   * An opinion before an answer: "i think", "ich glaube", "je crois que", "creo que", "acho que",
   * "たぶん". "je crois oui" and "creo que no" answer as "oui" and "no" do.
   */
  static final List<String> OPINION =
      phrases(
          """
          en: i think | i guess | i believe | probably | prob | prolly | i'd say | id say |
            i can confirm | i can confirm that | can confirm | i confirm | i confirm that |
            just to confirm | just confirming
          de: ich glaube | glaube | glaub | ich denke | wahrscheinlich | vermutlich |
            ich bestatige | ich kann bestatigen | ich kann bestatigen, dass | ich bestatige, dass
          fr: je pense | je crois | je pense que | je crois que | probablement | apparemment |
            a priori | il me semble que | on dirait que | je vous confirme que | je vous confirme |
            je confirme que | je confirme
          es: creo | creo que | yo creo que | probablemente | supongo que | al parecer | parece que |
            le confirmo que | les confirmo que | confirmo que | le confirmo | les informo que |
            le informo que
          pt: acho | acho que | eu acho que | creio que | provavelmente | informo que | penso que |
            eu penso que | confirmo que | gostaria de informar que | venho informar que
          ja: たぶん | 多分 | おそらく
          """);

  /**
   * A verb of seeming before an infinitive ("seems to", "scheint … zu", "ça a l'air de", "parece"):
   * with a {@link #TO_WORK} after it, "it works", hedged — a yes.
   */
  static final List<String> SEEMS =
      phrases(
          """
          en: seems to | it seems to | seem to | appears to | it appears to
          de: scheint | es scheint | scheint wohl
          fr: ca a l'air de | ca a l'air d' | ca semble | a l'air de | a l'air d' | semble
          es: parece | eso parece
          pt: parece | isso parece
          """);

  /** That it works, as an infinitive after {@link #SEEMS}: "work", "zu gehen", "marcher". */
  static final List<String> TO_WORK =
      phrases(
          """
          en: work | be working | be fine | be ok | be okay | be fixed | be resolved | be sorted |
            have worked | have fixed it | have done the trick | be working fine | work fine
          de: zu gehen | zu funktionieren | zu laufen | zu klappen | behoben zu sein |
            gelost zu sein | in ordnung zu sein
          fr: marcher | fonctionner | aller | etre regle | etre resolu | etre repare | avoir marche |
            avoir fonctionne | remarcher | refonctionner
          es: funcionar | estar bien | estar solucionado | estar arreglado | estar resuelto |
            andar bien | haber funcionado
          pt: funcionar | estar a funcionar | estar ok | estar resolvido | estar tudo bem |
            ter funcionado | ter resolvido
          """);

  /** A hedge after a score: "4 i guess", "3ish", "4 würde ich sagen", "4 creo", "3かな". */
  static final List<String> HEDGE_AFTER =
      phrases(
          """
          en: i guess | i think | maybe | probably | prob | ish | or so | i'd say | id say |
            i suppose | at most | tops | tbh | to be honest | honestly | i'd give | id give |
            i would give | i'd give it | id give it | i would give it | from me
          de: wurde ich sagen | wuerde ich sagen | wurd ich sagen | wurde ich mal sagen |
            wurd ich mal sagen | oder so | wohl | vielleicht | schatze ich | denke ich | ungefahr |
            etwa | ehrlich gesagt | ehrlich | wurde ich geben | wuerde ich geben | wurd ich geben |
            geb ich | gebe ich | von mir | sagen | geben
          fr: je pense | je dirais | je dirai | je crois | environ | peut-etre | on va dire |
            je donnerais | je mettrais | de ma part
          es: creo | yo creo | diria | diria yo | supongo | quizas | tal vez | aprox | le daria |
            le pondria | de mi parte
          pt: acho | eu acho | acho eu | diria | eu diria | talvez | tipo | mais ou menos | eu daria |
            daria | da minha parte
          ja: かな | かなあ | かなぁ | かなー | かね | くらい | ぐらい | くらいかな | ぐらいかな | くらいです | ぐらいです | ですかね |
            かも | かもです | 位 | 程度 | って感じ | って感じです | でしょうか | と思います | だと思います | かなと思います
          """);

  /**
   * "Nothing else", "that's all" said after the answers ("yes, 5, nothing else thanks"): the person
   * answers "anything else?" before it is asked. Only phrases that say there is nothing more; a
   * bare "no" or "thanks" at the end does not.
   */
  static final List<String> ALL_SAID =
      phrases(
          """
          en: nothing else | nothing more | nothing further | that's all | that is all | that's it |
            that is it | that'll be all | nothing else needed | nothing else for now
          de: sonst nichts | sonst nix | sonst nichts weiter | nichts weiter | nix weiter |
            das war's | das war alles | das ware alles | das wars dann | mehr nicht | sonst alles gut
          fr: rien d'autre | rien de plus | c'est tout | ce sera tout | c'est tout pour moi |
            rien d'autre pour moi
          es: nada mas | nada mas por ahora | eso es todo | es todo | eso seria todo | nada mas por mi parte
          pt: nada mais | mais nada | sem mais nada | e so isso | so isso | era so isso | e isso |
            e tudo | era tudo | por agora e tudo | por enquanto e tudo | e tudo por agora
          ja: 他は特にないです | 他は特にありません | 他は特にない | ほかは特にないです | ほかは特にない |
            他にはありません | 他にありません | 他はないです | ほかにはないです | 以上です | 以上 | それだけです
          """);

  /** "Nothing (more)": a negative that never means "not fixed". */
  static final List<String> NOTHING =
      phrases(
          """
          en: nothing | nothing else | nothing more | none | nothing to add | nothing further |
            nothing to say | nothing more to say | nothing else to say | nothing to report |
            nothing more to add | nothing else to add
          de: nichts | nix | nichts mehr | nix mehr | nichts weiter | nix weiter | sonst nichts |
            sonst nix | kein kommentar | nichts hinzuzufugen | nichts zu erganzen |
            nichts zu sagen | nichts weiter zu sagen | nichts mehr zu sagen | nix zu sagen
          fr: rien | rien d'autre | rien de plus | plus rien | rien a ajouter | rien a dire |
            rien de plus a dire | rien d'autre a dire | rien a signaler
          es: nada | nada mas | nada que anadir | nada que agregar | nada que decir |
            nada mas que decir | nada mas que agregar | nada mas que anadir | nada que comentar
          pt: nada | nada mais | mais nada | sem mais nada | nada a acrescentar | nada a declarar |
            nada a dizer | nada mais a dizer | nada mais a acrescentar | nada a comentar
          ja: 言うことはありません | 特に言うことはありません | 特にコメントはありません | 特にない | 特にないです | 特にありません | 特になし | 特に無い | 特に無いです | とくにない | ないです | なし | 以上です | 以上
          """
              + RATHER_NOT_SAY);

  /**
   * Thanks, praise and closing phrases: a reply made only of these (and emoji, punctuation) is an
   * acknowledgement; after a yes or no they add nothing.
   */
  static final List<String> ACK =
      phrases(
          """
          en: thanks | thank you | thank u | thankyou | thx | thnx | thanx | tnx | ty | tysm |
            thanks a lot | thanks so much | many thanks | cheers | appreciated | appreciate it |
            much appreciated | great | perfect | awesome | excellent | amazing | super | nice |
            good | fine | ok | okay | k | kk | cool | all good | all set | all done | that's all |
            thats all | that is all | that's it | thats it | that is it | it's fine | its fine |
            i'm good | im good | i'm fine | im fine | we're good | no worries | great job |
            good job | nice work | great work | well done | have a good day | have a nice day |
            have a great day | you too | for the help | for your help | for helping | very much |
            so much | a lot | again | guys | team | lovely | brilliant | wonderful | fantastic |
            sorted | everything is fine | everything's fine | all fine | all is well | works fine |
            works great | working fine | that was all | bye | have a good one | that'll be all |
            thatll be all | that will be all | that's everything | thats everything |
            that is everything | i'm all set | im all set | all sorted | have a nice weekend |
            have a good weekend | have a great weekend | nice weekend | good weekend |
            have a nice evening | have a good evening | goodbye | good bye | bye bye | see you |
            see ya | take care | np | no prob | no probs | it's fine now | its fine now |
            all good now | nothing to add | nothing further | no comment | no comments | n/a |
            actually | sorry | oh | oops | well | thanks for asking | thank you for asking |
            for now | that would be all | that'd be all | thatd be all | cya | see ya later |
            see you later | ttyl | bye now | catch you later | ttfn | byee |
            heaps | a bunch | a ton | loads | everyone | all of you | you all | y'all | folks |
            thank you all | thanks all | thanks everyone | thank you everyone | thanks guys |
            so so much | a million | likewise | same to you | same here | mate | buddy | pal |
            dude | bro | mates | you rock | you guys rock | you're the best | you are the best |
            you guys are the best | legend | legends | lifesaver | life saver | have a good week |
            have a nice week | have a great week | good week | it's ok | it is ok | it's okay |
            it is okay | everything is ok | everything's ok | everything is okay | all ok | all okay |
            everything ok | sir | madam | ma'am | maam | ta | ta very much | cheers ta |
            no problem at all | no problems at all | you're welcome | youre welcome | your welcome |
            lol | lmao | haha | hahaha
          de: danke | danke schon | danke sehr | vielen dank | vielen lieben dank | besten dank |
            herzlichen dank | dankeschon | merci | super | prima | top | perfekt | klasse | toll |
            bestens | passt | passt alles | passt schon | na passt | na passt scho | na passt schon | basst | basst scho | alles gut | alles klar | alles bestens |
            alles erledigt | das war's | das wars | das war alles | sonst nichts | erledigt |
            sehr gut | gut | ok | okay | schonen tag | schonen tag noch | einen schonen tag |
            fur die hilfe | fur eure hilfe | fur ihre hilfe | nochmal | sehr | lieben gruss | gruss |
            liebe grusse | lieben grussen | viele grusse | beste grusse | schone grusse | grusse |
            lg | schones wochenende | schones we | tschuss | tschau | ciao | bis dann | bis bald |
            servus | mfg | danke dir | danke euch | schonen abend | schonen feierabend |
            kein kommentar | nichts hinzuzufugen | nichts zu erganzen | eigentlich |
            danke der nachfrage | danke fur die nachfrage | erstmal | erst mal | vorerst |
            bis spater | bis denne | tscho | tschoe | man sieht sich | schonen gruss | dankeschon |
            dir | euch | ihnen | vielmals | nochmals | tausend dank | allen | an alle | leute | ihr |
            gleichfalls | ebenfalls | dir auch | euch auch | ihnen auch | ihr seid die besten |
            ihr seid super | ihr seid spitze | schone woche | schone restwoche | gut gemacht |
            toll gemacht | super gemacht | klasse gemacht | prima gemacht | vielmal | merci vielmal |
            danke vielmal | passt scho | basst scho | passt eh | eh gut | passt eh alles | eh alles gut | ist ok | ist okay |
            ist jetzt ok | ist wieder ok | alles ok | alles okay | alles in ordnung | tiptop | tip top |
            gern geschehen | gerne geschehen | keine ursache | keine sorge |
            alles wieder in ordnung | ist in ordnung | ist wieder in ordnung | ist jetzt in ordnung
          fr: merci | merci beaucoup | merci bcp | mille mercis | merci bien | super | parfait |
            genial | top | nickel | impeccable | cool | d'accord | daccord | c'est tout | c'est bon |
            tout est bon | tout va bien | ca va | tres bien | bien | bonne journee | a vous aussi |
            pour votre aide | pour l'aide | pour tout | encore | vraiment | beaucoup | bon week-end |
            bon weekend | bonne soiree | bonne fin de journee | au revoir | a bientot | salut |
            bonne fin de semaine | rien a ajouter | pas de commentaire | sans commentaire | en fait |
            desole | pardon | merci de demander | merci de m'avoir demande | pour le moment |
            pour l'instant | a+ | @+ | a plus | bisous | ciao | a la prochaine |
            bonne continuation | bonne aprem | a vous | a toi | a tous | a l'equipe | infiniment |
            mille fois | encore une fois | l'equipe | les gars | tout le monde | pareillement |
            vous aussi | toi aussi | vous etes top | vous etes les meilleurs | bonne semaine |
            bravo | bien joue | beau travail | bon travail | c'est correct | c'est ben correct |
            c'est beau | c'est ben beau | c'est parfait | c'est correct la | c'est ben correct la |
            c'est beau la | c correct la | tout est ok | c'est ok | tout est en ordre |
            tout est rentre dans l'ordre | a tantot | tiguidou | c'est tiguidou | c tiguidou |
            impec | pas de souci | pas de soucis | aucun souci | de rien | je vous en prie | ca roule
          es: gracias | muchas gracias | mil gracias | muchisimas gracias | genial | perfecto |
            vale | eso es todo | es todo | todo bien | todo perfecto | todo ok | todo correcto |
            buen trabajo | bien hecho | bravo | excelente | estupendo | que maravilla | maravilla | muy bien | bien | por la ayuda | por tu ayuda |
            por su ayuda | por todo | un saludo | saludos | igualmente | que tengas buen dia |
            buen dia | adios | buen fin de semana | buen finde | chao | chau | hasta luego |
            nos vemos | buenas tardes | buenas noches | sin comentarios | sin comentario |
            nada que anadir | nada que agregar | perdon | en realidad | gracias por preguntar |
            por ahora | por el momento | chaito | hasta pronto | hasta la proxima | saludos |
            bye | cuidate | a ti | a usted | a todos | a ustedes | al equipo | de verdad |
            un monton | de nuevo | chicos | chicas | equipo | todo tranquilo | tu tambien |
            usted tambien | lo mismo | son los mejores | sois los mejores | buena semana |
            feliz semana | que tengas buena semana | todo en orden | esta todo ok | esta todo bien |
            esta ok | todo esta ok | todo esta bien | guay | todo guay | joya | todo joya | re bien |
            che | wey | guey | dale | de diez | de nada | no hay problema | no hay problemas
          pt: obrigado | obrigada | brigado | brigada | valeu | muito obrigado | muito obrigada |
            bom trabalho | mandou bem | muito bem | parabens | e so isso | so isso | era so isso | tudo certo | tudo bem | tudo ok | tudo resolvido |
            otimo | perfeito | show | beleza | blz | top | excelente | pela ajuda | por tudo |
            abracos | abs | bom dia | boa tarde | obg | vlw | muito | tchau | bom fim de semana |
            bom final de semana | ate mais | ate logo | boa noite | abraco | sem comentarios |
            sem comentario | nada a acrescentar | nada a declarar | na verdade | desculpa | desculpe |
            obrigado por perguntar | obrigada por perguntar | por enquanto | por agora | falou |
            flw | xau | tchauzinho | bjs | beijos | ate a proxima | ate breve | fui | demais |
            mesmo | a todos | a voces | pra voce | para voce | de verdade | viu | pela forca |
            pessoal | galera | gente | opa | eba | oba | tudo tranquilo | de boa | suave |
            igualmente | voce tambem | pra voce tambem | pra vc tambem | vc tambem | brigadao |
            de novo | mais uma vez |
            obrigadao | voces sao demais | voces sao os melhores | boa semana | otima semana |
            pra voces | para voces | pra vcs | ta show | ta otimo | ta perfeito | ta beleza |
            ta tudo bem | ta de boa | ta top | ta joia | ta massa | ta tranquilo | esta otimo |
            esta perfeito | esta tudo bem | ta tudo ok | esta tudo ok | tudo em ordem |
            esta tudo em ordem | ta tudo em ordem | obrigadinho | obrigadinha | ta bom | ta certo |
            esta bom | esta certo | ta bem | esta bem | por enquanto e so | por agora e so |
            e tudo | era tudo | por agora e tudo | por enquanto e tudo | e tudo por agora |
            esta bem assim | assim esta bem | assim esta otimo | de nada | disponha |
            nao tem problema | nao ha problema
          ja: ありがとうございます | ありがとうございました | ありがとう | どうも | 助かりました | 了解です | 了解しました | 了解 | 承知しました |
            わかりました | 大丈夫です | 大丈夫 | 問題ありません | 以上です | 以上 | 特にありません | 特にないです | 特にない | 特になし | 結構です |
            お疲れ様です | よろしくお願いします | 完璧です | 最高です | です | お疲れ様でした | お疲れさまでした | お疲れさまです |
            失礼します | 失礼しました | よろしくお願いいたします | 今は大丈夫です | 今は大丈夫 | 今のところ大丈夫です | 今のところ大丈夫 |
            今のところ特にないです | 今のところ特にありません | 今は特にないです | 特に無いです | 特に無い | 特に無し | とくにないです |
            とくにない | とくになし | とくにありません | コメントなし | コメントはありません | コメントは特にありません | すみません |
            すいません | でーす | っす | お気遣いありがとうございます | お気遣いありがとう | 今のところ |
            おつかれさまです | おつかれさまでした | おつかれさま | お疲れ様です | お疲れ様でした | お疲れ様 | またね | では | じゃあね |
            りょうかいです | りょうかい | 了解でーす | おけ | おけです | 本当に | ほんとうに | ほんとに | 皆さん | みなさん |
            それだけです | それだけ | これだけです | 以上になります | おk | おkです | ばっちり | ばっちりです |
            どういたしまして | ありがと | ありがとね
          emoji: 🙏 | 😊 | 🙂 | 😀 | 😁 | 😃 | 😄 | 👌 | ✅ | ❤ | ♥ | 🎉 | 💯 | 🥰 | 😍 | 🤗 | 👏 | 💪 | ✨ | 🙌 | 👍 |
            😉 | no problem
          all: nett | sehr nett | never mind | nevermind | nvm | forget it | doch nicht |
            schon gut | vergiss es | laisse tomber | olvidalo | deixa pra la | deixa | やっぱり |
            finalement | al final
          """
              + Lexicon.THANKS_WORDS);

  /**
   * Words that only stress a score ("5, no doubt", "fünf, ohne Frage", "5 sin duda"): after it they
   * are no comment.
   */
  static final List<String> EMPHASIS =
      phrases(
          """
          en: no doubt | without a doubt | hands down | easily | for sure | definitely | absolutely
          de: ohne frage | ohne zweifel | auf jeden fall | definitiv | locker | eindeutig
          fr: sans hesiter | sans aucun doute | sans hesitation | largement | carrement
          es: sin duda | sin dudarlo | sin ninguna duda | de sobra | claramente | de una | de una vez
          pt: sem duvida | sem duvidas | com certeza | tranquilamente | facil
          ja: 間違いなく | 文句なし | 文句なしで | 文句なしです
          """);

  /**
   * A mild verdict that only says the score again in words ("4, not bad", "3, passt schon", "un 4,
   * nada mal", "4, pas mal", "nada mau, 4", "悪くない、4"): with a score it is no comment — it names
   * nothing that went wrong.
   */
  static final List<String> SCORE_VERDICT =
      phrases(
          """
          en: not bad | not too bad | not that bad | not bad at all | pretty good | fair enough
          de: nicht schlecht | gar nicht schlecht | nicht so schlecht | passt schon | passt | geht schon
          fr: pas mal | pas trop mal | pas si mal | plutot bien | correct | c'est correct
          es: nada mal | no esta mal | no estuvo mal | no fue mal | no estuvo nada mal | bastante bien
          pt: nada mal | nada mau | nao foi mal | nao foi mau | nao esta mal | nao esta mau |
            nada ruim | nao foi ruim | bastante bom
          ja: 悪くない | 悪くなかった | 悪くないです | 悪くなかったです | 悪くないと思います
          """);

  /**
   * What a score is for, said after it ("10/10 for the support", "5 für den Service", "4 pour
   * l'accueil", "5 por la atención", "dez de dez pelo atendimento"): no comment of its own.
   */
  static final List<String> SCORE_FOR =
      phrases(
          """
          en: for the service | for the support | for the help | for your help | for the team |
            for the tech | for the technician | for the agent | for you | for you guys | for that |
            for the quick fix | for the fix | for the response | for the speed
          de: fur den service | fur den support | fur die hilfe | fur eure hilfe | furs team |
            fur das team | fur euch | fur dich | fur den techniker | fur die schnelle hilfe
          fr: pour le service | pour le support | pour l'aide | pour votre aide | pour l'accueil |
            pour l'equipe | pour vous | pour le technicien | pour la rapidite
          es: por la atencion | por el servicio | por el soporte | por la ayuda | por tu ayuda |
            por su ayuda | por el equipo | para el equipo | para ustedes | para ti | por la rapidez
          pt: pelo atendimento | pelo servico | pelo suporte | pela ajuda | pela equipe | pro time |
            pra equipe | pra voces | pelo tecnico | pela rapidez
          ja: 対応に | 対応で | サポートに | ご対応に
          """);

  /**
   * Thanks and praise proper: free text holding one of these (and no question, contrast or ask)
   * reads as feedback, not as a request ("the printer works again, thanks").
   */
  static final List<String> PRAISE =
      phrases(
          """
          all: thanks | thank you | thx | ty | cheers | great | perfect | awesome | excellent |
            amazing | fantastic | brilliant | wonderful | danke | super | prima | perfekt | klasse |
            toll | merci | parfait | genial | top | gracias | perfecto | excelente | estupendo |
            obrigado | obrigada | valeu | otimo | perfeito | ありがとう | 助かりました | 完璧 | 最高 | 🙏 | 😊 | 🙂 |
            👍 | ❤
          en: helpful | friendly | kind | patient | polite | courteous | professional | attentive
          de: freundlich | freundliche | freundlicher | hilfsbereit | geduldig | hoflich | kompetent |
            sympathisch
          fr: sympa | aimable | gentil | gentille | patient | patiente | poli | polie | agreable |
            a l'ecoute | professionnel | professionnelle | efficace
          es: amable | atento | atenta | paciente | majo | maja | simpatico | simpatica |
            profesional | eficiente | educado | educada
          pt: atencioso | atenciosa | prestativo | prestativa | gentil | educado | educada |
            paciente | simpatico | simpatica | profissional | eficiente
          ja: 親切 | 丁寧 | 優しい | やさしい | 感じが良 | 迅速
          """);

  /**
   * Common words one typo from an answer word that are words of their own and never a typo of it
   * (being in a list here makes them known words to {@link AnswerParser}'s typo reading): German
   * "laut" (loud) and "Luft" (air) are not "läuft", "Drucker ist laut" is no "printer works".
   */
  static final List<String> NOT_TYPOS = List.of("laut", "lauter", "luft", "neon", "worker");

  /**
   * How the ticket was handled, complained of: slow, nobody called back, closed without asking,
   * rude. Typed at "anything else?" (and asking nothing), such words are feedback on this ticket,
   * not a new request ("they took a week to answer", "hät niemer zruggruefe").
   */
  static final List<String> HANDLING =
      phrases(
          """
          en: took a week | took weeks | took days | it took too long | it took so long |
            it took way too long | it took a long time | it took forever | it took ages |
            took too long to fix | took too long to respond | took too long to answer |
            took so long to fix | took so long to respond | took forever to fix |
            took ages to fix | took a long time to fix | so slow to | too slow to |
            nobody called | no one called | noone called | no-one called | nobody came |
            no one came | no-one came | nobody ever | no one ever | no-one ever |
            nobody got back | no one got back | nobody answered | no one answered |
            nobody replied | no one replied | nobody contacted | no one contacted |
            nobody told me | no one told me | never called | never came | never got back |
            never heard back | never heard from | never answered | never replied |
            didn't call | didnt call | didn't get back | didnt get back | didn't even ask |
            didnt even ask | closed it without | closed the ticket without | closed without |
            had to chase | had to wait | had to call again | had to ask again | kept me waiting | was rude |
            were rude | so rude | unfriendly | wasted my time | waste of time | never showed up |
            never turned up | didn't show up | didnt show up | did not show up | no-show
          de: hat lange gedauert | hat so lange gedauert | hat zu lange gedauert |
            hat viel zu lange gedauert | hat ewig gedauert | hat ewig gebraucht |
            hat wochen gedauert | hat tage gedauert | dauerte ewig | dauerte zu lange |
            niemand hat angerufen | niemand hat zuruckgerufen | niemand hat sich gemeldet |
            niemand hat geantwortet | niemand hat mich | hat sich niemand | hat sich keiner |
            keiner hat sich | keiner hat angerufen | keiner hat zuruckgerufen |
            nie zuruckgerufen | nicht zuruckgerufen | nie gemeldet | ohne ruckmeldung |
            ohne bescheid | einfach geschlossen | geschlossen ohne | zugemacht ohne |
            einfach zugemacht | musste warten | musste lange warten |
            musste nachhaken | unfreundlich | unhoflich | zeitverschwendung | hat niemer |
            niemer hat | zruggruefe | zrugg gruefe | zruggrueft | nicht gekommen | nie gekommen |
            ist nicht erschienen | nicht aufgetaucht
          fr: personne ne m'a rappele | personne ne m'a contacte | personne ne m'a repondu |
            personne ne m'a prevenu | personne ne m'a appele | personne m'a rappele |
            personne m'a contacte | personne m'a repondu | personne m'a appele |
            personne n'est venu | personne est venu | ferme sans | ferme le ticket sans |
            ferme le billet sans | cloture sans | sans me parler | sans me prevenir |
            sans me consulter |
            c'etait trop long | beaucoup trop long | beaucoup trop de temps | une semaine pour |
            j'ai attendu | j'ai du attendre | j'ai du relancer | jamais rappele | pas rappele |
            jamais recontacte | impoli | impolie | perte de temps | jamais venu | jamais venue |
            pas venu | pas venue
          es: tardaron | tardo una semana | nadie me llamo | nadie me contesto |
            nadie me respondio | nadie me aviso | nadie me dijo | nadie llamo | nadie vino |
            nadie contesto | nadie respondio | nunca me llamaron | nunca llamaron |
            nunca me contestaron | no me llamaron | no me contestaron | no me avisaron |
            cerraron el ticket sin | cerraron el caso sin | cerraron sin | sin avisarme |
            sin consultarme | tuve que esperar |
            tuve que insistir | espere una semana | espere mucho | grosero | grosera |
            maleducado | maleducada | perdida de tiempo | nunca vino | no vino | no se presento |
            nunca se presento
          pt: demoraram | demorou uma semana | ninguem me ligou | ninguem me respondeu |
            ninguem me retornou | ninguem me avisou | ninguem me procurou | ninguem ligou |
            ninguem veio | ninguem respondeu | ninguem retornou | nunca me ligaram |
            nao me ligaram | nao me retornaram | nao retornaram | fecharam o chamado sem |
            fecharam o ticket sem | fecharam sem | sem me avisar | sem me consultar | tive que esperar | tive que cobrar | esperei |
            grosseiro | grosseira | mal educado | mal educada | perda de tempo | nao apareceu |
            nunca apareceu | nao veio | nunca veio
          ja: 誰からも連絡 | 連絡がありません | 連絡がなかった | 連絡もなく | 対応に時間 | 解決まで時間 |
            時間がかかりすぎました | 待たされ | 勝手にクローズ | 勝手に閉じ | 失礼な | 態度が悪 |
            対応が遅 | 来ませんでした | 来なかった | 来てくれませんでした
          """);

  /**
   * How the next ticket should be handled ("next time please call first", "beim nächsten Mal", "la
   * prochaine fois", "la próxima vez", "da próxima vez", "次からは"): at "anything else?" a wish about
   * the handling of this one, feedback rather than a new request.
   */
  static final List<String> NEXT_TIME =
      phrases(
          """
          en: next time
          de: beim nachsten mal | nachstes mal | das nachste mal
          fr: la prochaine fois
          es: la proxima vez
          pt: da proxima vez | na proxima vez
          ja: 次から | 次回から | 今度から
          """);

  /**
   * "Not sure", "weiß nicht", "je sais pas", "no sé", "não sei", "分かりません": they do not know yet
   * (whether it is fixed, how to rate it). Never a no.
   */
  static final List<String> UNSURE =
      phrases(
          """
          en: not sure | not sure yet | not yet sure | dunno | don't know | dont know |
            don't know yet | dont know yet | i don't know | i dont know | i don't know yet |
            i dont know yet | idk | no idea | no idea yet | can't tell | cant tell |
            can't tell yet | cant tell yet | can't say yet | cant say yet | too early to tell |
            too soon to tell | hard to say | i'm not sure | im not sure | unsure | still not sure |
            still unsure | still don't know | still dont know
          de: weiss nicht | weiss noch nicht | weiss ich nicht | weiss ich noch nicht |
            ich weiss nicht | ich weiss es nicht | ich weiss noch nicht | keine ahnung |
            nicht sicher | noch nicht sicher | bin mir nicht sicher | bin nicht sicher |
            kann ich noch nicht sagen | kann ich nicht sagen | schwer zu sagen | mal sehen |
            mal schauen | k.a. | ka
          fr: je sais pas | je ne sais pas | j'sais pas | jsais pas | j'sais pas encore | je sais pas encore | je ne sais pas encore | sais pas |
            chais pas | jsp | pas sur | pas encore sur | je suis pas sur | je ne suis pas sur |
            aucune idee | difficile a dire | on verra | je verrai | trop tot pour dire
          es: no se | no lo se | no se todavia | no se aun | todavia no se | todavia no lo se |
            aun no se | aun no lo se | ni idea | no estoy seguro | no estoy segura |
            no sabria decir | dificil de decir | ya veremos | ya vere
          pt: nao sei | nao sei ainda | ainda nao sei | sei la | nao tenho certeza |
            ainda nao tenho certeza | nao sei dizer | nao sei te dizer | dificil dizer |
            vamos ver | veremos | vou ver
          ja: 分かりません | わかりません | 分からない | わからない | まだ分かりません | まだわかりません |
            まだ分からない | まだわからない | 分かんない | わかんない | 不明です | 不明 | 何とも言えません |
            なんとも言えません | 微妙です | 微妙ですね | 微妙 | 微妙かな | びみょう | びみょうです
          emoji: 🤷 | :shrug:
          """);

  /**
   * "Haven't tried yet", "muss ich testen", "no lo he probado", "まだ試していません": after "not sure", only
   * that they will find out — nothing about what is wrong.
   */
  static final List<String> UNTESTED =
      phrases(
          """
          en: haven't tried | havent tried | haven't tried it | havent tried it | not tried |
            haven't tested | havent tested | not tested | didn't try | didnt try | will try |
            will test | will check | will see | need to test | need to try | need to check |
            have to test | have to try | have to check | i'll test | ill test | i'll try | ill try |
            i'll check | ill check | i'll see | ill see | i'll let you know | ill let you know |
            will let you know | let you know | haven't had time | havent had time | didn't have time |
            didnt have time | no time to test | not had time | haven't tried it yet | havent tried it yet |
            still haven't tried | still havent tried | still haven't tested | still havent tested |
            still haven't had time | still havent had time | still haven't tried it |
            still havent tried it | still haven't tested it | still havent tested it |
            haven't had a chance to check | havent had a chance to check |
            haven't had a chance to test | havent had a chance to test |
            haven't had a chance to try | havent had a chance to try | haven't had a chance |
            havent had a chance | didn't get a chance to test | didnt get a chance to test |
            didn't get a chance to check | didnt get a chance to check | didn't get a chance to try |
            didnt get a chance to try | didn't get a chance | didnt get a chance | haven't checked |
            havent checked | not checked | didn't check | didnt check | haven't looked |
            havent looked | not looked | not yet tested | not yet tried | still testing |
            still testing it | still trying it | still checking | ask me | ask me again
          de: muss ich | muss ich noch | noch nicht getestet | noch nicht probiert |
            noch nicht ausprobiert | nicht getestet | nicht probiert | teste ich | probier ich |
            probiere ich | schau ich | schaue ich | ich melde mich | melde mich | ich teste |
            ich probiere | ich schaue | sag ich | sage ich | noch | hatte noch keine zeit |
            noch keine zeit | hatte keine zeit | noch nicht geschaut | noch nicht nachgeschaut |
            noch nicht gecheckt | noch nicht gepruft | noch nicht kontrolliert | noch nicht versucht |
            noch nicht reingeschaut | teste noch | ich teste noch | teste es noch | bin noch am testen |
            noch am testen | am testen | frag mich nochmal
          fr: pas encore teste | pas encore essaye | pas teste | pas essaye | je vais tester |
            je vais essayer | je vais voir | je teste | j'essaie | je vous dis | je vous redis |
            je te dis | je vous tiens au courant | encore | j'ai pas eu le temps |
            je n'ai pas eu le temps | pas eu le temps | pas encore eu le temps | pas encore regarde |
            pas regarde | pas encore verifie | pas verifie | je teste encore | toujours en test |
            en train de tester
          es: no lo he probado | no he probado | no lo probe | todavia no lo probe |
            aun no lo probe | lo pruebo | voy a probar | lo voy a probar | te aviso | les aviso |
            os aviso | ya te digo | ya les digo | te digo | le digo | les digo | todavia | aun | no he tenido tiempo | no tuve tiempo |
            todavia no he tenido tiempo | todavia no lo he probado | aun no lo he probado |
            todavia no he probado | aun no he probado | aun no lo pruebo | todavia no lo pruebo |
            no lo he revisado | no he revisado | aun no lo reviso | todavia no lo reviso |
            no lo he checado | aun no lo checo | todavia no lo checo | lo estoy probando |
            estoy probando | sigo probando | lo sigo probando
          pt: nao testei | ainda nao testei | nao testei ainda | nao tentei | vou testar |
            vou tentar | te aviso | aviso depois | te falo | ainda | nao tive tempo | ainda nao tive tempo |
            ainda nao vi | nao vi ainda | ainda nao olhei | nao olhei ainda | ainda nao conferi |
            ainda nao verifiquei | nao verifiquei | ainda nao experimentei | nao experimentei |
            nao experimentei ainda | to testando | tou testando | estou testando | testando ainda |
            ainda testando | me pergunta | me pergunte de novo
          ja: まだ試していません | 試していません | まだ試してません | 試してません | まだ試してない | 試してない |
            試してみます | 確認します | 確認してみます | また連絡します | 後で連絡します | 時間がなくて | まだ確認できていません |
            まだ確認してません | まだ確認していません | まだ確認してない | まだ見てません | まだ見ていません |
            まだ見てない | まだチェックしてません | まだチェックしていません |
            まだ使ってない | まだ使ってません | まだ使っていません | まだ開いてない | まだ開いてません |
            まだ開いていません | まだ触ってない | まだ触ってません | まだ触っていません | まだ試せてない |
            まだ試せていません | 後で見ます | あとで見ます | 見てみます | 後で確認します | あとで確認します |
            テスト中です | テスト中 | 確認中です | 確認中
          """);

  /**
   * A thing of theirs named ("my screen", "mon écran", "der Drucker", "new mouse", "password
   * reset"): a short reply at "anything else?" that names one (or an app, {@link #APP_NAMES}) is a
   * request, however short.
   */
  static final List<String> THEIR_THING = phrases(Lexicon.DETERMINER_WORDS + Lexicon.THING_WORDS);

  /** A possessive or article: "my", "the", "der", "mon", "la", "mi", "o", "a". */
  private static final String DETERMINER_WORDS =
      """
      en: my | our | the
      de: mein | meine | meinen | meinem | unser | unsere | der | die | das | den | dem
      fr: mon | ma | mes | notre | nos | le | la | les | l'
      es: mi | mis | nuestro | nuestra | el | la | los | las
      pt: meu | minha | meus | minhas | nosso | nossa | o | a | os | as
      """;

  /** A device, an account or something to set up, or "new": what an IT request names. */
  private static final String THING_WORDS =
      """
      en: mouse | keyboard | monitor | screen | laptop | printer | password |
        headset | charger | dock | access | account | licence | license | phone | email | mail |
        install | reset | update | new | scanner | webcam | camera | projector | docking station |
        usb | usb stick | admin rights | admin | rights | permissions | drive | shared drive |
        headphones | software | desk phone | tablet | ipad | adapter | cable | toner | cartridge |
        ink | paper
      de: maus | tastatur | bildschirm | monitor | drucker | passwort | kennwort | zugang | konto |
        lizenz | installieren | einrichten | headset | ladegerat | neue | neuen | neues | scanner |
        webcam | kamera | beamer | adminrechte | rechte | berechtigung | berechtigungen |
        laufwerk | kopfhorer | adapter | kabel | dockingstation | toner | patrone | papier
      fr: souris | clavier | ecran | imprimante | mot de passe | casque | chargeur | acces |
        compte | licence | installer | nouveau | nouvelle | scanner | webcam | camera |
        projecteur | droits | droits admin | droits administrateur | lecteur | cable | adaptateur |
        toner | cartouche | papier
      es: raton | teclado | pantalla | monitor | impresora | contrasena | cascos | auriculares |
        cargador | acceso | cuenta | licencia | instalar | nuevo | nueva | escaner | webcam |
        camara | proyector | permisos | cable | adaptador | toner | cartucho | papel
      pt: mouse | teclado | tela | monitor | impressora | senha | fone | carregador | acesso |
        conta | licenca | instalar | novo | nova | scanner | webcam | camara | camera | projetor |
        permissoes | cabo | adaptador | toner | tinteiro | papel
      ja: マウス | キーボード | モニター | 画面 | パソコン | pc | ノートパソコン | プリンター | パスワード |
        ヘッドセット | 充電器 | アカウント | 新しい | 壊れ
      """;

  /**
   * No trouble left, said after "and" at "anything else?" ("no, and nothing is broken anymore",
   * "nein, und es gibt keine Probleme mehr"): a trouble word denied, nothing more to do.
   */
  static final List<String> NO_TROUBLE =
      phrases(
          """
          en: no problems | no issues | no more problems | no more issues | no problem |
            nothing is broken | nothing broken | nothing else is broken | nothing's broken
          de: keine probleme | keine probleme mehr | kein problem | keine fehler | nichts kaputt |
            nichts ist kaputt | nichts mehr kaputt
          fr: plus de probleme | plus de problemes | plus aucun probleme | aucun probleme |
            rien de casse | plus rien de casse
          es: ningun problema | sin problemas | ya no hay problemas | nada roto | nada esta roto
          pt: nenhum problema | sem problemas | nao ha problemas | nada quebrado | nada avariado
          ja: 特に問題 | 問題ありません | 問題ない | 問題なし | 快適
          """);

  /** {@link #THEIR_THING} without possessives and articles: a thing itself named. */
  static final List<String> THING = phrases(Lexicon.THING_WORDS);

  /**
   * Who speaks, before "haven't tried" or "away" ("ich hab noch nicht geschaut", "j'ai pas testé",
   * "im wfh today"): skipped there, and only there.
   */
  static final List<String> SUBJECT =
      phrases(
          """
          en: i | i have | ive | i've | im | i'm | i am
          de: ich | ich hab | ich habe | hab | habe | ich bin | bin | hab es | habe es | ich hab es |
            ich habe es | hab's | ich hab's
          fr: j'ai | je n'ai | j'ai encore | je suis | chuis | je | je l'ai | je ne l'ai
          es: yo | estoy | ando
          pt: eu | estou | to | tou
          ja: 今日は | 今週は
          """);

  /**
   * Why it was not tried yet: away from the thing that was fixed ("im wfh today", "bin im Urlaub",
   * "je suis en télétravail", "estoy de vacaciones", "estou de férias", "今日は在宅なので"). After "not
   * tried yet" they say no more than that.
   */
  static final List<String> AWAY =
      phrases(
          """
          en: wfh | working from home | work from home | home | off | out | out of office | ooo |
            on vacation | on holiday | on leave | away | not in the office | not at my desk |
            in meetings | in a meeting | in meetings all day | travelling | traveling | today |
            this week | until monday | till monday |
            rn | right now | tomorrow | later | soon | later today | tomorrow morning | next week |
            back in the office | back at my desk
          de: im homeoffice | homeoffice | im home office | im urlaub | nicht im buro | unterwegs |
            krank | heute | diese woche | bis montag | morgen | spater | nachher | bald |
            im meeting | in einem meeting | in meetings | in besprechungen | in einer besprechung |
            nachste woche | erst morgen | erst montag | erst nachste woche | wieder im buro
          fr: en teletravail | teletravail | en conges | en vacances | pas au bureau | absent |
            absente | en deplacement | aujourd'hui | cette semaine | jusqu'a lundi | demain |
            plus tard | bientot | tout a l'heure | en reunion | en reunions | en meeting |
            la semaine prochaine | de retour au bureau
          es: de vacaciones | en teletrabajo | teletrabajando | trabajando desde casa | en casa |
            fuera de la oficina | de viaje | hoy | esta semana | hasta el lunes | manana | luego |
            mas tarde | pronto | en reunion | en reuniones | en una reunion | la semana que viene |
            la proxima semana | no estoy en la oficina | de vuelta en la oficina
          pt: de ferias | em home office | home office | trabalhando de casa | em casa |
            fora do escritorio | viajando | hoje | essa semana | esta semana | ate segunda |
            amanha | depois | mais tarde | logo | em reuniao | em reunioes | numa reuniao |
            semana que vem | na semana que vem | proxima semana | nao estou no escritorio |
            nao to no escritorio | de volta ao escritorio
          ja: 在宅なので | 在宅勤務なので | 在宅 | 在宅勤務 | 休みなので | 休み | 外出中 | 出張中 | なので | ので |
            明日 | 後で | あとで | 今度 | 会議中なので | 会議中 | 打ち合わせ中 | 今 | 来週
          """);

  /**
   * The survey's questions as people type them back before their answer ("did we fix it? yes", "how
   * did we do? 4", "wurde das Problem behoben? ja", "le problème est-il résolu ? oui",
   * "解決しましたか？はい"): the whole of what comes before the question mark.
   */
  static final List<String> ASKED_BACK =
      phrases(
          """
          en: did we fix it | did you fix it | did you guys fix it | is it fixed | was it fixed |
            did it get fixed | is it resolved | was it resolved | is the problem solved |
            did it work | did it work this time | how did we do | how did you do | rating
          de: ist das problem gelost | wurde das problem gelost | wurde das problem behoben |
            ist es behoben | wurde es behoben | ist es gelost | hat es geklappt |
            hat es diesmal geklappt | wie zufrieden bist du mit uns | wie zufrieden bist du |
            wie zufrieden sind sie | wie haben wir es gemacht
          fr: le probleme est-il resolu | le probleme est il resolu | est-ce resolu |
            est-ce que c'est resolu | c'est resolu | c'est regle | est-ce regle |
            est-ce que ca marche | est-ce que ca marche cette fois | ca marche | quelle note |
            quelle note nous donnez-vous | quelle note nous donnez vous
          es: lo hemos solucionado | lo solucionamos | lo solucionaron | se soluciono | se resolvio |
            esta resuelto | esta arreglado | lo arreglamos | ha funcionado | ha funcionado esta vez |
            funciono | que tal lo hicimos | como lo hicimos
          pt: resolvemos o problema | resolveram o problema | foi resolvido | esta resolvido |
            ta resolvido | resolveu | funcionou | funcionou desta vez | desta vez funcionou |
            como foi o atendimento | como correu o atendimento
          ja: 問題は解決しましたか | 解決しましたか | 直りましたか | 今回は解決しましたか |
            対応はいかがでしたか | いかがでしたか
          """);

  /**
   * Words that join why it was not tried yet to when they will ("lo pruebo mañana que hoy no estoy
   * en la oficina", "bin erst morgen wieder im Büro, dann schau ich", "外出中なので後で見ます"): between those
   * they say nothing about what is wrong.
   */
  static final List<String> AWAY_LINK =
      phrases(
          """
          en: then | because | cause | as | since | so
          de: dann | weil | da | deshalb
          fr: alors | puis | parce que | car | donc
          es: que | porque | pues | entonces | asi que
          pt: que | porque | pois | entao
          ja: から | ので | それから
          """);

  /**
   * "Not yet" said first ("not yet", "noch nicht", "pas encore", "todavía no", "ainda não",
   * "まだです"): alone, not fixed yet; with only why they have not tried after it ("not yet, I'm not at
   * my desk"), not tried yet.
   */
  static final List<String> NOT_YET =
      phrases(
          """
          en: not yet
          de: noch nicht | noch nich
          fr: pas encore | pas encore non
          es: todavia no | aun no | no todavia
          pt: ainda nao | nao ainda
          ja: まだです | まだ
          """);

  /**
   * Only some of the time ("sometimes", "une fois sur deux", "a veces", "たまに"): after a word that
   * it works, it is only partly fixed.
   */
  static final List<String> INTERMITTENT =
      phrases(
          """
          en: sometimes | only sometimes | half the time | every other time | on and off |
            off and on | now and then | every now and then | intermittently | not always
          de: manchmal | nur manchmal | ab und zu | mal so mal so | nicht immer | zeitweise |
            sporadisch | jedes zweite mal
          fr: une fois sur deux | parfois | des fois | de temps en temps | pas toujours |
            par moments | un jour sur deux
          es: a veces | solo a veces | de vez en cuando | no siempre | a ratos | una vez si y otra no
          pt: as vezes | so as vezes | de vez em quando | nem sempre | uma vez sim outra nao
          ja: たまに | 時々 | ときどき | 時たま
          """);

  /**
   * "Only", said of where or when it works ("only on wifi", "works only if I restart", "nur im
   * WLAN", "seulement en wifi", "solo funciona con wifi", "só funciona no wifi"): a fix that holds
   * only there is a partial fix. Portuguese "só" folds to "so", which is also English and German
   * "so": AnswerParser.onlyAt takes it only as written "só" or before a Portuguese verb.
   */
  static final List<String> ONLY =
      phrases(
          """
          en: only
          de: nur | bloss | lediglich
          fr: seulement | uniquement
          es: solo | solamente | unicamente
          pt: somente | apenas
          """);

  /** "so" as a word of its own (see {@link AnswerParser}'s onlyAt). */
  static final List<String> PT_SO = phrases("pt: so");

  /** Portuguese verbs of working that "só" may stand before ("só funciona no wifi"). */
  static final List<String> PT_VERB_AFTER_SO =
      phrases(
          """
          pt: funciona | funcionou | funcionando | da | deu | pega | pegou | liga | ligou | abre |
            abriu | conecta | conectou | imprime | imprimiu | vai | foi | anda | roda | rodou
          """);

  /**
   * What names a place, a way or a condition after "only" ("only on wifi", "nur wenn ich neu
   * starte", "solo con wifi", "só no wifi"), not a time it took ("only took a minute").
   */
  static final List<String> ONLY_WHERE =
      phrases(
          """
          en: on | in | at | with | via | over | through | when | if | after | from | while | for
          de: im | am | an | auf | in | mit | uber | per | bei | wenn | falls | nach | vom | von
          fr: en | sur | dans | avec | par | quand | si | apres | au | a | depuis | pour
          es: en | con | por | cuando | si | despues | desde | al | a | para
          pt: no | na | nos | nas | em | com | pelo | pela | via | quando | se | depois | do | da | para
          """);

  /**
   * "If", right after that it works ("fixed if I restart", "geht wenn ich neu starte", "ça marche
   * si je redémarre", "funciona si reinicio", "funciona se eu reiniciar"): it holds only then.
   */
  static final List<String> IF =
      phrases(
          """
          en: if | only if | as long as
          de: wenn | falls | nur wenn | solange
          fr: si | seulement si | tant que | a condition que
          es: si | solo si | siempre que | mientras
          pt: se | so se | desde que | enquanto
          """);

  /**
   * Regret before an answer ("leider nö", "sadly nope", "lamentablemente nop", "残念ながらいいえ"): the
   * answer is the no after it.
   */
  static final List<String> REGRET =
      phrases(
          """
          en: unfortunately | sadly | regrettably | alas
          de: leider | leider leider
          fr: malheureusement | helas
          es: lamentablemente | desafortunadamente | por desgracia | desgraciadamente
          pt: infelizmente | lamentavelmente
          ja: 残念ながら | 残念ですが | あいにく
          """);

  /**
   * "There is", said to "anything else?" ("there is", "one more thing", "da wäre noch was", "une
   * chose encore", "una cosa más", "tem sim", "あります"): a yes to it, the request still to come.
   */
  static final List<String> MORE_TO_ASK =
      phrases(
          """
          en: there is | yes there is | yeah there is | there's one more | theres one more |
            one more thing | one more | i do | yes i do | yeah i do | i have one more |
            there's something | theres something | actually there is
          de: da ware noch was | da ware noch etwas | da war noch was | eine sache noch |
            noch eine sache | ja gibt es | gibt es | ja da ware noch was | noch was | ja noch was |
            ich hatte noch was | hatte noch was | hab noch was | ich hab noch was | ja hab ich
          fr: il y a | oui il y a | une chose encore | encore une chose | oui une chose |
            y'a un truc | il y a un truc | oui j'ai autre chose | j'ai autre chose | oui encore une chose
          es: hay algo | si hay algo | si hay | una cosa mas | otra cosa | si otra cosa |
            tengo otra cosa | si tengo algo | si tengo otra cosa | pues si hay algo
          pt: tem sim | tem | sim tem | mais uma coisa | tenho sim | tenho outra coisa | outra coisa |
            tem mais uma coisa | sim tenho
          ja: あります | ありますね | あるよ | あるある | もう一つあります | もうひとつあります | ひとつあります |
            一つあります | 実はあります | はい、あります | はいあります | ちょっとあります
          """);

  /** Greetings: a reply made only of these answers nothing. */
  static final List<String> GREETING =
      phrases(
          """
          en: hi | hello | hey | hiya | hi there | hello there | good morning | good afternoon |
            howdy | hey there | morning | g'day | heya | hii | heyy | dear all | dear team |
            hello team | hi team | good evening
          de: hallo | hi | hey | moin | servus | guten morgen | guten tag | gruss gott | gruezi |
            gruezi mitenand | gruessech | griass di | griass eich | gruss di | hoi | hoi zame |
            servas | moin moin | hallo zusammen | sehr geehrte damen und herren | sehr geehrte damen und herrn |
            liebes team | lieber support | hallo team | guten abend
          fr: bonjour | salut | bonsoir | coucou | allo | bonjour a tous | salut a tous | madame, monsieur |
            madame monsieur | bonjour madame | bonjour monsieur
          es: hola | buenos dias | buenas | que onda | que tal | buenas tardes | buenas noches | estimados |
            estimado | estimada | estimado equipo | estimados senores
          pt: oi | ola | bom dia | boa tarde | e ai | eai | fala | ola pessoal | oi pessoal | prezados |
            prezado | prezada | prezadas | boa noite | caros
          ja: こんにちは | おはようございます | こんばんは | もしもし | お世話になっております |
            いつもお世話になっております | お世話になります
          """);

  /**
   * "And" between two closing words ("merci et bon weekend", "danke und schönes Wochenende",
   * "thanks and have a good one"): skipped only when a closing word follows it.
   */
  static final List<String> AND =
      phrases(
          """
          all: and | & | + | und | et | y | e
          """);

  /** "And", "and also", after a no to "anything else?": "nope, and the printer still jams". */
  static final List<String> AND_ALSO =
      phrases(
          """
          en: and | and also | also | plus | and btw | and by the way
          de: und | und auch | auch | ausserdem | aber auch
          fr: et | et aussi | aussi | en plus
          es: y | y tambien | tambien | ademas
          pt: e | e tambem | tambem | alem disso
          ja: あと | それと | それに | あと、 | ちなみに
          """);

  /** Please, in each language: after a yes it adds nothing ("sí, por favor" is a plain yes). */
  static final List<String> POLITE =
      phrases(
          """
          en: please | pls | plz | if you could | if possible
          de: bitte | gerne | gern | bitte schon | wenn moglich
          fr: svp | stp | s'il vous plait | s'il te plait | volontiers | avec plaisir
          es: por favor | porfa | claro
          pt: por favor | pfv | pf
          ja: お願いします | おねがいします | お願い | よろしくお願いします | ぜひ | してください | して下さい |
            でお願いします | ください | 下さい
          """);

  /** A contrast after a negative: what follows it may be a request ("no, but …"). */
  static final List<String> BUT =
      phrases(
          """
          all: but | however | although | though | aber | allerdings | jedoch | nur | mais |
            cependant | par contre | pero | sin embargo | aunque | mas | porem | so que | でも | ただ |
            けど | しかし
          """);

  /**
   * Japanese contrasts that join straight onto a verb ("直りましたが、3日かかりました", "解決したけれど…"): after
   * "fixed" they start what is still to say, as "but" does. Not in {@link #BUT}: "が" is also the
   * subject particle anywhere else.
   */
  static final List<String> BUT_AFTER_VERB =
      phrases(
          """
          ja: が | ですが | けれど | けれども | んですが | のですが | けど
          """);

  /**
   * A reason or a verdict right after a digit score ("2 because it took a week", "1 terrible", "5
   * super schnell"): the score, with these words as the comment. A counted noun ("3 days") is not.
   */
  static final List<String> AFTER_SCORE =
      phrases(
          """
          en: because | since | as | cause | cuz | coz | bc | b/c | even though | terrible | bad |
            awful | horrible | poor | meh | slow | so-so | mediocre | average | good | great |
            fast | quick
          de: weil | da | denn | obwohl | wobei | schlecht | schrecklich | furchtbar | mies |
            langsam | mittelmassig | naja | na ja | geht so | gut | super | toll | schnell
          fr: car | parce que | parce qu'il | puisque | meme si | bien que | nul | nulle |
            mauvais | lent | bof | moyen | bien | rapide | super | top
          es: porque | pq | ya que | por que | puesto que | malo | pesimo | lento | regular |
            bien | bueno | rapido | fatal
          pt: porque | pq | pois | ja que | apesar de | embora | ruim | pessimo | lento | regular |
            bom | otimo | rapido | mais ou menos
          ja: 最高 | 最悪 | 遅い | 遅かった | 良い | 悪い | 普通 | まあまあ | 早い | 速い | 早かった | 速かった
          """);

  /** Words and marks that make free text read as asking for something. */
  static final List<String> ASKS =
      phrases(
          """
          all: please | pls | plz | can you | could you | would you | can someone | i need | need |
            help | want | bitte | brauche | brauchen | konnt ihr | konnen sie | kannst du |
            konntet ihr | hilfe | benotige | s'il vous plait | svp | stp | pouvez | pourriez | peux |
            besoin | aide | aidez | por favor | puedes | podrias | podeis | necesito | ayuda |
            ayudar | pode | poderia | preciso | ajuda | ajudar | quero | お願い | ください | 下さい | ほしい |
            欲しい | できますか | 教えて | 助けて | 困って
          """);

  /**
   * What may follow "reopen" or "leave closed" without saying more ("reopen it", "rouvrez le",
   * "reábrelo de nuevo", "öffne es bitte wieder"): the ticket, a pronoun for it, "again".
   */
  static final List<String> REOPEN_OBJECT =
      phrases(
          """
          en: it | the ticket | ticket | that | this | again | then | for me | closed | open
          de: es | ihn | das | das ticket | den | wieder | nochmal | dann | mal | bitte | zu | auf
          fr: le | la | l | le ticket | ca | alors | a nouveau | de nouveau | ferme
          es: lo | el | el ticket | la | de nuevo | otra vez | entonces | cerrado
          pt: o | a | o chamado | o ticket | ele | de novo | entao | fechado
          ja: それ | チケット | を | は | もう一度 | 再度
          """);

  /**
   * A no denied before the answer it denies ("not not working", "can't say it's not fixed", "ist ja
   * nicht so, dass es nicht geht", "on peut pas dire que ça marche pas", "no es que no funcione",
   * "não posso dizer que não funciona"): the two negations cancel, so a not fixed after it is
   * fixed.
   */
  static final List<String> DENIED =
      phrases(
          """
          en: not not | can't say | i can't say | can't say that | i can't say that | cannot say |
            i cannot say | can not say | i wouldn't say | wouldn't say | i wouldn't say that |
            it's not that it | it is not that it | not that it | it's not like it | it is not like it
          de: ist ja nicht so, dass | ist ja nicht so dass | ist nicht so, dass | ist nicht so dass |
            es ist nicht so, dass | es ist nicht so dass | es ist ja nicht so, dass |
            es ist ja nicht so dass | nicht dass | nicht, dass | ich kann nicht sagen, dass |
            ich kann nicht sagen dass | kann nicht sagen, dass | kann nicht sagen dass
          fr: on peut pas dire que | on ne peut pas dire que | je peux pas dire que |
            je ne peux pas dire que | c'est pas que | ce n'est pas que | c'est pas comme si
          es: no es que | no puedo decir que | no se puede decir que | tampoco es que
          pt: nao posso dizer que | nao da pra dizer que | nao da para dizer que | nao e que |
            nao e como se
          """);

  /**
   * "Never mind", "egal", "laisse tomber", "ya no", "deixa pra lá": taking back what they were
   * going to ask — a no when nothing follows but how it got resolved ({@link #RESOLVED}).
   */
  static final List<String> NEVER_MIND =
      phrases(
          """
          en: never mind | nevermind | nvm | nm | forget it | forget that | not anymore |
            no longer | scratch that | ignore that | ignore me
          de: egal | ach egal | schon egal | ist egal | is egal | vergiss es | vergesst es |
            doch nicht | schon gut | hat sich erledigt | nicht mehr | nicht mehr notig | nix mehr
          fr: laisse tomber | laissez tomber | oubliez | oublie | c'est pas grave | pas grave |
            plus besoin | finalement non | finalement rien
          es: olvidalo | olvidate | olvidelo | da igual | ya no | no importa | dejalo
          pt: deixa pra la | deixa para la | esquece | esqueca | deixa quieto | ja nao | nao precisa mais
          ja: やっぱり大丈夫です | やっぱりいいです | やっぱり大丈夫 | やっぱりなし | なんでもないです | 何でもないです |
            なんでもない | 何でもない | 大丈夫になりました
          """);

  /**
   * The problem itself named as the subject of a short reply ("the problem is still there", "das
   * Problem besteht weiterhin", "le problème est résolu", "問題は解決していません"); what it then does is in
   * {@link #PROBLEM_GONE} or {@link #PROBLEM_STAYS}.
   */
  static final List<String> PROBLEM =
      phrases(
          """
          en: the problem | the issue | the error | this problem | this issue | that problem |
            that issue | problem | issue | error | my problem | my issue | the bug | this bug
          de: das problem | der fehler | dieses problem | das thema | problem | fehler | der bug |
            dieser bug | das issue
          fr: le probleme | le souci | le bug | l'erreur | ce probleme | ce souci | probleme | souci |
            ce bug
          es: el problema | el error | la falla | ese problema | este problema | problema | el bug |
            ese bug | este bug
          pt: o problema | o erro | esse problema | este problema | problema | erro | o bug | esse bug |
            este bug
          ja: 問題は | 問題が | 症状は | 症状が | 不具合は | 不具合が | エラーは | エラーが | バグは | バグが
          """);

  /** What a named problem does when it is gone: "is solved", "ist behoben", "a été résolu". */
  static final List<String> PROBLEM_GONE =
      phrases(
          """
          en: solved | resolved | fixed | sorted | gone | is solved | is resolved | is fixed |
            is sorted | is gone | has been solved | has been resolved | has been fixed |
            was solved | was resolved | was fixed | seems solved | seems resolved | seems fixed |
            seems to be solved | seems to be resolved | seems to be fixed | is no more |
            went away | has gone away | disappeared | has disappeared
          de: gelost | behoben | ist gelost | ist behoben | ist weg | wurde gelost | wurde behoben |
            scheint gelost | scheint behoben | besteht nicht mehr | tritt nicht mehr auf |
            ist verschwunden
          fr: resolu | regle | est resolu | est regle | a ete resolu | a ete regle | a disparu |
            semble resolu | semble regle | n'est plus la | ne se produit plus
          es: resuelto | solucionado | esta resuelto | esta solucionado | se resolvio |
            se soluciono | fue resuelto | fue solucionado | ha sido resuelto | desaparecio |
            ya no esta | ya no sale | ya no aparece
          pt: resolvido | solucionado | esta resolvido | esta solucionado | foi resolvido |
            foi solucionado | sumiu | desapareceu | nao aparece mais | parou
          ja: 解決しました | 解決済みです | 解決済み | 直りました | なくなりました | 出なくなりました | 消えました |
            解決いたしました | 解消しました | 解消いたしました | 解消されました | 直りましたよ
          """);

  /** What a named problem does when it goes on: "is still there", "persiste", "continua". */
  static final List<String> PROBLEM_STAYS =
      phrases(
          """
          en: persists | still persists | is still there | still there | is still here |
            is still happening | still happening | continues | still continues | remains |
            still remains | is not solved | is not resolved | is not fixed | isn't solved |
            isn't resolved | isn't fixed | isnt solved | isnt resolved | isnt fixed |
            is still not solved | is still not resolved | is still not fixed | still exists | is the same
          de: besteht weiterhin | besteht immer noch | besteht noch | ist immer noch da |
            ist noch da | ist nicht gelost | ist nicht behoben | ist immer noch nicht gelost |
            ist immer noch nicht behoben | tritt immer noch auf | tritt weiterhin auf |
            bleibt | ist geblieben
          fr: persiste | est toujours la | est toujours present | n'est pas resolu |
            n'est toujours pas resolu | n'est pas regle | n'est toujours pas regle | continue |
            est toujours le meme
          es: sigue | persiste | continua | sigue igual | sigue ahi | sigue pasando |
            no esta resuelto | no se resolvio | no se soluciono | sigue apareciendo
          pt: continua | persiste | continua igual | continua acontecendo | nao foi resolvido |
            nao esta resolvido | nao foi solucionado | continua aparecendo | ainda esta la |
            ainda esta ai | continua la
          ja: 解決していません | 解決していない | 直っていません | 続いています | まだあります | まだ出ます |
            変わりません
          """);

  /**
   * What a resolved thing is called in a short reply ("it works now", "ça marche", "isso
   * resolveu").
   */
  static final List<String> PRONOUN =
      phrases(
          """
          en: it | that | this | everything | all of it
          de: es | das | alles | er | sie
          fr: ca | cela | tout | il | elle | c'est | c est
          es: eso | esto | todo | ello
          pt: isso | isto | tudo | ele | ela
          ja: それ | 問題 | もう
          """);

  /** Saying sorry before taking something back ("sorry, never mind", "すみません、やっぱり大丈夫でした"). */
  static final List<String> APOLOGY =
      phrases(
          """
          en: sorry | sry | my bad | apologies | oops sorry
          de: sorry | entschuldigung | tut mir leid | verzeihung | sorry dafur
          fr: desole | desolee | pardon | dsl | excusez-moi | excuse-moi
          es: perdon | perdona | perdone | lo siento | disculpa | disculpe | disculpen
          pt: desculpa | desculpe | foi mal | perdao | perdoa
          ja: すみません | すいません | ごめんなさい | ごめん | 申し訳ありません | 失礼しました
          """);

  /**
   * How something got resolved without help ("sorted it myself", "hat sich erledigt", "lo arreglé
   * yo", "já resolvi", "自分で直しました"): after "never mind", nothing is asked for.
   */
  static final List<String> RESOLVED =
      phrases(
          """
          en: myself | on my own | figured it out | figured it | found it | got it | sorted it |
            fixed it | solved it | resolved | sorted | works | working | fine now | ok now |
            fixed itself | by itself | on its own | went away | gone away | sorted itself |
            resolved itself | all good now
          de: selbst | selber | allein | erledigt | gelost | gefunden | geht wieder | geht jetzt |
            hab's | habs | geklappt | lauft | funktioniert wieder | funktioniert jetzt | ist weg
          fr: moi-meme | moi meme | tout seul | toute seule | trouve | regle | resolu | repare |
            ca marche | ca remarche | c'est bon | de lui-meme | d'elle-meme | ca fonctionne |
            c'est reparti | ca repart | ca refonctionne
          es: yo mismo | yo misma | lo arregle | lo solucione | lo resolvi |
            lo encontre | arreglado | resuelto | solucionado | ya funciona | ya esta | ya quedo |
            se arreglo | se soluciono | se resolvio | por si solo | por si sola | funciona
          pt: eu mesmo | eu mesma | sozinho | sozinha | resolvi | consegui | achei | resolvido |
            ja funciona | deu certo | funcionou | resolveu | voltou a funcionar | funcionando
          ja: 自分で | 解決しました | 直りました | 直った | なおった | できました | 見つかりました |
            自然に | 大丈夫でした | 大丈夫です | 動きました | 使えました
          """);

  /**
   * It works, said after what works ("the printer works again", "Drucker geht wieder", "la
   * impresora ya funciona", "プリンターが使えるようになりました"): fixed, at "did we fix it?".
   */
  /**
   * Better, not said to be fixed ("much better", "schon besser", "ça va mieux", "ha mejorado",
   * "melhorou"): before a contrast that negates ("better but not fixed"), only partly fixed.
   */
  static final List<String> BETTER =
      phrases(
          """
          en: better | much better | a lot better | a bit better | slightly better | improved |
            it's better | its better | it is better | it's improved | getting better | better now
          de: besser | schon besser | etwas besser | viel besser | deutlich besser | es ist besser |
            ist besser | geht besser | lauft besser | es geht besser | es lauft besser | verbessert
          fr: mieux | c'est mieux | ca va mieux | ca marche mieux | un peu mieux | beaucoup mieux |
            ca s'est ameliore | c'est ameliore | amelioration
          es: mejor | esta mejor | va mejor | funciona mejor | algo mejor | mucho mejor | ha mejorado |
            mejoro | ya va mejor
          pt: melhor | esta melhor | ta melhor | melhorou | ficou melhor | funciona melhor |
            bem melhor | um pouco melhor | muito melhor
          """);

  static final List<String> WORKS_NOW =
      phrases(
          """
          en: works | working | is working | works fine | is fine now | fine now | ok now | is ok now |
            is back | is back up | is up again | loads again | prints again | connects again |
            is resolved | has been resolved | was resolved | is fixed | has been fixed | was fixed |
            is working as expected | works as expected
          de: geht's | lauft's | klappt's | klappt | geht wieder | geht jetzt | lauft wieder | lauft jetzt | lauft | funktioniert wieder |
            funktioniert jetzt | funktioniert | druckt wieder | ist wieder da | geht |
            wurde behoben | ist behoben | wurde gelost | ist gelost | wurde erfolgreich behoben |
            funktioniert einwandfrei | funktioniert wieder einwandfrei | jetzt ok | wieder ok
          fr: marche | remarche | fonctionne | refonctionne | marche a nouveau | fonctionne a nouveau |
            marche de nouveau | est revenu | est revenue | imprime a nouveau | imprime de nouveau |
            est resolu | a ete resolu | est regle | a ete regle | fonctionne correctement |
            fonctionne correctement desormais | marche correctement | ok maintenant
          es: ya funciona | funciona | vuelve a funcionar | volvio a funcionar | ya anda | anda bien |
            ya imprime | ya conecta | ya carga | ha quedado resuelto | quedo resuelto | esta resuelto |
            fue resuelto | se ha resuelto | se ha solucionado | esta solucionado | fue solucionado |
            funciona correctamente | ok ahora
          pt: ja funciona | funciona | voltou a funcionar | esta funcionando | ta funcionando |
            funcionando | voltou | ja imprime | ja conecta | foi solucionado | foi resolvido |
            esta resolvido | esta solucionado | foi corrigido | funciona corretamente | ok agora
          ja: 使えるようになりました | 使えるようになった | 動くようになりました | 動くようになった | 直りました |
            直った | 動きました | 使えました | 直っています | 直ってます | 動いています | 動いてます | 使えます | 動きます |
            使用できております | 使用できています | 使えております | 動いております | 解決いたしました | 解決しております
          """
              + codeSwitched());

  /**
   * Names of the things people write about ("Teams still crashes", "Excel hängt"): known words, so
   * the typo reading never takes one for an answer word ("teams" is not "team" with a letter too
   * many, a thanks that would leave "still crashes" without what crashes).
   */
  static final List<String> APP_NAMES =
      phrases(
          """
          all: teams | outlook | excel | word | zoom | slack | chrome | edge | firefox | safari |
            onedrive | sharepoint | webex | skype | jira | confluence | windows | office | adobe |
            acrobat | citrix | okta | wifi | vpn | bluetooth
          """);

  /**
   * What a number counts when it is not a score ("3 days and nobody called", "2 Kollegen", "5 min
   * later"): after a digit, these make it a count, not a rating with a reason.
   */
  static final List<String> COUNTED =
      phrases(
          """
          en: s | sec | secs | second | seconds | min | mins | minute | minutes | h | hr | hrs |
            hour | hours | day | days | week | weeks | wk | wks | month | months | year | years |
            time | times | people | person | persons | user | users | colleague | colleagues |
            coworkers | co-workers | of | of us | guys | more | other | others | another | ticket |
            tickets | call | calls | email | emails | mail | mails | message | messages | computer |
            computers | laptop | laptops | pc | pcs | printer | printers | monitor | monitors |
            screen | screens | device | devices | phone | phones | thing | things | issue | issues |
            problem | problems | attempt | attempts | try | tries | am | pm | o'clock | x | %
          de: sek | sekunde | sekunden | minute | minuten | std | stunde | stunden | tag | tage |
            tagen | woche | wochen | monat | monate | monaten | jahr | jahre | jahren | mal | leute |
            personen | kollegen | kolleginnen | mitarbeiter | nutzer | benutzer | rechner | drucker |
            bildschirme | monitore | anrufe | versuche | uhr | weitere | andere | von | mehr | sache |
            sachen | dinge | probleme
          fr: seconde | secondes | minute | minutes | heure | heures | jour | jours | semaine |
            semaines | mois | an | ans | annee | annees | fois | personnes | collegues |
            utilisateurs | ordinateurs | imprimantes | ecrans | appels | essais | autres | de |
            des | du | d'entre | chose | choses | problemes
          es: segundo | segundos | minuto | minutos | hora | horas | dia | dias | semana |
            semanas | mes | meses | ano | anos | vez | veces | personas | companeros |
            companeras | usuarios | computadoras | ordenadores | impresoras | pantallas | llamadas |
            correos | intentos | otros | otras | otro | otra | de | del | cosa | cosas | problemas
          pt: segundo | segundos | minuto | minutos | hora | horas | dia | dias | semana | semanas |
            mes | meses | ano | anos | vez | vezes | pessoas | colegas | usuarios | computadores |
            impressoras | telas | monitores | chamados | ligacoes | tentativas | outros | outras |
            outro | outra | de | do | da | dos | das | coisa | coisas | problemas
          """);

  /** "Reopen it", said in words, at "shall I reopen the ticket?". */
  static final List<String> REOPEN =
      phrases(
          """
          en: reopen | re-open | reopen it | re-open it | reopen the ticket | open it again |
            open again | open it | please reopen | take another look | have another look |
            look at it again
          de: wieder offnen | wieder aufmachen | neu offnen | ticket wieder offnen | offnen |
            wiedereroffnen | wieder auf | offne | offne es | mach auf | mach es auf | mach wieder auf |
            mach es wieder auf | aufmachen | mach nochmal auf | mach bitte nochmal auf |
            mach bitte wieder auf | mach es nochmal auf | mach es bitte wieder auf |
            mach es bitte nochmal auf | macht nochmal auf | macht bitte wieder auf |
            mach ihn nochmal auf | mach ihn wieder auf | nochmal aufmachen | nochmal offnen |
            schaut nochmal | schaut es euch nochmal an | nochmal anschauen | offnen sie |
            offnen sie es | machen sie es wieder auf | machen sie wieder auf | machen sie es auf |
            machen sie es bitte wieder auf | schauen sie nochmal | schauen sie es sich nochmal an
          fr: rouvrir | rouvrez | rouvre | reouvrir | reouvrez | rouvrez-le | rouvrir le ticket |
            rouvrez le ticket
          es: reabrir | reabrelo | reabre | reabralo | reabra | abrirlo de nuevo | volver a abrir |
            reabrir el ticket | reabrilo | abrilo de nuevo | volvelo a abrir | reabridlo |
            abridlo de nuevo | volved a abrirlo | reabranlo | vuelvanlo a abrir
          pt: reabrir | reabra | reabre | pode reabrir | abrir de novo | reabrir o chamado |
            reabra o chamado | reabram | reabre-o | reabra-o | reabram o chamado | abre de novo |
            abram de novo
          ja: 再オープン | 再開 | 開けてください | 再度開いてください | もう一度開いてください | もう一回見てほしい |
            もう一度見てほしい | もう一回見てください | もう一度見てください | もう一回見て | もう一度見て |
            見直してほしい | 見直してください | 開けて | 開けといて | 開けてほしい | 開けてもらえますか |
            再オープンして | 再オープンしてほしい | 再開して | 再開してほしい | もう一度開いて | 開き直して |
            もっかい見て | もっかい見てください | もっかい開けて
          """);

  /** Agreeing, as an answer to a yes / no offer ("shall I reopen?"): a yes there. */
  /**
   * Thanks and nothing else: what may follow an agreement ("ok, thanks") without turning it into a
   * goodbye ("ok thanks bye", "ok, that's all" close the conversation, they agree to nothing).
   */
  static final List<String> THANKS = phrases(Lexicon.THANKS_WORDS);

  private static final String THANKS_WORDS =
      """
          en: thanks | thank you | thank u | thx | ty | ta | cheers | many thanks | thanks a lot |
            thank you so much | thanks so much | thankyou | thnx | thanx | tnx | tysm |
            thank you very much | thanks very much | much appreciated | appreciated | appreciate it |
            thank you all | thanks all | thanks everyone | thank you everyone | thanks guys |
            kind regards | best regards | regards | best wishes | many thanks for your help |
            thanks for your help | thank you for your help | thank you for your support
          de: danke | danke schon | danke dir | danke euch | vielen dank | dankeschon |
            danke sehr | vielen lieben dank | besten dank | herzlichen dank | merci | thx |
            merci vielmal | danke vielmal | merci viumau | mit freundlichen grussen | freundliche grusse |
            viele grusse | beste grusse | liebe grusse | vielen dank fur ihre unterstutzung |
            vielen dank fur ihre hilfe | danke fur ihre hilfe | vielen dank fur die hilfe
          fr: merci | merci beaucoup | merci bcp | merci bien | mille mercis | merci encore |
            je vous remercie | cordialement | bien cordialement | merci pour votre aide |
            merci de votre aide | merci pour votre intervention
          es: gracias | muchas gracias | mil gracias | muchisimas gracias | grax | graciass |
            muchas gracias por su atencion | gracias por su atencion | gracias por su ayuda |
            muchas gracias por su ayuda | le agradezco | saludos | saludos cordiales | un saludo | atentamente
          pt: obrigado | obrigada | valeu | muito obrigado | muito obrigada | obg | vlw | brigado |
            brigada | obrigadao | brigadao | agradeco | agradeco a atencao | agradeco pela atencao |
            obrigado pela atencao | obrigada pela atencao | atenciosamente | abracos | att |
            obrigadinho | obrigadinha
          ja: ありがとう | ありがとうございます | ありがとうございました | どうも | どうもありがとう | どうもありがとうございます |
            助かりました | ありがと | ありがとー | あざす | あざっす | サンキュー | さんきゅ | どうもです |
            ご対応いただきありがとうございました | ご対応ありがとうございました | ご対応いただきありがとうございます |
            おおきに | おおきにー | おおきにな | arigatou | arigato | arigatou gozaimasu | arigatou gozaimashita
          emoji: 🙏 | 😊 | 🙂 | ❤ | ♥ | 🥰 | 🤗
          """;

  /**
   * What starts a signature or a mail footer after the answer: a sign-off, "-- ", "sent from my
   * iPhone", a confidentiality notice. Only read after a sentence end or a comma.
   */
  static final List<String> SIGN_OFF =
      phrases(
          """
          all: -- | --- | __ | sent from my | this message and any attachments | this email and any |
            this e-mail and any | confidentiality notice | disclaimer
          en: kind regards | best regards | regards | warm regards | many thanks | best wishes |
            yours sincerely | sincerely | best | br
          de: mit freundlichen grussen | freundliche grusse | viele grusse | beste grusse |
            liebe grusse | mfg | lg | gruss | von meinem iphone gesendet | gesendet von
          fr: cordialement | bien cordialement | salutations | meilleures salutations |
            bien a vous | envoye de mon
          es: saludos | saludos cordiales | un saludo | atentamente | enviado desde mi
          pt: com os melhores cumprimentos | cumprimentos | melhores cumprimentos | atenciosamente |
            abracos | enviado do meu
          ja: よろしくお願いいたします | よろしくお願いします | 以上、よろしくお願いします
          """);

  static final List<String> AGREE =
      phrases(
          """
          en: ok | okay | ok please | okay please | go ahead | do it | sounds good | alright |
            all right | okay go ahead | ok go ahead | go on then | go on | go for it
          de: ok | okay | einverstanden | mach das | mach mal | gerne | alles klar | in ordnung
          fr: ok | d'accord | daccord | allez-y | ok d'accord | entendu
          es: ok | vale | de acuerdo | dale | adelante
          pt: ok | ta bom | ta | beleza | pode | pode sim | combinado | fechado
          ja: オッケー | それでお願いします | それでいいです | お願い
          """);

  /** "Leave it closed", said in words, at "shall I reopen the ticket?". */
  static final List<String> KEEP_CLOSED =
      phrases(
          """
          en: leave it | leave it closed | keep it closed | don't reopen | dont reopen | close it |
            keep it shut | no need |
            do not reopen | no reopen | no need to reopen | leave closed | it can stay closed |
            don't reopen it | dont reopen it | don't bother | dont bother | not necessary |
            not needed | it's ok | its ok | it's fine | its fine | it's fine as it is |
            its fine as it is | fine as it is | it's ok as it is | leave it as it is | as it is
          de: geschlossen lassen | zu lassen | zulassen | nicht wieder offnen | nicht offnen |
            lass es zu | lass es geschlossen | kann zu bleiben | kann geschlossen bleiben | lass zu |
            lass das zu | lass ihn zu | bleibt zu | kann zu | nicht aufmachen | nicht notig |
            nicht noetig | nicht notwendig | passt so | brauchst nicht | musst nicht | lass mal |
            lass gut sein | lass nur | schon gut | muss nicht | lassen sie es zu |
            lassen sie es geschlossen | lassen sie zu | lassen sie es so | lassen sie das ticket zu |
            lassen sie ihn zu | ist gut so | ist ok so | so ist gut | so passt es | passt so wie es ist
          fr: laisser ferme | laissez ferme | laissez-le ferme | laissez le ferme | ne pas rouvrir |
            pas besoin de rouvrir | ne le rouvrez pas | pas la peine | c'est pas la peine |
            ce n'est pas la peine | pas necessaire | pas besoin | c'est beau | c'est correct |
            c'est ok | ca va aller | laissez-le | laisse-le | c'est bien comme ca | c'est bon comme ca |
            ca va comme ca | laissez comme ca | comme ca c'est bien
          es: dejarlo cerrado | dejalo cerrado | deja cerrado | dejar cerrado | no reabrir |
            no lo reabras | no hace falta reabrir | puede quedar cerrado | no hace falta |
            no es necesario | no te molestes | no se moleste | dejalo asi | dejalo |
            dejadlo cerrado | dejadlo | no lo reabran | dejenlo cerrado | dejenlo asi |
            ya esta bien asi | esta bien asi | asi esta bien | asi esta bien gracias | ya esta bien
          pt: deixar fechado | deixa fechado | pode deixar fechado | nao reabrir |
            nao precisa reabrir | pode fechar | pode ficar fechado | nao precisa |
            nao e necessario | deixa assim | deixa quieto | deixa | nem precisa | pode deixar |
            deixa estar | deixe estar | deixe fechado | deixem fechado | pode ficar assim |
            esta bom assim | ta bom assim | assim esta bom | assim ta bom | esta bem assim
          ja: クローズのままで | クローズのままでいいです | クローズのままで大丈夫です | 再オープン不要 | 再オープンは不要です | 開けなくていいです | そのままで |
            そのままでいいです | そのままで大丈夫です | 大丈夫です | いいです | 結構です | 不要です | もういいです |
            もういい | 再オープンしなくていいです | 再オープンしなくていい | 再オープンしなくて大丈夫です |
            再オープンはしなくていいです | 再オープンはしなくて大丈夫です | 再開しなくていいです |
            再開は不要です | 開けなくて大丈夫です | もういいや | いいよ | いいや | そのままでいいよ |
            開けなくていいよ | このままで | このままでいいです | このままで大丈夫です | このままでいい | 今のままで |
            今のままでいいです | 今のままで大丈夫です
          """);

  /**
   * The trouble goes on, said with words of its own after these ("still can't print", "immer noch
   * kein Netz", "toujours pas reçu", "sigue sin llegar", "ainda não chegou"): not fixed, the whole
   * reply its comment. Japanese is read in AnswerParser (まだ or 相変わらず, then a negative verb).
   */
  static final List<String> STILL_NOT =
      phrases(
          """
          en: still not | still can't | still cant | still cannot | still can not | still doesn't |
            still doesnt | still does not | still don't | still dont | still won't | still wont |
            still isn't | still isnt | still aren't | still arent | still no | still unable |
            still having | still getting | still seeing | still nothing | still nobody |
            still waiting | i still can't | i still cant | i still cannot | i still have |
            i still get | i still see | it still won't | it still wont | it still doesn't |
            it still doesnt | it still does not | still the same
          de: immer noch nicht | immer noch kein | immer noch keine | immer noch keinen |
            immer noch nichts | noch immer nicht | noch immer kein | noch immer keine |
            kann immer noch nicht | kann noch immer nicht | ich kann immer noch nicht |
            kann mich immer noch nicht | ich kann mich immer noch nicht |
            kann mich noch immer nicht | ich kann mich noch immer nicht |
            habe immer noch | hab immer noch | ich habe immer noch | ich hab immer noch |
            geht immer noch nicht | funktioniert immer noch nicht
          fr: toujours pas | toujours aucun | toujours aucune | toujours rien | toujours impossible |
            je n'arrive toujours pas | j'arrive toujours pas | je ne peux toujours pas |
            je peux toujours pas | j'ai toujours | ca ne marche toujours pas | ca marche toujours pas
          es: sigue sin | sigo sin | siguen sin | todavia no | aun no | todavia sin | aun sin |
            sigo teniendo | sigue dando | sigue saliendo | sigue apareciendo | todavia no puedo |
            aun no puedo
          pt: ainda nao | continua sem | continuo sem | ainda sem | segue sem | continua dando |
            continua aparecendo | ainda estou sem | ainda to sem | ainda nao consigo
          """
              + Lexicon.STILL_FAILING);

  /**
   * How it still fails, with the word for "still" and no negation ("still jams", "stürzt immer noch
   * ab", "plante toujours", "sigue atascándose", "continua travando"): in {@link #STILL_NOT}, so
   * that "the printer still jams" is not fixed with its words, and in {@link #NOT_FIXED}, so that
   * "still jams" alone is. Japanese is read in AnswerParser (まだ, then how it fails).
   */
  private static final String STILL_FAILING =
      """
          en: still jams | still jamming | still crashes | still crashing | still freezes |
            still freezing | still flickers | still flickering | still drops | still dropping |
            still disconnects | still disconnecting | still hangs | still hanging | still keeps |
            still fails | still failing | still reboots | still rebooting | still restarts |
            still restarting | still shuts down | still lags | still lagging | still cuts out |
            still kicks me out | still logs me out | still throws | still gives me | still errors |
            still beeps | still overheats | still slow | still so slow | still very slow
          de: sturzt immer noch ab | sturzt noch immer ab | sturzt weiterhin ab |
            hangt immer noch | hangt noch immer | hangt sich immer noch auf |
            hangt sich noch immer auf | hangt weiterhin | flackert immer noch | flackert noch immer |
            flackert weiterhin | friert immer noch ein | friert noch immer ein | friert weiterhin ein |
            bricht immer noch ab | bricht noch immer ab | bricht weiterhin ab | immer noch papierstau |
            noch immer papierstau | immer noch abgesturzt | startet immer noch neu |
            startet weiterhin neu | ist immer noch langsam | immer noch langsam | immer noch fehler |
            immer noch eine fehlermeldung | immer noch die fehlermeldung
          fr: bourre encore | bourre toujours | bloque encore | bloque toujours | se bloque encore |
            se bloque toujours | plante encore | plante toujours | bug encore | bug toujours |
            bugue encore | bugue toujours | beug encore | beug toujours | coupe encore |
            coupe toujours | rame encore | rame toujours | freeze encore | freeze toujours |
            saute encore | saute toujours | redemarre encore | redemarre toujours |
            se deconnecte encore | se deconnecte toujours | clignote encore | clignote toujours |
            scintille encore | scintille toujours | continue de planter | continue a planter |
            continue de bugger | continue de couper | continue de bloquer
          es: sigue atascandose | se sigue atascando | sigue colgandose | se sigue colgando |
            sigue trabandose | se sigue trabando | sigue cortandose | se sigue cortando |
            sigue reiniciandose | se sigue reiniciando | sigue congelandose | se sigue congelando |
            sigue bloqueandose | se sigue bloqueando | sigue desconectandose |
            se sigue desconectando | sigue parpadeando | sigue lento | sigue muy lento |
            todavia se cuelga | aun se cuelga | todavia se traba | aun se traba | todavia falla |
            aun falla | todavia se corta | aun se corta | todavia se reinicia | aun se reinicia
          pt: continua travando | continua caindo | continua falhando | continua congelando |
            continua reiniciando | continua desligando | continua piscando | continua desconectando |
            continua lento | continua muito lento | ainda trava | ainda esta travando |
            ainda ta travando | ainda cai | ainda esta caindo | ainda ta caindo | ainda falha |
            ainda congela | ainda reinicia | ainda esta reiniciando | ainda ta reiniciando |
            ainda desliga | ainda pisca | ainda da erro | ainda esta lento | ainda ta lento |
            ainda desconecta
          ja: まだフリーズします | まだフリーズする | まだ固まります | まだ落ちます | まだ紙詰まりします |
            まだ切れます | まだエラーが出ます | 相変わらずフリーズします | 相変わらず落ちます | 相変わらず切れます
          """;

  /**
   * After a "still not" of a later clause, words that say the writer still does not know, believe
   * or understand something ("works now, still can't believe it took a week", "ça marche, toujours
   * pas compris pourquoi", "ya funciona, todavía no sé qué pasó"): no trouble that goes on. Spanish
   * and Portuguese "se" is also a pronoun ("todavía no se conecta"), so it counts only before a
   * word that follows "I know" ({@link #KNOW_WHAT}) or at the clause's end.
   */
  static final List<String> NOT_KNOWING =
      phrases(
          """
          en: believe | understand | understood | know | knew | idea | clue | sure | figured |
            get why | get how | get what
          de: verstanden | verstehe | versteh | kapiert | kapier | weiss | weis | glauben |
            glaub | fassen | sicher | klar warum | klar wieso
          fr: compris | comprends | comprend | sais | sait | su | sur | sure | idee | croire |
            crois | capte | pige
          es: sabe | sabemos | entiendo | entendi | entiende | idea | creo | creer | seguro |
            segura | me explico
          pt: sei | sabe | sabemos | entendi | entendo | entende | ideia | acredito | acreditar |
            certeza | seguro | segura
          """);

  /**
   * After Spanish or Portuguese "se" (I know), what is known: "no sé qué pasó", "não sei porque".
   */
  static final List<String> KNOW_WHAT =
      phrases(
          """
          es: que | por que | porque | como | si | nada | bien | cual | donde | cuando
          pt: o que | que | porque | por que | como | se | nada | bem | qual | onde | quando
          """);

  /** Not fixed, said in words (checked before yes / no: "no funciona" is not a plain no). */
  static final List<String> NOT_FIXED =
      phrases(
          """
          all: not fixed | still broken | not resolved | still not working | still not fixed |
            still not | still no |
            doesn't work | doesnt work | does not work | still doesn't work | still doesnt work |
            not working | it's not fixed | its not fixed | still an issue | still a problem |
            unresolved | broken | not yet | not fixed yet | not quite | still the same |
            same problem | same issue | still happening | no change | not solved | not solved yet |
            not resolved yet | nothing changed | it isn't | it isnt | isn't | isnt | it's not |
            its not | it is not | unfortunately | sadly
            didn't work | didnt work | did not work | it didn't work | it didnt work |
            it did not work | didn't help | didnt help | did not help | it didn't help |
            it didnt help | didn't fix it | didnt fix it | it didn't | it didnt | it did not |
            no luck | still no luck | still crashing | still crashes | still buggy | still failing |
            still fails | still freezing | still freezes | doesn't work anymore | doesnt work anymore |
            stopped working | worse than before | even worse | it's worse | its worse | worse now |
            still broke | broke again | it's broke | its broke | is still broken | is broken |
            is not working | isn't working | isnt working | is still not working |
            it's not working | it's still not working | it's broken | it's still broken
            partially | partly | partially fixed | partly fixed | half fixed | only partly |
            only partially | kinda | kind of | sort of | sorta | more or less | somewhat |
            not completely | not entirely | not fully | yes and no | ja und nein | oui et non | si y no |
            sim e nao | same issue is there | same problem is there | same issue is still there |
            same problem is still there | not working only | still not working only |
            same issue is there only | same problem is there only | issue is there only |
            it's not working only | it is not working only | same issue only | same problem only |
            doesn't work at all | doesnt work at all | does not work at all | not working at all |
            still not working at all
          de: nicht behoben | nicht gelost | noch nicht behoben | noch nicht gelost |
            geht immer noch nicht | geht nicht | geht noch nicht | funktioniert nicht |
            funktioniert immer noch nicht | funktioniert noch nicht | immer noch kaputt |
            noch kaputt | kaputt | noch nicht | leider nicht | immer noch nicht | noch immer nicht |
            hat nicht geklappt | hat nicht funktioniert | hat nichts gebracht | klappt nicht |
            klappt immer noch nicht | ging nicht |
            teilweise | nur teilweise | zum teil | jein | halbwegs | so halb | mehr oder weniger |
            teils teils |
            leider noch nicht | nicht ganz | immer noch das gleiche | immer noch dasselbe | leider
            hat leider nicht geklappt | hat leider nicht funktioniert | hat leider nichts gebracht |
            hat immer noch nicht geklappt | hat noch nicht geklappt | leider nicht geklappt |
            funktioniert leider nicht | funktioniert leider immer noch nicht |
            funktioniert leider noch nicht | geht leider nicht | geht leider immer noch nicht |
            geht leider noch nicht | klappt leider nicht | klappt leider immer noch nicht |
            lauft leider nicht | lauft immer noch nicht | lauft leider immer noch nicht |
            geht gar nichts mehr | geht nichts mehr | geht gar nix mehr | geht nix mehr |
            nichts geht mehr | nix geht mehr | gar nichts geht mehr | nichts funktioniert | geht gar nicht mehr | geht nicht mehr |
            funktioniert nicht mehr | funktioniert gar nicht mehr | lauft nicht mehr |
            noch schlimmer | schlimmer als vorher | schlimmer | immer noch hin | noch immer hin |
            ist immer noch hin | ist noch immer hin | is noch immer hin | is immer noch hin |
            is no imma hin | is imma no hin | geht immer no ned | geht imma no ned | geht no ned |
            immer no ned | imma no ned | nicht geht | nicht funktioniert | nicht lauft | nicht klappt |
            funktioniert uberhaupt nicht | funktioniert gar nicht |
            geht uberhaupt nicht | geht gar nicht | klappt uberhaupt nicht | klappt gar nicht
          fr: pas resolu | pas repare | non resolu | toujours pas resolu | ca ne marche pas |
            pas regle | pas encore regle | toujours pas regle | non regle | pas du tout regle |
            ca ne joue pas | ca ne joue toujours pas | ca joue pas | ca joue toujours pas |
            ne joue pas | ne joue toujours pas |
            ne marche pas | ne marche toujours pas | ne fonctionne pas | ne fonctionne toujours pas |
            ca ne marche toujours pas | ca marche pas | ca marche toujours pas |
            ca ne fonctionne pas | toujours en panne | en panne | pas encore | toujours pas |
            pas tout a fait | toujours le meme probleme | meme probleme | pas encore resolu |
            ca n'a pas marche | ca n'a pas fonctionne | n'a pas marche | n'a pas fonctionne |
            ca a pas marche | ca n'a rien change | pas marche |
            en partie | partiellement | plus ou moins | a moitie | pas completement |
            pas entierement | seulement en partie | ca bug toujours | ca bugue toujours |
            ca beug toujours | ca plante toujours | ca bug encore | ca bugue encore | ca plante encore |
            ca bloque toujours | ca rame toujours |
            malheureusement | ca marche encore moins | ca marche moins bien | ca marche plus |
            ca ne marche plus | ca fonctionne plus | ca ne fonctionne plus | c'est pire | encore pire |
            pire qu'avant | toujours aussi lent | toujours aussi lente | ca ne marche plus du tout |
            ca marche plus du tout | plus rien ne marche | plus rien ne fonctionne | rien ne marche |
            rien ne fonctionne | plus rien marche | rien marche | pantoute | pas pantoute |
            ca marche pas du tout | ca ne marche pas du tout | ca fonctionne pas du tout |
            ca ne fonctionne pas du tout
          es: no solucionado | no resuelto | no arreglado | no esta solucionado |
            sigue sin funcionar | sigue roto | no funciona | sigue fallando | todavia no funciona |
            aun no funciona | todavia no | aun no | sigue igual | no del todo | sigue el problema |
            sigue pasando | mismo problema | ya no funciona | lamentablemente | desafortunadamente
            no se arreglo | no se soluciono | no se resolvio | no funciono | no sirvio |
            no se ha solucionado | no se ha arreglado | no se ha resuelto
            tampoco arranca | tampoco funciona | ya no arranca | no arranca | ni arranca |
            ni siquiera arranca | peor que antes | esta peor | dejo de funcionar |
            no funciona nada | nada funciona | ya nada funciona | ya no funciona nada
            parcialmente | en parte | mas o menos | a medias | no completamente | solo en parte
            no sirve | ya no sirve | todavia no sirve | aun no sirve | sigue sin servir | no jala |
            ya no jala | todavia no jala | aun no jala | sigue sin jalar | no anda | ya no anda |
            todavia no anda | aun no anda | sigue sin andar | no funciona para nada | no funcione |
            no ande | no sirva | no jale |
            no funciona en absoluto
          pt: nao resolvido | nao foi resolvido | nao resolveu | continua sem funcionar |
            nao ta | ainda nao ta | nao ta funcionando | nao ta a dar |
            ainda nao funciona | nao funciona | continua com problema | continua quebrado |
            ainda nao | continua igual | nao totalmente | continua o mesmo problema | mesmo problema |
            ainda com problema | ainda nao resolveu | infelizmente | continua com erro |
            continua com defeito | ainda com erro | ainda com defeito
            nao funcionou | nao deu certo | nao adiantou | nao resolveram | num funcionou |
            num funciona | num deu certo | num ta funcionando | num resolveu
            nem liga mais | nem liga | nao liga mais | nao liga | parou de funcionar | piorou |
            ficou pior | pior que antes | nao funciona mais | nada funciona | nao funciona nada |
            nada mais funciona
            parcialmente | em parte | mais ou menos | meio que | pela metade | nao completamente |
            so em parte
            nao da | nao esta a dar | nao ta a dar | ainda nao da | ainda nao esta a dar |
            continua a nao dar | continua sem dar | continua a dar erro | continua a dar o mesmo erro |
            ainda esta a dar erro | nao funciona de jeito nenhum | nao funcione |
            nao funciona de jeito algum
          ja: 直ってへん | まだ直ってへん | なおってへん | 治ってへん | 直らへん | まだあかん | あかん |
            あかんかった | 動かへん | まだ動かへん | mada dame | mada dame desu | dame desu | naottenai |
            naotte nai | mada naottenai | mada naotte nai | 直っていません | まだ直っていません | まだ直ってない | まだ解決していません | 直ってない | 直らない | なおっていません | 解決していません | 解決してない | 未解決 | まだ動きません | 動きません |
            まだ使えません | 使えません | まだダメです | ダメです | まだです | まだだめです | ng | ngです | まだng | まだngです | ngでした | まだ直っていないです | まだ直っていない |
            直っていないです | 直っていない | まだ | 残念ながら直っていません | 残念ながらまだです | 残念ながら
            直りませんでした | 直らなかった | 解決しませんでした | 解決しなかった | ダメでした | だめでした |
            動きませんでした | 前より悪くなりました | 悪化しました | もっとひどくなりました |
            まだダメ | まだだめ | ダメ | だめ | ダメだった | だめだった | ダメでしたね | ダメみたい | だめみたい |
            直ってないよ | 直ってないです | 直らないよ | 相変わらず動かない | 相変わらず動きません | 相変わらずダメ |
            相変わらずダメです | 相変わらずです | 相変わらず直ってない | 相変わらず直っていません
            一部だけ直りました | 一部直りました | 半分直りました | 一部だけ | 部分的に | 一部 | 半分 |
            完全には直っていません | いまいち
            無理 | 無理です | 無理っぽい | 無理っぽいです | 無理みたい | 無理みたいです | まだ無理 | ムリ |
            ダメっぽい | だめっぽい | ダメっぽいです | だめっぽいです
            なおってない | なおってません | なおっていません | なおらない | まだなおってない | まだなおってません
            直ってない | 直ってないです | 直ってません | 直っていません | 直っていないです | 直っていない | 直ってなかった | 直っていなかった | 直ってませんでした | 直っていませんでした | なおってない | なおってないです | なおってません | なおっていません | なおっていないです | なおっていない | なおってなかった | なおっていなかった | なおってませんでした | なおっていませんでした | 解決してない | 解決してないです | 解決してません | 解決していません | 解決していないです | 解決していない | 解決してなかった | 解決していなかった | 解決してませんでした | 解決していませんでした | 動いてない | 動いてないです | 動いてません | 動いていません | 動いていないです | 動いていない | 動いてなかった | 動いていなかった | 動いてませんでした | 動いていませんでした |
            うごいてない | うごいてないです | うごいてません | うごいていません | うごいていないです | うごいていない | うごいてなかった | うごいていなかった | うごいてませんでした | うごいていませんでした | 使えてない | 使えてないです | 使えてません | 使えていません | 使えていないです | 使えていない | 使えてなかった | 使えていなかった | 使えてませんでした | 使えていませんでした | つかえてない | つかえてないです | つかえてません | つかえていません | つかえていないです | つかえていない | つかえてなかった | つかえていなかった | つかえてませんでした | つかえていませんでした | 治ってない | 治ってないです | 治ってません | 治っていません | 治っていないです | 治っていない | 治ってなかった | 治っていなかった | 治ってませんでした | 治っていませんでした
          """
              + Lexicon.STILL_FAILING);

  /** Fixed, said in words. */
  static final List<String> FIXED =
      phrases(
          codeSwitched()
              + """
          all: fixed | it's fixed | its fixed | it is fixed | all fixed | resolved | solved |
            yes it is | yes, it is | bis jetzt schon | bisher schon | bis jetzt ja |
            bisher ja |
            works now | it works | it works now | working now | works again | sorted | works |
            working | it's working | its working | it is working | it's working now |
            its working now | working again | all working
            it did | it worked | that worked | worked | that did it | did the trick
            no issues | no issue | no issues anymore | no more issues | no problems |
            no problems anymore | no more problems | no complaints | nothing wrong | nothing wrong now |
            no errors | no more errors | no problem now | no problem anymore | no problems now |
            nothing wrong with it | nothing wrong with it now | nothing wrong anymore |
            so far so good | good so far | all good so far | fine so far | ok so far |
            nothing wrong with it anymore |
            no complaints now | no problem at all | no problems at all
          de: behoben | gelost | ist behoben | ist gelost | problem gelost | geht wieder |
            geht jetzt | funktioniert wieder | funktioniert jetzt | lauft wieder | klappt wieder |
            funktioniert | lauft | klappt | geht | fkt | fkt wieder | fkt jetzt | funzt | funzt wieder |
            funzt jetzt
            hat geklappt | hat funktioniert
            keine probleme mehr | kein problem mehr | keine probleme | keine fehler mehr |
            keine beschwerden | keine klagen | keine probleme bisher | bisher keine probleme |
            kein problem | kein fehler mehr | bis jetzt passt alles | bisher passt alles |
            bis jetzt passt | bisher passt | passt alles | passt bis jetzt | passt bisher
          fr: resolu | repare | c'est resolu | c'est repare | probleme resolu | ca marche |
            ca remarche | ca fonctionne | ca marche maintenant | regle | c'est regle |
            tout est regle | probleme regle | c'est en ordre | tout est en ordre | c'est de nouveau en ordre
            ca a marche | ca a fonctionne | c'est reparti | ca repart | ca refonctionne
            plus de probleme | plus de problemes | plus aucun probleme | plus de souci |
            plus aucun souci | plus de soucis | ca joue | ca rejoue | ca joue a nouveau |
            pas de souci | pas de soucis | aucun souci | aucun probleme | ca roule | ca roule maintenant
          es: solucionado | resuelto | arreglado | ya funciona | funciona | esta solucionado |
            esta arreglado | ya esta
            funcionando | esta funcionando | ya esta funcionando | ya quedo | quedo | ya jala |
            ya sirve | ya va | ya anda | volvio a funcionar | lo arregle | lo solucione | lo resolvi
            funciono | se arreglo | se soluciono | se resolvio | lo habeis arreglado |
            ya lo habeis arreglado | lo habeis solucionado | ya lo habeis solucionado | lo han arreglado |
            ya lo han arreglado
            ya no hay problemas | ya no hay problema | sin problemas | sin problemas ya |
            ningun problema | sin problema | sin problema ya | ninguna queja | sin quejas |
            ningun problema mas | de momento bien | por ahora bien | hasta ahora bien |
            de momento todo bien | por ahora todo bien | hasta ahora todo bien | anda barbaro |
            anda joya | anda de diez | anda perfecto | anda genial | anda de lujo | anda barbaro ya |
            anda bien | anda re bien | anda muy bien | ya anda bien | no hay problema | no hay problemas |
            no hay ningun problema
          pt: resolvido | consertado | funcionou | ja funciona | funciona | esta resolvido |
            foi resolvido | resolveu
            deu certo | funcionando | ta funcionando | esta funcionando | ja ta funcionando |
            voltou a funcionar | voltou | ta ok | ta certo | ta tudo certo | resolvi | ja resolvi
            ja da | esta a dar | ja esta a dar | ja ta a dar | ta a dar | esta tudo funcionando |
            esta tudo a funcionar | ta tudo funcionando | ta tudo a funcionar | ja esta |
            ja esta funcionando | ja esta tudo funcionando | ja esta resolvido | ficou resolvido | ja ficou resolvido | ficou tudo resolvido |
            resolveram | ja resolveram | voltou ao normal | ja voltou ao normal
            sem problemas | sem problemas agora | nenhum problema | nenhum problema mais |
            nao tem mais problema | sem problema | sem problema agora | nenhuma reclamacao |
            sem reclamacoes | ta de boa | esta de boa | ta tudo de boa | tudo de boa |
            esta tudo de boa | ja ta de boa | nao tem problema | nao ha problema | funfou | ta funfando |
            funfando | ja funfou
          ja: 特に問題ありません | 問題ありません | 問題ございません | 特に問題ないです | もう問題ないです | 問題ないです | もう問題ない | 問題なし | 直りました | 直った | なおりました | なおった | なおりましたー | 直ってます | 直ってる | なおってます |
            なおってる | かいけつしました | うごきました | うごいてます | 使えるようになった | つかえるようになりました |
            直ってます | 直っています | 直ってる | なおってます | なおっています | なおってる | 解決してます | 解決しています | 解決してる | 動いてます | 動いています | 動いてる | うごいてます | うごいています | うごいてる | 使えてます | 使えています | 使えてる | つかえてます | つかえています | つかえてる | 治ってます | 治っています | 治ってる | 解決しました | 解決済みです | 解決済み | 動きました | 使えるようになりました | 解決 | 動いています | 動いてます | 使えています | 使えてます | 使えます |
            動きます | 解決いたしました | 解消しました | 解消いたしました | 復旧しました | 復旧いたしました |
            直りましたよ | 直ったよ | 直ったよー | 直ったー | 直ってるよ | 動いたよ | 使えたよ | 解決したよ | 解決した |
            おかげさまで直りました | おかげさまで解決しました | おかげさまで解決いたしました |
            治りました | 治った | 治りましたー | 治ったよ | 直ってました | なおってました | 治ってました |
            使用できております | 使用できています | 使えております | 動いております | 解決いたしました |
            解決しております | 問題なく使用できております | 問題なく使えております |
            直ったで | 直ったわ | なおったで | なおったわ | 直ってるで | いけた | いけたわ | いけました | いけたで |
            naotta | naotta yo | naottayo | naorimashita | naotteru | ugoita | ugokimashita |
            動いた | うごいた | 動いたー | うごいたー | ばっちり | ばっちりです
          """
              + Lexicon.SEEMS_FIXED_WORDS);

  /** Fixed, hedged: "seems ok", "looks good", "sieht gut aus", "eso parece", "大丈夫そうです". */
  static final List<String> SEEMS_FIXED = phrases(Lexicon.SEEMS_FIXED_WORDS);

  private static final String SEEMS_FIXED_WORDS =
      """
          en: seems ok | seems okay | seems fine | seems good | looks good | looks ok | looks okay |
            looks fine | seems so | it seems so | looks like it | apparently yes | apparently so
          de: sieht gut aus | scheint ok | scheint in ordnung | scheint so | anscheinend ja |
            scheinbar ja | durfte passen | durfte jetzt passen | sollte passen | sollte jetzt passen
          fr: ca a l'air bon | ca a l'air ok | ca semble bon | ca semble ok
          es: eso parece | aparentemente si | parece que esta bien
          pt: aparentemente sim | parece que esta tudo bem
          ja: 大丈夫そうです | 大丈夫そう | 問題なさそうです | 問題なさそう | 大丈夫みたいです | 大丈夫みたい |
            直ったようです | 直ったよう | 動いているようです | 動いてるようです | 動いているみたいです |
            動いてるみたいです | 使えるみたいです | 使えるようです | 使えそうです | 使えるみたい
          """;

  /**
   * What opens where, how or since when a fix holds, right after the fixed phrase ("works with the
   * new cable", "fixed after the reboot", "läuft jetzt mit dem neuen Kabel", "ça marche avec le
   * nouveau câble", "ya funciona con el cable nuevo", "funcionou depois de reiniciar"). Not "for"
   * or "without" alone ("works for an hour", "works without the dock" say it holds only so), nor
   * Portuguese "no", which is also the Spanish no.
   */
  static final List<String> FIX_HOW =
      phrases(
          """
          en: with | after | since | in | on | at | via | over | through | using | from | for me
          de: mit | nach | seit | im | am | auf | uber | per | dank | bei mir | fur mich
          fr: avec | apres | depuis | sur | dans | au | via | grace a | pour moi | chez moi
          es: con | despues de | despues del | desde | en | tras | gracias a | para mi | por el | por la
          pt: com | depois de | depois da | depois do | desde | na | nos | nas | em | apos | pelo |
            pela | pra mim | para mim | aqui
          """);

  /**
   * Words that say the fix holds only for a while, only somewhere or only sometimes, or that
   * something followed it: in the words after a fixed phrase they make it no plain fix ("works
   * after the reboot until it freezes", "works on wifi only", "geht mit dem Kabel, dann nicht
   * mehr").
   */
  static final List<String> FIX_LIMITED =
      phrases(
          """
          en: only | just | then | until | till | sometimes | again | except | unless | still | anymore
          de: nur | dann | danach | bis | manchmal | wieder | ausser | ausser wenn | noch
          fr: seulement | que | puis | ensuite | jusqu'a | parfois | encore | sauf
          es: solo | solamente | luego | despues | hasta | a veces | otra vez | excepto | salvo | todavia
          pt: so | somente | apenas | depois | ate | as vezes | de novo | exceto | ainda
          """);

  /**
   * Words that only place a yes or no in time or stress it ("now", "again", "yet", "ya", "ainda",
   * "perfectly", "einwandfrei", "certinho"): "all sorted now", "nao resolveu ainda", "works
   * perfectly" say no more than the answer itself.
   */
  static final List<String> FILLER =
      phrases(
          """
          en: perfectly | fine | great | well | properly | flawlessly | smoothly | perfect |
            like a charm | as expected
          de: einwandfrei | perfekt | tadellos | super | prima | bestens | problemlos | wie gewohnt
          fr: parfaitement | nickel | impeccable | tres bien | bien | sans souci | sans probleme
          es: perfectamente | perfecto | bien | genial | sin problemas | de maravilla | joya | guay
          pt: perfeitamente | perfeito | bem | certinho | direitinho | de boa | normal | normalmente
          ja: ちゃんと | 問題なく | 普通に | 無事
          en: now | again | already | yet | finally | all | totally | completely | fully | than before |
            since yesterday | since then | since this morning | so far
          de: als vorher
          fr: qu'avant
          es: que antes
          pt: do que antes | que antes
          de: jetzt | wieder | schon | endlich | alles | nun | seit gestern | seitdem | bisher |
            ohne probleme | ohne fehler
          fr: maintenant | deja | enfin | encore | tout | depuis hier | depuis | depuis ce matin
          es: ya | ahora | de nuevo | otra vez | por fin | todo | todavia | aun | desde ayer |
            desde entonces | desde esta manana | sin problema
          pt: agora | ja | ainda | de novo | finalmente | tudo | desde ontem | desde entao |
            sem problema | sem problemas
          ja: 昨日から | それ以来 | もう | また | やっと | っぽい | っぽいです | ぽい | みたい | みたいです | らしい | らしいです |
            ようです
          """);

  /**
   * How well something works, said last ("prints fine", "imprime bien", "druckt wieder gut"): after
   * a yes, a short sentence ending so only says the yes again.
   */
  static final List<String> WELL =
      phrases(
          """
          en: fine | well | great | perfectly | properly | normally | as it should | like a charm |
            right | correctly
          de: gut | einwandfrei | normal | tadellos | problemlos | perfekt | wie es soll
          fr: bien | parfaitement | normalement | nickel | correctement | comme il faut
          es: bien | perfecto | perfectamente | normal | normalmente | correctamente | como debe
          pt: bem | perfeitamente | normal | normalmente | certinho | direitinho | como deve
          """);

  /**
   * Words that may come before "fixed" or "not fixed" and add nothing to it ("finally works",
   * "jetzt geht es", "ちゃんと動いてます"); no yes or no among them ("ja" is also German for yes).
   */
  static final List<String> FILLER_BEFORE =
      phrases(
          """
          en: finally | now | everything | all
          de: endlich | jetzt | alles | nun
          fr: enfin | maintenant | tout
          es: por fin | ahora | todo
          pt: finalmente | agora | tudo
          ja: ちゃんと | 問題なく | 普通に | 無事に | 無事 | もう | やっと | 全然 | ぜんぜん
          """);

  /**
   * Words that open a reply and say nothing yet ("well, …", "naja, …", "bueno, …", "まあ…"): the
   * answer to "did we fix it?" may follow them ("naja, teilweise", "well, it works now").
   */
  static final List<String> OPENER =
      phrases(
          """
          en: well | hmm | hm | um | umm | uh | so | ok so | honestly | tbh | oh | ah | ahh | oops | wow |
            meh |
            thanks for nothing
          de: naja | na ja | tja | hmm | also | ehrlich gesagt | ach | och | ah | oh | na
          fr: euh | bah | ben | bon | bof | eh bien | honnetement | ah | oh
          es: bueno | pues | eh | hmm | la verdad | ah | oh | ay | che
          pt: bom | bem | hmm | entao | olha | ah | ai | opa | pa
          ja: まあ | まぁ | うーん | えーと | えっと | あ | あっ | おかげさまで | お陰様で
          """);

  /**
   * Taking back what was just typed ("3 no wait, 4", "2 nein doch 3", "3 euh non 4", "3 no perdón
   * 4", "3 ops quis dizer 4", "3、いや4で", "yes… no wait, still …"): the answer after it is the one
   * meant. Those with a no in them ({@link #NEGATING_CORRECTION}) also take back a yes.
   */
  static final List<String> CORRECTION =
      phrases(
          """
          en: no wait | wait | wait no | oh wait | sorry | sorry i mean | sorry i meant | i mean |
            i meant | meant | no sorry | no i mean | scratch that | make that | make it | correction | oops |
            hang on | hang on no | hold on | hold on no
          de: nein doch | nee doch | ne doch | ne moment | nee moment | nein moment | nein warte |
            nee warte | ne warte | moment | warte | sorry | ich meine | ich meinte | meinte |
            korrektur | quatsch | nein quatsch | ach nee | ah nee | oh nee | ups
          fr: euh non | ah non | oh non | non attendez | non attends | ah non attendez | attendez |
            attends | pardon | je veux dire | je voulais dire | enfin non | non pardon | oups |
            ah si | ah si pardon | si pardon | ah ben si
          es: no perdon | no espera | no esperen | perdon | espera | quiero decir | quise decir |
            digo | no mejor | mejor dicho | o sea | ups | ay no | bueno no | o sea no
          pt: nao pera | nao espera | pera | pera ai | espera | ops | opa | quis dizer | quero dizer |
            digo | ou melhor | alias | desculpa | nao desculpa | quer dizer nao | ops sim | quer dizer
          ja: あ、いえ | あ、いや | いや | いえ | やっぱり | じゃなくて | ではなく | 訂正 | 間違えました | 間違い |
            あ、すみません | あ、すいません | と思ったら | かと思ったら
          """);

  /** The corrections that take back a yes: "no wait", "ne moment", "ah non", "nao pera", "いえ". */
  static final List<String> NEGATING_CORRECTION =
      CORRECTION.stream()
          .filter(
              p ->
                  p.matches(
                          "(?:no|nein|nee|ne|non|nao|ah non|oh non|euh non|ach nee|ah nee|oh nee"
                              + "|enfin non|ay no|bueno no|o sea no|quer dizer nao|hang on no"
                              + "|hold on no)(?: .*)?")
                      // "wait no": a correction that ends in a no takes the answer back too
                      || p.matches(".* (?:no|nein|nee|non|nao)")
                      || p.startsWith("あ、い")
                      || p.equals("いや")
                      || p.endsWith("と思ったら")
                      || p.equals("いえ"))
          .toList();

  /**
   * Shrugging ("whatever", "egal", "comme vous voulez", "da igual", "tanto faz", "別に"): after an ok
   * it adds nothing — "ok, whatever" agrees, with no words of its own to keep.
   */
  static final List<String> INDIFFERENT =
      phrases(
          """
          en: whatever | i guess | fine | if you must | sure why not | why not | suit yourself |
            fine by me | whatever works
          de: egal | mir egal | ist mir egal | von mir aus | meinetwegen | wenns sein muss
          fr: si vous voulez | comme vous voulez | comme tu veux | si tu veux | peu importe |
            pourquoi pas | bon
          es: da igual | me da igual | como quieras | como quieran | lo que sea | si quieres |
            por que no
          pt: tanto faz | whatever | se quiser | como quiser | pode ser | sei la | por que nao
          ja: 別に | べつに | どっちでも | どちらでも | お任せします | おまかせします | 任せます
          """);

  /** An ok and nothing more: it acknowledges what was said, and answers nothing. */
  static final List<String> OK =
      phrases(
          """
          en: ok | okay | k | kk | okk | okey | okie | oki | alright | all right | got it | noted
          de: ok | okay | alles klar | verstanden | jo
          fr: ok | d'accord | dac | entendu | compris | ok ok
          es: ok | vale | okey | entendido | va
          pt: ok | ta | beleza | blz | certo | entendi | ta bom
          ja: オッケー | オーケー | おけ | おっけー | 了解 | 了解です | りょうかい | わかりました | 承知しました
          """);

  /** "Stop", alone or with thanks: opts the person out. */
  static final List<String> STOP =
      phrases(
          """
          all: stop | stop asking | stop asking me | unsubscribe | opt out | optout | opt-out |
            /closeloop optout | stopp | abmelden | nicht mehr fragen | keine umfragen mehr | arrete |
            aufhoren | hor auf | hort auf | horen sie auf |
            arretez | desabonner | se desabonner | ne plus me demander | basta | ya basta | basta ya |
            para | no me preguntes mas | darme de baja | parar | pare | nao me pergunte mais | 停止 | ストップ |
            配信停止 | 今後は不要です | 今後は不要 | やめて | やめてください | 止めて
          de: austragen | bitte austragen | trag mich aus | tragt mich aus | abbestellen
          fr: desinscrire | me desinscrire | desinscrivez-moi | desinscris-moi | desabonnez-moi |
            desabonne-moi
          es: darme de baja | dame de baja | denme de baja | desuscribirme | desuscribeme
          pt: descadastrar | me descadastra | me descadastre | me descadastrem | descadastre-me |
            me tira da lista | me tirem da lista
          """);

  /**
   * The start of a sentence asking not to be surveyed again: opts the person out whatever follows
   * ("stop sending me these surveys", "no me preguntes más, por favor").
   */
  static final List<String> STOP_SENTENCE =
      phrases(
          """
          en: stop asking | stop sending | stop messaging | stop texting | stop surveying |
            stop the surveys | stop these surveys | no more surveys | no more questions |
            don't ask me again | dont ask me again | do not ask me again | don't ask again |
            dont ask again | never ask me again | don't send me surveys | dont send me surveys |
            don't send me any more | dont send me any more | unsubscribe me |
            i don't want these surveys | i dont want these surveys | i don't want any more surveys |
            i dont want any more surveys | no more of these
          de: nicht mehr fragen | keine umfragen mehr | keine umfrage mehr | keine weiteren fragen |
            keine fragen mehr | hor auf mich |
            hort auf mich | hor auf zu | hort auf zu | hor auf damit | hort auf damit |
            schickt mir keine | nicht mehr anschreiben | hor auf mir | hort auf mir | hort auf uns |
            ich will keine umfragen | ich mochte keine umfragen | will keine umfragen |
            mochte keine umfragen | trag mich aus | tragt mich aus | schicken sie mir keine |
            senden sie mir keine | schicken sie mir bitte keine | senden sie mir bitte keine |
            schicken sie mir keine umfragen mehr | bitte keine umfragen mehr | ich mochte keine weiteren |
            tragen sie mich aus | keine weiteren umfragen
          fr: ne plus me demander | ne me demandez plus | ne me demande plus | ne m'envoyez plus |
            plus de sondages | plus de sondage | plus de questionnaires | arretez de me |
            arrete de me | merci de ne plus | ne plus recevoir | arretez de m' | arrete de m' |
            arretez d'envoyer | arrete d'envoyer | je ne veux plus recevoir | je veux plus recevoir |
            je ne veux plus de sondages | je veux plus de sondages | desinscrivez-moi |
            desabonnez-moi | desinscris-moi | desabonne-moi
          es: no me preguntes mas | no me pregunten mas | ya no me preguntes | ya no me pregunten |
            no mas encuestas | no me envies mas | no me manden mas | deja de preguntar |
            dejen de preguntar | deja de enviar | dejen de enviar | deja de mandar | deja de mandarme |
            dejen de mandarme | deja de enviarme | dejen de enviarme | ya no quiero recibir |
            no quiero recibir mas | no quiero recibir encuestas | ya no quiero encuestas |
            no quiero mas encuestas | ya no me manden | ya no me envien | ya no me mandes |
            darme de baja | dame de baja | denme de baja | dejad de mandarme | dejad de enviarme |
            dejad de mandar | dejad de enviar | dejad de preguntar | no me mandeis mas | no me envieis mas
          pt: nao me pergunte mais | nao me perguntem mais | nao quero mais pesquisas |
            nao quero mais receber | chega de pesquisas | chega de perguntas | nao me mande mais |
            nao me mandem mais | pare de perguntar | parem de perguntar | pare de enviar |
            parem de enviar | pare de mandar | para de me mandar | para de mandar | para de me enviar |
            para de enviar | para de perguntar | pare de me mandar | parem de me mandar | parem de mandar |
            nao quero receber mais | nao quero mais essas | me descadastra | me descadastre |
            me tira da lista | me tirem da lista | deixem de me enviar | deixa de me enviar |
            deixem de enviar | deixem de me mandar | deixa de me mandar | deixem de perguntar |
            nao quero mais inqueritos | chega de inqueritos
          ja: もう送らないで | 送らないで | アンケートは不要 | アンケート不要 | アンケートはいらない | もう聞かないで | 配信停止 | 送信停止 | 停止して |
            こういうメッセージはもういらない | こういうメッセージはいらない | このメッセージはもういらない | メッセージはもういらない |
            アンケートはもういらない | こういうのはもういらない | こういう連絡はもういらない | メッセージはもう不要
          """
              + enoughOfSurveys());

  /**
   * "Stop" or "enough" said of the surveys themselves ("arrêtez les sondages", "basta de
   * encuestas", "Schluss mit den Umfragen", "parem com as pesquisas", "enough with the surveys"):
   * each language's words for stopping or having had enough, then its words for these surveys.
   */
  private static String enoughOfSurveys() {
    Map<List<String>, List<String>> said =
        Map.of(
            List.of("enough", "enough with the", "enough of the", "stop with the", "stop all the"),
            List.of("surveys", "survey", "questions", "messages"),
            List.of(
                "schluss mit",
                "schluss mit den",
                "genug",
                "genug mit den",
                "stoppt die",
                "stopp die"),
            List.of("umfragen", "fragen", "nachrichten"),
            List.of(
                "arretez",
                "arretez les",
                "arrete",
                "arrete les",
                "assez de",
                "stop aux",
                "stop les",
                "halte aux",
                "fini les"),
            List.of("sondages", "questionnaires", "questions", "messages"),
            List.of(
                "basta de",
                "basta con las",
                "basta ya de",
                "paren las",
                "paren con las",
                "para con las",
                "para las",
                "se acabaron las",
                "ya basta de"),
            List.of("encuestas", "preguntas", "mensajes"),
            List.of(
                "parem as",
                "parem com as",
                "para com as",
                "pare com as",
                "chega das",
                "basta de",
                "chega destas",
                "chega dessas"),
            List.of("pesquisas", "inqueritos", "perguntas", "mensagens"));
    StringBuilder block = new StringBuilder("all:");
    String sep = " ";
    for (Map.Entry<List<String>, List<String>> e : said.entrySet()) {
      for (String stop : e.getKey()) {
        for (String surveys : e.getValue()) {
          block.append(sep).append(stop).append(' ').append(surveys);
          sep = " | ";
        }
      }
    }
    return block.append('\n').toString();
  }

  /**
   * The phrases of {@link #NOT_FIXED} that start with "still" or "same" ("still broken", "immer
   * noch kaputt", "toujours en panne", "sigue roto", "ainda quebrado", "same problem", "même
   * problème", "mismo problema", "まだ壊れて"), and the same error: the trouble goes on.
   */
  static final List<String> STILL_NOT_FIXED =
      Stream.concat(
              NOT_FIXED.stream()
                  .filter(
                      p ->
                          p.matches(
                                  "(?:still|is still|immer noch|noch immer|toujours|sigue|siguen"
                                      + "|todavia|aun|ainda|continua|same|meme|mismo|mesmo) .*")
                              || p.startsWith("まだ")),
              phrases(
                  """
                  en: same error | same error again | same errors
                  de: gleicher fehler | der gleiche fehler | selber fehler | derselbe fehler |
                    gleiches problem | das gleiche problem | dasselbe problem
                  fr: meme erreur | la meme erreur | toujours la meme erreur
                  es: mismo error | el mismo error | sigue el mismo error
                  pt: mesmo erro | o mesmo erro | mesmo problema | o mesmo problema
                  ja: 同じエラー | 同じ問題
                  """)
                  .stream())
          .sorted(java.util.Comparator.comparingInt(String::length).reversed())
          .toList();

  static final Set<String> THUMBS_UP =
      Set.of("👍", ":+1:", ":thumbsup:", "(y)", "👍👍", "👍👍👍", "🙆", "🆗", "✔", "☑", "+1");

  /**
   * A thumb down, a cross, and the faces and gestures that say "no good" on their own: angry,
   * crying, disappointed, Japanese 🙅 (a repeated one is read as one: "😭😭").
   */
  static final Set<String> THUMBS_DOWN =
      Set.of(
          "👎",
          ":-1:",
          ":thumbsdown:",
          "(n)",
          "👎👎",
          "❌",
          "❌❌",
          ":x:",
          "✖",
          "✗",
          "✘",
          "😡",
          "😠",
          "🤬",
          "😭",
          "😢",
          "😞",
          "🙁",
          "☹",
          "😩",
          "🙅");

  /**
   * Bavarian and Austrian "na" (no) — only alone, set off by a comma, or before thanks ("na, des
   * war's", "na danke"): elsewhere it is "well" ("na gut", "na klar").
   */
  static final Set<String> NO_SET_OFF = Set.of("na", "naa", "naaa");

  /**
   * A yes only when it is the whole reply ("ya": alone a yes, before more words Spanish "already").
   */
  static final Set<String> YES_ALONE = Set.of("ya", "yah", "yh", "ye", "yee", "yas", "yus");

  static final Set<String> OPT_IN =
      Set.of("optin", "opt in", "opt-in", "/closeloop optin", "start");

  /**
   * Even scores out of ten said in words ("eight out of ten", "acht von zehn", "dix sur dix", "diez
   * de diez", "dez de dez"): halved on the 1–5 scale, as "8/10" is.
   */
  static final Map<String, Integer> EVEN_TENTHS =
      Map.ofEntries(
          Map.entry("two", 2),
          Map.entry("four", 4),
          Map.entry("six", 6),
          Map.entry("eight", 8),
          Map.entry("ten", 10),
          Map.entry("zwei", 2),
          Map.entry("vier", 4),
          Map.entry("sechs", 6),
          Map.entry("acht", 8),
          Map.entry("zehn", 10),
          Map.entry("deux", 2),
          Map.entry("quatre", 4),
          Map.entry("huit", 8),
          Map.entry("dix", 10),
          Map.entry("dos", 2),
          Map.entry("cuatro", 4),
          Map.entry("seis", 6),
          Map.entry("ocho", 8),
          Map.entry("diez", 10),
          Map.entry("dois", 2),
          Map.entry("duas", 2),
          Map.entry("quatro", 4),
          Map.entry("oito", 8),
          Map.entry("dez", 10));

  /** Score words; the digits 1–5 (full-width ones too, once folded) are read directly. */
  static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("eins", 1),
          Map.entry("zwei", 2),
          Map.entry("drei", 3),
          Map.entry("vier", 4),
          Map.entry("funf", 5),
          Map.entry("fuenf", 5),
          // Bavarian, Austrian and phone German: "oans", "zwoa", "zwo", "dreie", "viere", "fünfe"
          Map.entry("oans", 1),
          Map.entry("zwoa", 2),
          Map.entry("zwo", 2),
          Map.entry("dreie", 3),
          Map.entry("viere", 4),
          Map.entry("funfe", 5),
          Map.entry("fuenfe", 5),
          Map.entry("un", 1),
          Map.entry("une", 1),
          Map.entry("deux", 2),
          Map.entry("trois", 3),
          Map.entry("quatre", 4),
          Map.entry("cinq", 5),
          Map.entry("uno", 1),
          Map.entry("una", 1),
          Map.entry("dos", 2),
          Map.entry("tres", 3),
          Map.entry("cuatro", 4),
          Map.entry("cinco", 5),
          Map.entry("um", 1),
          Map.entry("uma", 1),
          Map.entry("dois", 2),
          Map.entry("duas", 2),
          Map.entry("quatro", 4),
          Map.entry("一", 1),
          Map.entry("二", 2),
          Map.entry("三", 3),
          Map.entry("四", 4),
          Map.entry("五", 5));

  /**
   * Phrases from lines such as {@code de: ja | jap | gerne}: the language label is for the reader;
   * phrases are separated by {@code |}; the longest come first so that they win. Each phrase is
   * also read as typed on a phone: without its apostrophes ("thats all", "cest bon", "dont reopen")
   * with French "c'est" as "c" ("c bon", "c réglé"), and "toujours" as "tjrs" or "tjs".
   */
  /**
   * English IT words said inside another language ("der Drucker ist fixed", "c'est fixed", "ya está
   * solved", "tá working", "der Drucker ist wieder online"): each language's "is" and "is now",
   * then an English word that it works. German also says "gefixt", Spanish "lo fixearon".
   */
  private static String codeSwitched() {
    List<String> is =
        List.of(
            "ist",
            "ist jetzt",
            "ist wieder",
            "c'est",
            "est",
            "c'est bien",
            "esta",
            "ya esta",
            "ta",
            "ja esta",
            "ja ta");
    List<String> works =
        List.of(
            "fixed", "solved", "resolved", "sorted", "working", "fine", "online", "back online");
    // the English verb given each language's ending: "gefixt", "gefixed", "lo fixearon"
    StringBuilder block =
        new StringBuilder(
            "all: gefixt | ist gefixt | wurde gefixt | gefixed | ist gefixed | wurde gefixed |"
                + " hat es gefixt | habt es gefixt | lo fixearon | ya lo fixearon | fixearon |"
                + " esta fixeado | ya esta fixeado | quedo fixeado |"
                + " is back online | back online | オンラインに戻りました");
    for (String copula : is) {
      for (String word : works) {
        block.append(" | ").append(copula).append(' ').append(word);
      }
    }
    return block.append('\n').toString();
  }

  private static List<String> phrases(String block) {
    return Stream.of(block.split("\\R"))
        .map(line -> line.replaceFirst("^\\s*[a-z]+:\\s", " "))
        .flatMap(line -> Stream.of(line.split("\\|")))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .flatMap(Lexicon::asTyped)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /** A phrase, and the shortcuts people type it with. */
  private static Stream<String> asTyped(String phrase) {
    // French texting: "tjrs pas", "tjs rien"
    return Stream.of("toujours", "tjrs", "tjs")
        .map(t -> phrase.replaceAll("(^| )toujours(?= |$)", "$1" + t))
        .flatMap(Lexicon::spoken)
        .distinct()
        .flatMap(Lexicon::withoutApostrophes);
  }

  /**
   * A phrase as it is also said or typed regionally: "really" as "rly" ("not rly"); German "nicht"
   * as "net", "ned" or "nich", "immer" as "imma" and "das" as "des" ("geht net", "imma noch net",
   * "des war's"); a Brazilian gerund after a verb of state as the European Portuguese "a" and
   * infinitive ("está funcionando" → "está a funcionar", "continua dando" → "continua a dar"), and
   * "continua sem" as "continua a não" ("continua a não imprimir"); Swiss German "gaht"/"goht" for
   * "geht", "no" for "noch", "nöd"/"nid" for "nicht" and "isch" for "ist" ("gaht immer no nöd");
   * French typed on a phone, "sa" for "ça" before a verb and "pa" for "pas" after a word ("sa
   * marche", "ca marche pa").
   */
  private static Stream<String> spoken(String phrase) {
    Stream.Builder<String> out = Stream.builder();
    out.add(phrase);
    if (phrase.matches("(?:.* )?really(?: .*)?")) {
      out.add(phrase.replaceAll("(^| )really(?= |$)", "$1rly"));
    }
    if (phrase.matches("(?:.* )?das(?: .*)?")) {
      out.add(phrase.replaceAll("(^| )das(?= |$)", "$1des")); // "des war's", "des passt"
    }
    if (phrase.matches("(?:.* )?(?:nicht|immer)(?: .*)?")) {
      for (String nicht : List.of("nicht", "net", "ned", "nich")) {
        String said = phrase.replaceAll("(^| )nicht(?= |$)", "$1" + nicht);
        out.add(said);
        out.add(said.replaceAll("(^| )immer(?= |$)", "$1imma"));
      }
    }
    if (phrase.matches("(?:.* )?nicht mehr(?: .*)?")) {
      // Austrian and Bavarian "nimmer" for "nicht mehr": "geht nimmer", "funktioniert nimmer"
      for (String nimmer : List.of("nimmer", "nimma", "nimmamehr")) {
        out.add(phrase.replaceAll("(^| )nicht mehr(?= |$)", "$1" + nimmer));
      }
    }
    if (phrase.matches("(?:.* )?(?:geht|nicht|noch|ist)(?: .*)?")) {
      // Swiss German: "gaht immer no nöd", "es goht nid", "isch no kaputt"
      for (String geht : List.of("gaht", "goht")) {
        for (String nicht : List.of("nod", "nid")) {
          out.add(
              phrase
                  .replaceAll("(^| )geht(?= |$)", "$1" + geht)
                  .replaceAll("(^| )noch(?= |$)", "$1no")
                  .replaceAll("(^| )nicht(?= |$)", "$1" + nicht)
                  .replaceAll("(^| )ist(?= |$)", "$1isch"));
        }
      }
    }
    if (phrase.matches("(?:.* )?(?:ca \\p{L}+|\\p{L}+ pas)(?: .*)?")) {
      // French on a phone: "sa marche", "ca marche pa", "sa marche toujours pa"
      String sa = phrase.replaceAll("(^| )ca(?= \\p{L})", "$1sa");
      for (String said : List.of(phrase, sa)) {
        out.add(said);
        out.add(said.replaceAll("(?<=\\p{L} )pas(?= |$)", "pa"));
      }
    }
    if (phrase.matches("(?:.* )?(?:continua|continuo|continuam) sem(?: .*)?")) {
      // European Portuguese "continua a não funcionar" for the Brazilian "continua sem funcionar"
      out.add(phrase.replaceAll("(^| )(continua|continuo|continuam) sem(?= |$)", "$1$2 a nao"));
    }
    java.util.regex.Matcher gerund = Forms.PT_GERUND.matcher(phrase);
    if (gerund.find()) {
      out.add(
          gerund.replaceAll(
              m -> m.group(1) + m.group(2) + " a " + m.group(3) + infinitive(m.group(4))));
    }
    return out.build();
  }

  /**
   * Patterns {@link #spoken} needs while the lists above are built (so in a class of their own).
   */
  private static final class Forms {
    /** A verb of state, then a gerund: "esta funcionando", "ta dando", "continua travando". */
    static final java.util.regex.Pattern PT_GERUND =
        java.util.regex.Pattern.compile(
            "(^| )(esta|ta|estou|to|continua|continuo|segue|fica) (\\p{L}+?)(ando|endo|indo)(?= |$)");
  }

  private static String infinitive(String ending) {
    return switch (ending) {
      case "ando" -> "ar";
      case "endo" -> "er";
      default -> "ir";
    };
  }

  /** A phrase, also without its apostrophes and with French "c'est" as "c". */
  private static Stream<String> withoutApostrophes(String phrase) {
    if (phrase.indexOf('\'') < 0) {
      return Stream.of(phrase);
    }
    return Stream.of(
        phrase,
        phrase.replace("'", ""),
        phrase.replaceAll("(^|\\s)c'est\\s", "$1c "),
        phrase.replaceAll("(^|\\s)c'est\\s", "$1c ").replace("'", ""));
  }
}
