package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The word classes {@link ComplaintRules} reasons with, for English, German, French and Spanish
 * at once (the classifier is never told the language). Entries are in plain form (lower case,
 * accents stripped); {@code stem*} matches every word starting with {@code stem}, so "work*"
 * covers work, works, worked, working, the poor man's lemmatiser.
 */
final class ComplaintCues {
  private ComplaintCues() {}

  /** Words that negate what follows: "not", "never", "nobody", "without", "stopped", "kein", "sin". */
  static final WordSet NEGATORS =
      WordSet.of(
          // en
          "not", "never", "no", "nobody", "noone", "nothing", "none", "zero", "without", "unable",
          "cannot", "stopped", "ceased", "neither", "nor", "plus",
          // de
          "nicht", "nie", "niemals", "kein", "keine", "keinen", "keiner", "niemand", "nichts",
          "ohne",
          // fr
          "pas", "jamais", "personne", "rien", "aucun", "aucune", "sans",
          // es
          "nunca", "nadie", "nada", "sin", "ningun", "ninguna", "ninguno", "tampoco");

  /**
   * Negators that may also follow the word they negate (German "funktioniert nicht", French
   * "marche pas"), so the scope is looked at backwards as well.
   */
  static final WordSet NEGATE_BACKWARDS = WordSet.of("nicht", "nie", "pas", "plus", "jamais");

  /** Function and filler words a negation or persistence scope passes over without counting. */
  static final WordSet FILLERS =
      WordSet.of(
          // en
          "it", "its", "the", "a", "an", "to", "be", "been", "being", "even", "really", "at", "all",
          "any", "ever", "me", "my", "this", "that", "yet", "properly", "correctly", "right",
          "one", "more", "longer", "anymore", "is", "are", "was", "were", "have", "has", "had",
          "do", "does", "did", "will", "would", "could", "can", "should", "so", "just", "quite",
          "always", "single", "of", "i", "we", "you", "they", "he", "she", "for", "with", "on",
          "in", "up", "out", "actually", "back",
          // de
          "mehr", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "es", "ich",
          "mir", "mich", "uns", "richtig", "ganz", "auch", "leider", "wirklich", "hat", "habe",
          "ist", "sind", "wird", "wurde", "bei", "zu", "mal",
          // fr
          "ne", "n", "m", "l", "s", "j", "d", "a", "y", "en", "le", "la", "les", "se", "me", "te",
          "lui", "ca", "cela", "il", "elle", "on", "est", "ai", "toujours", "plus", "encore",
          "vraiment", "du", "de", "ete", "alors", "que",
          // es
          "se", "lo", "el", "los", "las", "le", "les", "ya", "me", "te", "nos", "ha", "han", "he",
          "hay", "es", "esta", "todavia", "aun", "bien", "mas", "puedo", "pude");

  /** After a negator these end its scope with no complaint: "not sure", "can't wait". */
  static final WordSet SCOPE_BREAKERS =
      WordSet.of(
          "sure", "think", "thought", "know", "knew", "expect*", "believ*", "mind", "wait",
          "need", "needed", "realis*", "realiz*", "complain*", "thank*", "ask*", "say", "said",
          "hesitat*", "much", "many", "only", "rush", "hurry", "else", "big", "huge", "further",
          "other", "idea", "clue", "matter", "later", "tell", "worr*",
          "such", "faster", "quicker", "easier", "sicher", "eile", "merci", "prisa", "grave");

  /**
   * What a working system or a helpful team does; negated, it is a complaint ("doesn't load",
   * "never called back", "no progress", "sin poder", "funktioniert nicht", "ne marche pas").
   */
  static final WordSet FUNCTIONING =
      WordSet.of(
          // en
          "work*", "fix*", "resolv*", "solv*", "sort*", "help*", "load*", "boot*", "start*",
          "connect*", "sync*", "print*", "open*", "send*", "sent", "receiv*", "log", "logs",
          "login", "logging", "sign", "signing", "access*", "show*", "display*", "charg*", "map",
          "maps", "mapped", "mapping", "match*", "save", "saves", "saved", "saving", "turn*",
          "install*", "respon*", "repl*", "answer*", "call*", "heard", "hear", "contact*",
          "follow*", "come", "came", "arriv*", "chang*", "improv*", "better", "progress*", "run",
          "runs", "running", "ran", "rang", "rung", "ring", "rings", "recogni*", "detect*", "see", "seen", "use", "find", "found",
          "stop*", "get", "gets", "got", "getting", "grant*", "accept*", "care*", "check*", "test*", "told", "done", "happen*",
          "updat*", "feedback", "difference", "effect", "joy", "luck", "solution", "fix",
          "success*", "succeed*", "able", "possible", "showed", "shown", "returned", "emailed",
          "go", "goes", "went", "zugriff", "acces", "acceso", "fait", "faite", "hecho", "gemacht", "play*", "mount*", "authenticat*", "launch*", "download*",
          "upload*", "pair*", "unlock*", "reach*", "restor*", "recover*",
          // de
          "funktion*", "geht", "ging", "gehen", "klappt*", "lauft", "lief", "behoben", "gelost",
          "repariert", "erledigt", "verbunden", "verbind*", "druck*", "gemeldet", "angerufen",
          "zuruckgerufen", "reagiert", "geholfen", "hilft", "moglich", "geandert", "anmeld*",
          "offn*", "geoffnet", "besser", "losung", "ruckmeldung", "antwort*", "erreich*",
          "startet", "gestartet", "synchron*", "hilfe",
          // fr
          "march*", "fonctionn*", "regle", "reglee", "resolu", "resolue", "repar*", "rappel*",
          "contacte*", "repond*", "reponse", "aide", "aider", "imprim*", "connect*", "demarr*",
          "ouvr*", "change", "mieux", "venu", "venue", "arrive", "solution", "retour", "ameliore*",
          // es
          "funcion*", "sirve", "sirven", "resuel*", "arregl*", "solucion*", "llam*", "contest*",
          "respond*", "respuesta", "pued*", "poder", "entr*", "conect*", "imprim*", "abr*",
          "arranc*", "pregunt*", "ayud*", "cambi*", "mejor*", "vino", "avis*", "va", "anda");

  /** Something wrong; un-negated, it is a problem ("crashes", "error", "Absturz", "panne"). */
  static final WordSet PROBLEMS =
      WordSet.of(
          // en
          "error*", "issue*", "problem*", "crash*", "freez*", "froze*", "fail*", "broken", "broke",
          "break*", "bug", "bugs", "buggy", "glitch*", "slow*", "lag*", "drop*", "disconnect*",
          "jam*", "stuck", "hang", "hangs", "hanging", "hung", "missing", "disappear*", "vanish*",
          "lost", "lose", "loses", "losing", "locked", "lockout", "offline", "down", "dead",
          "wrong", "crack*", "damag*", "wipe*", "delet*", "eras*", "blank", "black", "blue",
          "warning*", "popup*", "pops", "noise*", "grind*", "echo*", "fault*", "bad", "hassle",
          "trouble*", "waiting", "reject*", "denied", "expir*", "timeout*", "cuts", "cutting",
          "worse", "worst", "ignor*", "frustrat*", "annoy*", "disappoint*", "useless",
          "terrible", "awful", "ridiculous", "unacceptable", "flicker*", "reboot*", "restart*",
          "spinning", "buffer*", "corrupt*", "unusable", "outage", "failure", "mess", "nightmare",
          "headache", "chas*", "comeback",
          // de
          "fehler*", "problem*", "absturz*", "sturzt", "abgesturzt", "absturzt", "kaputt",
          "langsam*", "hangt", "defekt*", "storung*", "ausfall*", "schlecht*", "falsch*",
          "verlor*", "gesperrt", "weg", "nervig", "argerlich", "leer", "leere", "leeren",
          // fr
          "erreur*", "probleme*", "panne*", "plant*", "bug*", "lent*", "bloque*", "perdu*",
          "casse*", "souci*", "mauvais*", "faux", "coupe*",
          // es
          "error*", "problema*", "fall*", "cuelg*", "colg*", "lent*", "bloque*", "perd*", "roto",
          "rota", "mal", "fallo*", "caid*");

  /**
   * Problems that make a comment negative on their own when nothing in the same sentence says
   * they are solved ("the phone you sent has a cracked screen", "the update wiped my bookmarks").
   */
  static final WordSet STRONG_PROBLEMS =
      WordSet.of(
          "broken", "broke", "crack*", "damag*", "wipe*", "delet*", "eras*", "lost", "losing",
          "ignor*", "dead", "worse", "worst", "useless", "unusable", "frustrat*", "annoy*",
          "disappoint*", "ridiculous", "unacceptable", "locked", "stuck", "crash*", "freez*",
          "froze*", "offline", "missing", "disappear*", "vanish*", "corrupt*", "outage",
          "nightmare", "disconnect*", "comeback", "awful", "terrible", "horrible", "rude", "bad", "poor",
          "kaputt", "defekt*", "abgesturzt", "sturzt", "verlor*", "gesperrt",
          "panne*", "casse*", "perdu*", "plante", "roto", "rota", "cuelg*", "bloque*");

  /** Signs, in the same sentence or the closing part, that the problem is gone. */
  static final WordSet RESOLVED =
      WordSet.of(
          "work*", "fix*", "solv*", "resolv*", "sort*", "fine", "normal", "gone", "perfect*",
          "recover*", "restor*", "replac*", "back", "ok", "okay", "good", "great", "done",
          "funktion*", "behoben", "gelost", "wieder", "ordnung", "march*", "fonctionn*", "resolu*",
          "regle*", "funcion*", "resuel*", "arregl*", "solucion*", "brilliant", "excellent",
          "amazing", "happy", "pleased", "love*", "awesome", "fantastic", "super", "glad",
          "smooth*", "runs", "running");

  /** Waiting words; with a long stretch of time in the next few words they are a complaint. */
  static final WordSet WAITING =
      WordSet.of(
          "took", "take", "takes", "taking", "waited", "wait", "waiting", "hold", "attendu",
          "attends", "attendre", "pris", "gewartet", "warte", "warten", "gedauert", "dauert",
          "esperado", "espere", "esperando", "tardo", "tardaron", "llevo", "tomo");

  /** A long stretch of time, after a waiting word ("took a week", "attendu une semaine"). */
  static final WordSet LONG_TIME =
      WordSet.of(
          "week", "weeks", "days", "month", "months", "ages", "forever", "semaine", "semaines",
          "jours", "mois", "woche", "wochen", "tage", "tagen", "monat", "monate", "semana",
          "semanas", "dias", "mes", "meses");

  /** The problem has persisted or come back: "still", "again", "keeps", "persists", "immer noch". */
  static final WordSet PERSISTENCE =
      WordSet.of(
          // en
          "still", "again", "keep", "keeps", "kept", "keeping", "persist*", "recur*",
          "continu*", "repeated*", "repeating", "constant*", "anymore", "ongoing", "lasted",
          "same", "yet", "comeback", "ever", "always", "every", "each", "daily", "times", "third", "fourth",
          "fifth",
          // de
          "noch", "weiterhin", "wieder", "erneut", "standig", "dauernd", "gleich*",
          "selbe*", "besteht",
          // fr
          "toujours", "encore", "revient", "reviens", "revenu*", "persist*", "nouveau", "meme",
          // es
          "sigue", "sigo", "siguen", "seguimos", "todavia", "aun", "vuelv*", "volvi*", "nuevo",
          "mismo", "misma", "otra");

  /** Contrast: the part after these counts most (VADER too weighs the clause after "but"). */
  static final WordSet CONTRAST =
      WordSet.of(
          "but", "however", "though", "although", "aber", "jedoch", "allerdings", "trotzdem",
          "mais", "cependant", "pourtant", "pero", "embargo", "aunque");

  /** A condition: what follows up to the next punctuation is hypothetical ("if it happens again"). */
  static final WordSet CONDITIONAL = WordSet.of("if", "unless", "wenn", "falls", "si", "sinon");

  /** A positive interjection that, followed by a problem, reads as sarcasm ("Great, now ..."). */
  static final WordSet SARCASTIC_OPENERS =
      WordSet.of(
          "great", "fantastic", "brilliant", "lovely", "wonderful", "perfect", "awesome", "nice",
          "wow", "super", "cool", "marvellous", "marvelous", "amazing", "excellent", "oh",
          "yeah", "sure", "splendid", "superb", "genial", "toll", "prima", "klasse", "bravo",
          "parfait", "genial", "estupendo", "perfecto", "fantastico", "magnifique", "wunderbar");

  /** After a sarcastic opener these turn the rest into a complaint: "now", "another", "only". */
  static final WordSet SARCASM_TURNS =
      WordSet.of("another", "only", "nothing", "zero", "noch", "encore", "otra");

  /** A set of exact words and word stems. Immutable and thread-safe. */
  static final class WordSet {
    private final Set<String> exact;
    private final List<String> stems;

    private WordSet(Set<String> exact, List<String> stems) {
      this.exact = Set.copyOf(exact);
      this.stems = List.copyOf(stems);
    }

    static WordSet of(String... entries) {
      Set<String> exact = new HashSet<>();
      List<String> stems = new ArrayList<>();
      for (String entry : entries) {
        if (entry.endsWith("*")) {
          stems.add(entry.substring(0, entry.length() - 1));
        } else {
          exact.add(entry);
        }
      }
      return new WordSet(exact, stems.stream().distinct().toList());
    }

    boolean has(String word) {
      if (exact.contains(word)) {
        return true;
      }
      for (String stem : stems) {
        if (word.startsWith(stem)) {
          return true;
        }
      }
      return false;
    }
  }
}
