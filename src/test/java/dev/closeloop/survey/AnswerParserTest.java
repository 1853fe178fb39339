package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerParserTest {
  @Test
  void aReplyRepeatingACorrectionIsReadPartByPartOnceNotOverAndOverAgain() {
    // "no wait, yes, " seven times read the same parts again and again: 15 s, each repeat five
    // times the last; the work is counted here, not timed
    String reply = "no wait, yes, ".repeat(7);
    long before = AnswerParser.PARTS_READ.sum();

    assertThat(AnswerParser.parse(reply)).isInstanceOf(ParsedAnswer.Yes.class);

    assertThat(AnswerParser.PARTS_READ.sum() - before).isLessThan(500);
  }

  @Test
  void aReplyOfManySignOffsOrSpokenMarksIsNotReadAgainAtEach() {
    // the answer before a signature and a reply with its spoken punctuation turned into marks are
    // read once more at most (the work is counted, not timed): an answer with no words of its own
    // is short, so a long reply of "-- " or "point" is not read again at each
    for (String reply :
        new String[] {"yes -- ".repeat(70), "no point ".repeat(55), "<@U1> ".repeat(80) + "yes"}) {
      long before = AnswerParser.PARTS_READ.sum();

      AnswerParser.parse(reply);

      assertThat(AnswerParser.PARTS_READ.sum() - before).as(reply).isLessThan(5);
    }
  }

  @Test
  void aLongReplyIsFreeTextItsWordsNotSearchedForAnAnswer() {
    // an answer is a few words; a story is the comment (reading one for answers cost time that
    // grew with the square of its length: 9 s for 4,000 characters)
    String story = "no, still broken. " + "It drops every time I join a call. ".repeat(20);
    assertThat(story.length()).isGreaterThan(AnswerParser.LONG_REPLY);

    assertThat(AnswerParser.parse(story))
        .isEqualTo(new ParsedAnswer.FreeText(story.strip(), false, false));
    assertThat(AnswerParser.parse(story.substring(0, 120))).isInstanceOf(ParsedAnswer.Fixed.class);
  }

  @Test
  void aHedgeAfterTheScoreIsNoPartOfTheReason() {
    assertThat(AnswerParser.parse("4 i guess, took a while"))
        .isEqualTo(new ParsedAnswer.Rating(4, "took a while"));
    assertThat(AnswerParser.parse("3 würde ich sagen, war langsam"))
        .isEqualTo(new ParsedAnswer.Rating(3, "war langsam"));
    assertThat(AnswerParser.parse("3かな、対応が遅かった")).isEqualTo(new ParsedAnswer.Rating(3, "対応が遅かった"));
  }

  @ParameterizedTest(name = "\"{0}\" is a rating of {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4|4",
        "  5 |5",
        "4/5|4",
        "4 / 5|4",
        "3 out of 5|3",
        "four|4",
        "Five|5",
        "2 stars|2",
        "1!|1",
        "zwei|2",
        "trois|3",
        "cuatro|4"
      })
  void readsRatings(String text, int score) {
    assertThat(AnswerParser.parse(text)).isEqualTo(new ParsedAnswer.Rating(score, null));
  }

  @Test
  void ratingWithATrailingCommentKeepsBoth() {
    assertThat(AnswerParser.parse("3 — still can't print"))
        .isEqualTo(new ParsedAnswer.Rating(3, "still can't print"));
    assertThat(AnswerParser.parse("2: took three days"))
        .isEqualTo(new ParsedAnswer.Rating(2, "took three days"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "👍|true",
        "👍🏽|true",
        ":+1:|true",
        "👎|false",
        ":thumbsdown:|false",
        "not fixed|false"
      })
  void readsThumbs(String text, boolean fixed) {
    assertThat(AnswerParser.parse(text))
        .isInstanceOfSatisfying(
            ParsedAnswer.Fixed.class,
            f -> {
              assertThat(f.fixed()).isEqualTo(fixed);
              assertThat(f.comment()).isNull();
            });
  }

  @ParameterizedTest
  @CsvSource({"stop", "STOP", "Stop asking me", "unsubscribe"})
  void readsStop(String text) {
    assertThat(AnswerParser.parse(text)).isInstanceOf(ParsedAnswer.Stop.class);
  }

  @Test
  void readsYesNoAndOptIn() {
    assertThat(AnswerParser.parse("yes")).isInstanceOf(ParsedAnswer.Yes.class);
    assertThat(AnswerParser.parse("No, that's all")).isInstanceOf(ParsedAnswer.No.class);
    assertThat(AnswerParser.parse("opt in")).isInstanceOf(ParsedAnswer.OptIn.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"the printer is still broken", "broken screen on my laptop", "5 minutes later"})
  void anythingElseIsFreeText(String text) {
    assertThat(AnswerParser.parse(text)).isInstanceOf(ParsedAnswer.FreeText.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"6", "0", "45", "7/10", "4.5", "4,5"})
  void numbersThatAreNoScoreAreAskedAgainNotRecorded(String text) {
    assertThat(AnswerParser.parse(text)).isInstanceOf(ParsedAnswer.Unclear.class);
  }

  @Test
  void emptyAndNullAreEmpty() {
    assertThat(AnswerParser.parse(null)).isInstanceOf(ParsedAnswer.Empty.class);
    assertThat(AnswerParser.parse("   \u0000 ")).isInstanceOf(ParsedAnswer.Empty.class);
  }

  @Test
  void cleaningDropsControlCharactersAndCapsLength() {
    assertThat(AnswerParser.clean("a\u0007b\u200Bc\nd")).isEqualTo("abc\nd");
    assertThat(AnswerParser.clean("x".repeat(10_000))).hasSize(AnswerParser.MAX_TEXT);
  }

  @Test
  void ratingWithCommentKeepsTheCommentsOwnLeadingPunctuation() {
    assertThat(AnswerParser.parse("1 - @everyone <@123> **bold**"))
        .isEqualTo(new ParsedAnswer.Rating(1, "@everyone <@123> **bold**"));
    assertThat(AnswerParser.parse("2 — \"printer\" still jammed"))
        .isEqualTo(new ParsedAnswer.Rating(2, "\"printer\" still jammed"));
    assertThat(AnswerParser.parse("3: :( still can't print"))
        .isEqualTo(new ParsedAnswer.Rating(3, ":( still can't print"));
  }

  @Test
  void separatorAndScaleBeforeTheCommentAreDropped() {
    assertThat(AnswerParser.parse("4/5, Quick fix"))
        .isEqualTo(new ParsedAnswer.Rating(4, "Quick fix"));
    assertThat(AnswerParser.parse("5 Stars! Great")).isEqualTo(new ParsedAnswer.Rating(5, "Great"));
    assertThat(AnswerParser.parse("2 out of 5 - slow"))
        .isEqualTo(new ParsedAnswer.Rating(2, "slow"));
  }
}
