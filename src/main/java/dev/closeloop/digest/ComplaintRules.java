package dev.closeloop.digest;

import static dev.closeloop.digest.ComplaintCues.CONDITIONAL;
import static dev.closeloop.digest.ComplaintCues.CONTRAST;
import static dev.closeloop.digest.ComplaintCues.FILLERS;
import static dev.closeloop.digest.ComplaintCues.FUNCTIONING;
import static dev.closeloop.digest.ComplaintCues.LONG_TIME;
import static dev.closeloop.digest.ComplaintCues.NEGATE_BACKWARDS;
import static dev.closeloop.digest.ComplaintCues.NEGATORS;
import static dev.closeloop.digest.ComplaintCues.PERSISTENCE;
import static dev.closeloop.digest.ComplaintCues.PROBLEMS;
import static dev.closeloop.digest.ComplaintCues.RESOLVED;
import static dev.closeloop.digest.ComplaintCues.SARCASM_TURNS;
import static dev.closeloop.digest.ComplaintCues.SARCASTIC_OPENERS;
import static dev.closeloop.digest.ComplaintCues.SCOPE_BREAKERS;
import static dev.closeloop.digest.ComplaintCues.STRONG_PROBLEMS;
import static dev.closeloop.digest.ComplaintCues.WAITING;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * General rules for complaints VADER cannot see, on word classes rather than listed phrases ({@link
 * ComplaintCues}). The comment is cut into clauses (at punctuation and at "but", "aber", "mais",
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
 *       says it is resolved.
 * </ul>
 *
 * The last clause that says anything decides: a complaint is negative, a resolution ("works now",
 * "wieder in Ordnung") overrides complaints in earlier clauses. Words after "if"/"wenn"/"si" up to
 * the next punctuation are hypothetical and ignored. Finally, a positive interjection followed by
 * punctuation and then a complaint or "another"/"only"/"nothing" is sarcasm ("Lovely, another
 * ticket closed"). Stateless and thread-safe.
 */
final class ComplaintRules {
  static final int SCOPE_WORDS = 3;

  private static final java.util.Set<String> COME =
      java.util.Set.of("come", "came", "comes", "coming");
  private static final java.util.Set<String> AUXILIARIES =
      java.util.Set.of(
          "do", "does", "did", "is", "are", "was", "were", "will", "can", "could", "has", "have",
          "would");

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\n]");
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}]+|[.!?;:,\\n\u2014\u2013()]|\\s-\\s");

  /** What the rules make of a comment. */
  enum Verdict {
    /** Something is still wrong or someone is unhappy. */
    COMPLAINT,
    /** The last clause that says anything says the problem is gone ("no more freezing"). */
    RESOLVED,
    /** The rules see neither; let VADER judge. */
    UNKNOWN
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
    for (int i = clauses.size() - 1; i >= 0; i--) {
      Clause clause = clauses.get(i);
      if (clause.complaint()) {
        return Verdict.COMPLAINT;
      }
      if (clause.resolved) {
        return Verdict.RESOLVED;
      }
    }
    return Verdict.UNKNOWN;
  }

  private static boolean sarcastic(List<String> tokens, List<Clause> clauses) {
    int first = 0;
    if (tokens.get(0).equals("oh") && tokens.size() > 1) {
      first = 1;
    }
    if (!SARCASTIC_OPENERS.has(tokens.get(first))
        || tokens.size() < first + 3
        || isWord(tokens.get(first + 1))) {
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

  private static List<String> tokens(String plain) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(plain.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String token = m.group().strip();
      int last = tokens.size() - 1;
      if (token.equals("back") && last >= 0 && COME.contains(tokens.get(last))) {
        tokens.set(last, "comeback"); // "came back" is a recurrence, not someone coming
      } else {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static boolean isWord(String token) {
    return !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
  }

  /**
   * Clauses end at punctuation and contrast words. A persistence word counts for its whole sentence
   * ("The link expired before I got it, again."), up to a contrast word.
   */
  private static List<Clause> clauses(List<String> tokens) {
    List<Clause> clauses = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int sentenceStart = 0;
    for (String token : tokens) {
      boolean contrast = CONTRAST.has(token);
      if (!isWord(token) || contrast) {
        if (!current.isEmpty()) {
          clauses.add(Clause.of(current));
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
      clauses.add(Clause.of(current));
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
      boolean resolved,
      boolean sarcasmTurn) {

    Clause withPersistence() {
      return new Clause(negatedFunctioning, problem, strongProblem, true, resolved, sarcasmTurn);
    }

    boolean complaint() {
      return negatedFunctioning || (persistence && problem) || (strongProblem && !resolved);
    }

    static Clause of(List<String> words) {
      int n = words.size();
      boolean[] hypothetical = new boolean[n];
      for (int i = 0; i < n; i++) {
        boolean counterfactual =
            i + 1 < n
                && (words.get(i).equals("would")
                    || words.get(i).equals("could")
                    || words.get(i).equals("might"))
                && words.get(i + 1).equals("have");
        if (CONDITIONAL.has(words.get(i)) || counterfactual) {
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
        if (hypothetical[i] || !NEGATORS.has(word)) {
          continue;
        }
        List<Integer> scope = scope(words, i, +1);
        if (word.equals("not") && i == n - 1 && i > 0 && AUXILIARIES.contains(words.get(i - 1))) {
          negatedFunctioning = true; // elliptic: "sound works, camera doesn't"
          continue;
        }
        if (scope.isEmpty() && NEGATE_BACKWARDS.has(word)) {
          scope = scope(words, i, -1);
        }
        boolean problemInScope = false;
        for (int j : scope) {
          if (PROBLEMS.has(words.get(j))) {
            negatedProblem[j] = true;
            problemInScope = true;
          }
        }
        if (problemInScope) {
          continue;
        }
        for (int j : scope) {
          if (FUNCTIONING.has(words.get(j))) {
            negatedFunctioning = true;
            negatedWord[j] = true;
          }
        }
        if (!negatedFunctioning && NEGATE_BACKWARDS.has(word)) {
          for (int j : scope(words, i, -1)) {
            if (FUNCTIONING.has(words.get(j)) && !hypothetical[j]) {
              negatedFunctioning = true;
              negatedWord[j] = true;
            }
          }
        }
      }
      boolean problem = false;
      boolean strong = false;
      boolean persistence = false;
      boolean resolved = false;
      boolean turn = false;
      for (int i = 0; i < n; i++) {
        if (hypothetical[i]) {
          continue;
        }
        String word = words.get(i);
        if (PROBLEMS.has(word) && !negatedProblem[i]) {
          problem = true;
          strong |= STRONG_PROBLEMS.has(word);
        }
        resolved |= negatedProblem[i];
        if (WAITING.has(word)) {
          for (int j = i + 1; j < Math.min(n, i + 5); j++) {
            if (LONG_TIME.has(words.get(j))) {
              problem = true;
              strong = true;
            }
          }
        }
        persistence |= PERSISTENCE.has(word);
        resolved |= RESOLVED.has(word) && !negatedWord[i];
        turn |= SARCASM_TURNS.has(word);
      }
      return new Clause(negatedFunctioning, problem, strong, persistence, resolved, turn);
    }

    /**
     * Up to {@link #SCOPE_WORDS} content words from the negator in one direction; fillers are
     * passed over, a scope breaker ("sure", "expect", "thank") ends the scope.
     */
    private static List<Integer> scope(List<String> words, int from, int step) {
      List<Integer> scope = new ArrayList<>();
      for (int j = from + step;
          j >= 0 && j < words.size() && scope.size() < SCOPE_WORDS;
          j += step) {
        String word = words.get(j);
        if (SCOPE_BREAKERS.has(word)) {
          return scope;
        }
        if (NEGATORS.has(word) && !NEGATE_BACKWARDS.has(word)) {
          break;
        }
        if (FILLERS.has(word) && !FUNCTIONING.has(word) && !PROBLEMS.has(word)) {
          continue;
        }
        scope.add(j);
      }
      return scope;
    }
  }
}
