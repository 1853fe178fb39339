package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerParserTest {

  @ParameterizedTest(name = "\"{0}\" is a rating of {1}")
  @CsvSource(delimiter = '|', value = {
      "4|4", "  5 |5", "4/5|4", "4 / 5|4", "3 out of 5|3", "four|4", "Five|5", "2 stars|2", "1!|1", "zwei|2",
      "trois|3", "cuatro|4"})
  void readsRatings(String text, int score) {
    assertThat(AnswerParser.parse(text)).isEqualTo(new ParsedAnswer.Rating(score, null));
  }

  @Test
  void ratingWithATrailingCommentKeepsBoth() {
    assertThat(AnswerParser.parse("3 — still can't print")).isEqualTo(new ParsedAnswer.Rating(3, "still can't print"));
    assertThat(AnswerParser.parse("2: took three days")).isEqualTo(new ParsedAnswer.Rating(2, "took three days"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"👍|true", "👍🏽|true", ":+1:|true", "👎|false", ":thumbsdown:|false", "not fixed|false"})
  void readsThumbs(String text, boolean fixed) {
    assertThat(AnswerParser.parse(text)).isEqualTo(new ParsedAnswer.Fixed(fixed));
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
  @CsvSource(delimiter = '|', value = {"6", "0", "45", "the printer is still broken", "10/10", "4.5"})
  void anythingElseIsFreeText(String text) {
    assertThat(AnswerParser.parse(text)).isInstanceOf(ParsedAnswer.FreeText.class);
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
}
