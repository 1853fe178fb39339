package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * General rules for complaints, on one language's word classes ({@link ComplaintCues}, from its
 * rule file) rather than listed phrases. Entries of several words ("immer noch", "came back") are
 * read as one token. The comment is cut into clauses (at punctuation and at "but", "aber", "mais",
 * "pero"...); in each clause:
 *
 * <ul>
 *   <li>a negator within three content words of a <em>functioning</em> word is a complaint
 *       ("doesn't load", "nobody ever called", "no progress", "funktioniert der Drucker nicht",
 *       "sin poder"); when the scope holds a <em>problem</em> word instead, it is good news ("no
 *       more freezing", "kein Fehler") and that problem word no longer counts;
 *   <li>a <em>persistence</em> word ("still", "again", "keeps", "recurring", "immer noch",
 *       "toujours", "sigue") together with an un-negated problem is a complaint;
 *   <li>a strong problem word ("cracked", "wiped", "kaputt") is a complaint unless the same clause
 *       says it is resolved;
 *   <li>a question that opens with a <em>next step</em> entry ("do I need to", "muss ich") asks
 *       what to do next: by persistence or problem words alone it is no complaint, and a comment
 *       that says nothing else is resolved.
 * </ul>
 *
 * The last clause that says anything decides: a complaint is negative, a resolution ("works now",
 * "wieder in Ordnung") overrides complaints in earlier clauses. Words after "if"/"wenn"/"si" up to
 * the next punctuation are hypothetical and ignored; a resolution after "last time" or "otherwise"
 * in its clause is about another time or other things (round 13). Finally, a positive interjection
 * followed by punctuation and then a complaint or "another"/"only"/"nothing" is sarcasm ("Lovely,
 * another ticket closed"). Stateless and thread-safe.
 */
final class ComplaintRules {
  static final int SCOPE_WORDS = 3;

  /** A resolution word this many words or fewer after a [reporting] word is reported. */
  static final int REPORT_WORDS = 4;

  /** A wait word and a long time ("took … weeks", "eine Woche gedauert") within this many words. */
  static final int WAIT_WINDOW = 6;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\n]");
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}]+|[.!?;:,\\n\u2014\u2013()]|\\s-\\s");

  /** What the rules make of a comment. */
  enum Verdict {
    /** Something is still wrong or someone is unhappy. */
    COMPLAINT,
    /** The last clause that says anything says the problem is gone ("no more freezing"). */
    RESOLVED,
    /** The rules see neither. */
    UNKNOWN
  }

  private final ComplaintCues cues;
  private final List<List<String>> multiWordEntries;

  ComplaintRules(ComplaintCues cues) {
    this.cues = cues;
    this.multiWordEntries = cues.multiWordEntries();
  }

  /** Judges a comment in plain form (see {@link CommentText}). */
  Verdict judge(String plain) {
    List<String> tokens = tokens(plain);
    if (tokens.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    List<Clause> clauses = clauses(tokens);
    if (sarcastic(tokens, clauses)) {
      return Verdict.COMPLAINT;
    }
    boolean askedNextStep = false;
    for (int i = clauses.size() - 1; i >= 0; i--) {
      Clause clause = clauses.get(i);
      if (clause.complaint()) {
        return Verdict.COMPLAINT;
      }
      if (clause.nextStepQuestion) {
        askedNextStep = true; // says nothing itself: what comes before it decides
        continue;
      }
      if (clause.resolved) {
        return Verdict.RESOLVED;
      }
      if (clause.problem) {
        // round 15: a problem told after a resolution ("stürzt nicht mehr ab, aber ist total
        // langsam") is the last thing said: not a complaint by itself, nor is the reply resolved
        return Verdict.UNKNOWN;
      }
    }
    // "do I need to restart again after the update?", "¿tengo que hacer lo mismo en la tablet?":
    // a question about what the writer should do next, and nothing else said, is no complaint
    // (round 11: the model, and the rules by "again", read five of six such questions as one)
    return askedNextStep ? Verdict.RESOLVED : Verdict.UNKNOWN;
  }

  /**
   * Whether the rules call the comment resolved because a fault is said to be gone: a negated
   * problem ("no more crashes", "stürzt nicht mehr ab", "ne plante plus"), not only a resolution
   * word ("works now", "fixed"). After round 15: the part before a contrast ({@link
   * LanguageRules}).
   */
  boolean saysFaultGone(String plain) {
    if (judge(plain) != Verdict.RESOLVED) {
      return false;
    }
    for (Clause clause : clauses(tokens(plain))) {
      if (clause.faultGone) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the comment tells a problem the rules do not see as gone: a clause that is a complaint,
   * or one with a problem word neither negated nor resolved in its clause ("it is very slow").
   * After round 15: the part after a contrast that follows a fault gone ({@link LanguageRules}).
   */
  boolean tellsProblem(String plain) {
    List<String> tokens = tokens(plain);
    for (Clause clause : clauses(tokens)) {
      if (clause.complaint() || (clause.problem && !clause.resolved)) {
        return true;
      }
    }
    return false;
  }

  private boolean sarcastic(List<String> tokens, List<Clause> clauses) {
    if (!cues.sarcasticOpeners().has(tokens.get(0)) || tokens.size() < 3 || isWord(tokens.get(1))) {
      return false;
    }
    for (int i = 1; i < clauses.size(); i++) {
      Clause clause = clauses.get(i);
      if (clause.complaint() || clause.sarcasmTurn) {
        return true;
      }
    }
    return false;
  }

  /** Words and punctuation, lower case; an entry of several words ("immer noch") is one token. */
  private List<String> tokens(String plain) {
    List<String> raw = new ArrayList<>();
    Matcher m = TOKEN.matcher(plain.toLowerCase(Locale.ROOT));
    while (m.find()) {
      raw.add(m.group().strip());
    }
    List<String> tokens = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); ) {
      List<String> entry = multiWordAt(raw, i);
      tokens.add(String.join(" ", entry));
      i += entry.size();
    }
    return tokens;
  }

  private List<String> multiWordAt(List<String> raw, int i) {
    for (List<String> entry : multiWordEntries) {
      if (i + entry.size() <= raw.size() && raw.subList(i, i + entry.size()).equals(entry)) {
        return entry;
      }
    }
    return raw.subList(i, i + 1);
  }

  private static boolean isWord(String token) {
    return !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
  }

  /**
   * Clauses end at punctuation and contrast words. A persistence word counts for its whole sentence
   * ("The link expired before I got it, again."), up to a contrast word.
   */
  private List<Clause> clauses(List<String> tokens) {
    List<Clause> clauses = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int sentenceStart = 0;
    boolean elsewhereBefore = false;
    for (String token : tokens) {
      boolean contrast = cues.contrast().has(token);
      if (!isWord(token) || contrast) {
        if (!current.isEmpty()) {
          Clause clause = Clause.of(current, cues, elsewhereBefore);
          clauses.add(token.equals("?") ? clause.asQuestion(current, cues) : clause);
          elsewhereBefore |= current.stream().anyMatch(cues.elsewhere()::has);
          current = new ArrayList<>();
        }
        if (contrast || SENTENCE_END.matcher(token).matches()) {
          spreadPersistence(clauses, sentenceStart);
          sentenceStart = clauses.size();
        }
      } else {
        current.add(token);
      }
    }
    if (!current.isEmpty()) {
      clauses.add(Clause.of(current, cues, elsewhereBefore));
    }
    spreadPersistence(clauses, sentenceStart);
    return clauses;
  }

  private static void spreadPersistence(List<Clause> clauses, int from) {
    boolean persistence = false;
    for (int i = from; i < clauses.size(); i++) {
      persistence |= clauses.get(i).persistence;
    }
    if (persistence) {
      for (int i = from; i < clauses.size(); i++) {
        clauses.set(i, clauses.get(i).withPersistence());
      }
    }
  }

  /** One clause's findings. */
  private record Clause(
      boolean negatedFunctioning,
      boolean problem,
      boolean strongProblem,
      boolean persistence,
      boolean persistent,
      boolean resolved,
      boolean sarcasmTurn,
      boolean nextStepQuestion,
      boolean faultGone) {

    Clause withPersistence() {
      return new Clause(
          negatedFunctioning,
          problem,
          strongProblem,
          true,
          persistent,
          resolved,
          sarcasmTurn,
          nextStepQuestion,
          faultGone);
    }

    /**
     * A question ("same setup on my other laptop?") is no complaint by persistence alone. One that
     * opens with a {@code [next step]} entry ("do I need to", "muss ich", "tengo que") asks what
     * the writer should do next (round 11): its "again" and its problem words ("restart again") are
     * the step, not a complaint; a strong problem or a negated function in it still is one.
     */
    Clause asQuestion(List<String> words, ComplaintCues cues) {
      boolean nextStep = !words.isEmpty() && cues.nextStep().has(words.get(0));
      return new Clause(
          negatedFunctioning,
          problem,
          strongProblem,
          persistence,
          false,
          resolved,
          sarcasmTurn,
          nextStep,
          faultGone);
    }

    boolean complaint() {
      if (nextStepQuestion) {
        return negatedFunctioning || (strongProblem && !resolved);
      }
      return negatedFunctioning
          || (persistence && problem)
          || ((strongProblem || persistent) && !resolved);
    }

    /**
     * @param elsewhereBefore whether an earlier clause spoke of another time ("last time", "la
     *     dernière fois"): then a {@code [long time]} word here is this time's wait, compared with
     *     that one ("la dernière fois c'était réglé en une heure, cette fois dix jours"; round 15)
     */
    static Clause of(List<String> words, ComplaintCues cues, boolean elsewhereBefore) {
      int n = words.size();
      boolean[] hypothetical = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (cues.conditional().has(words.get(i))) {
          for (int j = i; j < n; j++) {
            hypothetical[j] = true;
          }
          break;
        }
      }
      boolean[] negatedProblem = new boolean[n];
      boolean[] negatedWord = new boolean[n];
      boolean negatedFunctioning = false;
      for (int i = 0; i < n; i++) {
        String word = words.get(i);
        if (hypothetical[i] || !cues.negators().has(word)) {
          continue;
        }
        List<Integer> scope = scope(words, i, +1, cues);
        if (i == n - 1 && i > 0 && cues.auxiliaries().has(words.get(i - 1))) {
          negatedFunctioning = true; // elliptic: "sound works, camera doesn't"
          continue;
        }
        if (scope.isEmpty() && cues.negateBackwards().has(word)) {
          scope = scope(words, i, -1, cues);
        }
        boolean problemInScope = false;
        for (int j : scope) {
          if (cues.problems().has(words.get(j))) {
            negatedProblem[j] = true;
            problemInScope = true;
          }
        }
        if (problemInScope) {
          continue;
        }
        // "the error hasn't come back", "die Meldung ist nicht mehr aufgetaucht", "el error no ha
        // vuelto a salir": a problem said not to recur is good news, like "no more errors"
        boolean recurrenceInScope = false;
        for (int j : scope) {
          recurrenceInScope |= cues.recurrence().has(words.get(j));
        }
        if (recurrenceInScope) {
          for (int j = 0; j < n; j++) {
            if (cues.problems().has(words.get(j)) && !hypothetical[j]) {
              negatedProblem[j] = true;
              problemInScope = true;
            }
          }
          if (problemInScope) {
            continue;
          }
        }
        if (cues.absent().has(word) && !scope.isEmpty()) {
          negatedFunctioning = true; // "nobody showed up", "niemand ist gekommen"
          continue;
        }
        for (int j : scope) {
          // a resolution negated ("not ok", "nicht in ordnung", "pas bon") is none, but a complaint
          if (cues.functioning().has(words.get(j)) || cues.resolved().has(words.get(j))) {
            negatedFunctioning = true;
            negatedWord[j] = true;
          }
        }
        if (!negatedFunctioning && cues.negateBackwards().has(word)) {
          for (int j : scope(words, i, -1, cues)) {
            // after round 15: a resolution word too, as forwards ("ne synchronise plus du tout":
            // "synchronise" is a fr [resolved] word, not a [functioning] one, and stood as good
            // news)
            if ((cues.functioning().has(words.get(j)) || cues.resolved().has(words.get(j)))
                && !hypothetical[j]) {
              negatedFunctioning = true;
              negatedWord[j] = true;
            }
          }
        }
      }
      // round 13: "last time they fixed it in a day", "otherwise all good": a resolution after an
      // [elsewhere] entry in its clause is about another time or other things, not this problem
      boolean[] elsewhere = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (cues.elsewhere().has(words.get(i))) {
          for (int j = i + 1; j < n; j++) {
            elsewhere[j] = true;
          }
          break;
        }
      }
      boolean problem = false;
      boolean strong = false;
      boolean persistence = false;
      boolean persistent = false;
      boolean resolved = false;
      boolean turn = false;
      boolean faultGone = false;
      for (int i = 0; i < n; i++) {
        if (hypothetical[i]) {
          continue;
        }
        String word = words.get(i);
        if (cues.problems().has(word) && !negatedProblem[i]) {
          problem = true;
          strong |= cues.strongProblems().has(word);
        }
        resolved |= negatedProblem[i];
        faultGone |= negatedProblem[i];
        if (cues.waiting().has(word)) {
          for (int j = Math.max(0, i - WAIT_WINDOW); j < Math.min(n, i + WAIT_WINDOW + 1); j++) {
            if (cues.longTime().has(words.get(j))) {
              problem = true;
              strong = true;
            }
          }
        }
        if (elsewhereBefore && cues.longTime().has(word)) {
          problem = true;
          strong = true;
        }
        persistence |= cues.persistence().has(word);
        persistent |= cues.persistent().has(word);
        // "your fix deleted…": a resolution word after a determiner names a thing, says no result
        boolean named = i > 0 && cues.determiners().has(words.get(i - 1));
        resolved |=
            cues.resolved().has(word)
                && !negatedWord[i]
                && !named
                && !elsewhere[i]
                && !reported(words, i, cues);
        turn |= cues.sarcasmTurns().has(word);
      }
      return new Clause(
          negatedFunctioning,
          problem,
          strong,
          persistence,
          persistent,
          resolved,
          turn,
          false,
          faultGone);
    }

    /**
     * "the ticket says resolved", "le ticket dit que c'est résolu": the first resolution word
     * within {@link #REPORT_WORDS} words after a {@code [reporting]} word is what the ticket or
     * someone said, no result the writer reports (round 10); a second one ("dit que c'est réglé et
     * ça marche") is the writer's own.
     */
    private static boolean reported(List<String> words, int at, ComplaintCues cues) {
      for (int j = at - 1; j >= Math.max(0, at - REPORT_WORDS); j--) {
        if (cues.reporting().has(words.get(j))) {
          return true;
        }
        if (cues.resolved().has(words.get(j))) {
          return false;
        }
      }
      return false;
    }

    /**
     * Up to {@link #SCOPE_WORDS} content words from the negator in one direction; fillers are
     * passed over, a scope breaker ("sure", "expect", "thank") ends the scope.
     */
    private static List<Integer> scope(List<String> words, int from, int step, ComplaintCues cues) {
      List<Integer> scope = new ArrayList<>();
      for (int j = from + step;
          j >= 0 && j < words.size() && scope.size() < SCOPE_WORDS;
          j += step) {
        String word = words.get(j);
        if (cues.scopeBreakers().has(word)) {
          return scope;
        }
        if (cues.negators().has(word) && !cues.negateBackwards().has(word)) {
          break;
        }
        // round 15: a filler that is also a resolution (pt "consigo": "não consigo salvar") is in
        // the scope, so that its negation is a complaint, not a resolution left standing
        if (cues.fillers().has(word)
            && !cues.functioning().has(word)
            && !cues.problems().has(word)
            && !cues.resolved().has(word)) {
          continue;
        }
        scope.add(j);
      }
      return scope;
    }
  }
}
