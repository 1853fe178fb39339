package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule is justified by tuning data: no cue, phrase or universal signal matches a comment that
 * is not tuning data (the held-out files, and the retired round-3 half) unless it also matches a
 * tuning comment of the same language. A rule that only held-out rows support would make the
 * held-out figures tuning figures in disguise.
 */
class RuleAuditTest {
  static final String RETIRED = "retired-heldout-round3.csv";

  /** A comment as written, and in lower-cased plain form. */
  record Comment(String raw, String plain) {
    static Comment of(String raw) {
      return new Comment(raw, CommentText.plain(raw).toLowerCase(Locale.ROOT));
    }
  }

  /** One cue, phrase or signal, and how it finds itself in a comment. */
  record Rule(String where, String entry, Predicate<Comment> matches) {}

  @ParameterizedTest(name = "{0}: no rule matches a held-out comment but no tuning comment")
  @ValueSource(strings = {"en", "de", "fr", "es", "pt", "ja", "universal"})
  void everyRuleThatMatchesHeldOutDataAlsoMatchesTuningData(String language) {
    List<String> languages =
        language.equals("universal") ? CommentLanguage.LANGUAGES : List.of(language);
    List<String> tuning = new ArrayList<>();
    List<String> notTuning = new ArrayList<>();
    for (String l : languages) {
      SentimentEvaluationTest.tuning(l).forEach(r -> tuning.add(r.text()));
      SentimentEvaluationTest.heldOut(l).forEach(r -> notTuning.add(r.text()));
      LabelledComments.load(RETIRED).stream()
          .filter(r -> r.lang().equals(l))
          .forEach(r -> notTuning.add(r.text()));
    }
    List<Rule> rules = language.equals("universal") ? universalRules() : rules(language);

    Map<String, String> unsupported = unsupported(rules, notTuning, tuning);

    StringBuilder report = new StringBuilder(language + ": " + rules.size() + " rules, ");
    report.append(unsupported.size()).append(" supported by held-out rows alone");
    unsupported.forEach(
        (rule, row) -> report.append("\n  ").append(rule).append("  <- ").append(row));
    System.out.println(report);
    assertThat(unsupported).as(report.toString()).isEmpty();
  }

  /** Each rule that matches no tuning comment but some other comment, with that comment. */
  static Map<String, String> unsupported(
      List<Rule> rules, List<String> notTuning, List<String> tuning) {
    List<Comment> plainTuning = tuning.stream().map(Comment::of).toList();
    List<Comment> plainOther = notTuning.stream().map(Comment::of).toList();
    Map<String, String> unsupported = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (plainTuning.stream().anyMatch(rule.matches())) {
        continue;
      }
      for (int i = 0; i < plainOther.size(); i++) {
        if (rule.matches().test(plainOther.get(i))) {
          unsupported.put(rule.where() + " " + rule.entry(), notTuning.get(i));
          break;
        }
      }
    }
    return unsupported;
  }

  /** Every phrase and word-class entry of one language's rule file. */
  static List<Rule> rules(String language) {
    RuleFile file = RuleFile.load(language);
    boolean unspaced = language.equals("ja");
    List<Rule> rules = new ArrayList<>();
    for (String section : RuleFile.PHRASE_SECTIONS) {
      for (String phrase : file.section(section)) {
        List<String> one = List.of(lowerPlain(phrase));
        PhraseMatcher m = unspaced ? PhraseMatcher.ofUnspaced(one) : PhraseMatcher.of(one);
        rules.add(new Rule(language + " [" + section + "]", phrase, c -> m.foundIn(c.plain())));
      }
    }
    for (String section : RuleFile.WORD_SECTIONS) {
      for (String entry : file.section(section)) {
        // a word-class entry matches as a whole word, or words in a row; "stem*" as a phrase does
        PhraseMatcher m = PhraseMatcher.of(List.of(entry));
        rules.add(new Rule(language + " [" + section + "]", entry, c -> m.foundIn(c.plain())));
      }
    }
    return rules;
  }

  /**
   * The signals that apply whatever the language: negative emoji, low ratings, scare quotes, a fix
   * word struck through.
   */
  static List<Rule> universalRules() {
    List<Rule> rules = new ArrayList<>();
    for (String emoji : SentimentClassifier.loadLines("sentiment/negative-emoji.txt")) {
      rules.add(
          new Rule("negative emoji", emoji, c -> c.raw().replace("\uFE0F", "").contains(emoji)));
    }
    rules.add(
        new Rule(
            "signal",
            "rating of 1 or 2",
            c -> SentimentClassifier.LOW_RATING.matcher(CommentText.plain(c.raw())).find()));
    rules.add(
        new Rule(
            "signal",
            "fix word in scare quotes",
            c -> SentimentClassifier.SCARE_QUOTED_FIX.matcher(CommentText.plain(c.raw())).find()));
    rules.add(
        new Rule(
            "signal",
            "fix word struck through",
            c -> SentimentClassifier.STRUCK_FIX.matcher(CommentText.plain(c.raw())).find()));
    return rules;
  }

  private static String lowerPlain(String text) {
    return CommentText.plain(text).toLowerCase(Locale.ROOT);
  }
}
