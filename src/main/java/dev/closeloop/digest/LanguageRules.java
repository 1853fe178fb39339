package dev.closeloop.digest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's complaint rules ({@link RuleFile}): "not negative" phrases are removed first; then
 * a "negative" phrase, or the general {@link ComplaintRules} on that language's word classes, finds
 * a complaint. When neither does, a "no complaint" phrase ("my fault", "you can close the ticket")
 * or a "not negative" one ("no more errors", "geht wieder") makes the verdict {@link
 * ComplaintRules.Verdict#RESOLVED}, which the model does not overrule. Japanese, written without
 * spaces, has phrases only, matched anywhere in the text. Immutable and thread-safe.
 */
final class LanguageRules {
  /** Languages written without spaces between words. */
  private static final List<String> UNSPACED = List.of("ja");

  private final String language;
  private final PhraseMatcher negative;
  private final PhraseMatcher notNegative;
  private final PhraseMatcher noComplaint;
  private final ComplaintRules rules;
  private final Pattern contrast;

  private LanguageRules(
      String language,
      PhraseMatcher negative,
      PhraseMatcher notNegative,
      PhraseMatcher noComplaint,
      ComplaintRules rules,
      Pattern contrast) {
    this.language = language;
    this.negative = negative;
    this.notNegative = notNegative;
    this.noComplaint = noComplaint;
    this.rules = rules;
    this.contrast = contrast;
  }

  static LanguageRules of(RuleFile file) {
    List<String> negative = plain(file.section("negative"));
    List<String> notNegative = plain(file.section("not negative"));
    List<String> noComplaint = plain(file.section("no complaint"));
    boolean unspaced = UNSPACED.contains(file.language());
    return new LanguageRules(
        file.language(),
        unspaced ? PhraseMatcher.ofUnspaced(negative) : PhraseMatcher.of(negative),
        unspaced ? PhraseMatcher.ofUnspaced(notNegative) : PhraseMatcher.of(notNegative),
        unspaced ? PhraseMatcher.ofUnspaced(noComplaint) : PhraseMatcher.of(noComplaint),
        file.hasWordSections() ? new ComplaintRules(ComplaintCues.of(file)) : null,
        contrast(unspaced ? UNSPACED_CONTRAST : plain(file.section("contrast")), unspaced));
  }

  /** The contrast words of a language written without spaces, which has no word sections. */
  private static final List<String> UNSPACED_CONTRAST = List.of("でも", "しかし");

  private static Pattern contrast(List<String> words, boolean unspaced) {
    if (words.isEmpty()) {
      return Pattern.compile("(?!)");
    }
    String alternatives =
        words.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
    return Pattern.compile(
        unspaced
            ? "(?:" + alternatives + ")"
            : "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
  }

  String language() {
    return language;
  }

  /**
   * What these rules make of a comment in lower-cased plain form. Round 13: a complaint told and
   * then taken back ("…nobody answered the phone for hours. But Dan came by this morning, sorted
   * everything… all ok now") is resolved when what follows the last contrast word says so by
   * itself: a {@code [negative]} phrase before it no longer decides, as a complaint in an earlier
   * clause does not for the word rules.
   */
  ComplaintRules.Verdict judge(String plain) {
    ComplaintRules.Verdict verdict = judgeWhole(plain);
    if (verdict == ComplaintRules.Verdict.COMPLAINT) {
      Matcher m = contrast.matcher(plain);
      int end = -1;
      while (m.find()) {
        end = m.end();
      }
      if (end > 0
          && end < plain.length()
          && judgeWhole(plain.substring(end)) == ComplaintRules.Verdict.RESOLVED) {
        return ComplaintRules.Verdict.RESOLVED;
      }
    }
    return verdict;
  }

  private ComplaintRules.Verdict judgeWhole(String plain) {
    String rest = notNegative.removeFrom(plain);
    if (negative.foundIn(rest)) {
      return ComplaintRules.Verdict.COMPLAINT;
    }
    if (rules == null) {
      // Without word classes, a "not negative" phrase ("フリーズしなくな", "問題*ありません") is what
      // a negated problem is to the other languages' rules ("no more freezing"): good news, which
      // the model does not overrule. Before round 9 it was only removed, and the model still read
      // "フリーズ" in "フリーズしなくなって快適" as a complaint.
      return noComplaint.foundIn(plain) || notNegative.foundIn(plain)
          ? ComplaintRules.Verdict.RESOLVED
          : ComplaintRules.Verdict.UNKNOWN;
    }
    // The rules read the comment both with the "not negative" phrases removed and whole (so
    // that "if" still governs what a removed phrase left behind); a complaint needs both.
    ComplaintRules.Verdict verdict = rules.judge(rest);
    if (verdict == ComplaintRules.Verdict.COMPLAINT
        && rules.judge(plain) != ComplaintRules.Verdict.COMPLAINT) {
      return ComplaintRules.Verdict.UNKNOWN;
    }
    // A reply that says in so many words that there is nothing to act on ("my fault", "you can
    // close the ticket") is no complaint unless the rules found one: the model does not overrule
    // it. Nor does it a "not negative" phrase ("error * not show*", "funktioniert wieder"), once
    // the rules find no complaint in what is left: before round 9 such a phrase was only removed,
    // and the model, which reads the whole reply, called "the error has not showed up since" or
    // "Drucker funktioniert wieder" a complaint.
    if (verdict != ComplaintRules.Verdict.COMPLAINT
        && (noComplaint.foundIn(plain) || notNegative.foundIn(plain))) {
      return ComplaintRules.Verdict.RESOLVED;
    }
    return verdict;
  }

  int phraseCount() {
    return negative.size() + notNegative.size() + noComplaint.size();
  }

  private static List<String> plain(List<String> phrases) {
    return phrases.stream().map(p -> CommentText.plain(p).toLowerCase(Locale.ROOT)).toList();
  }
}
