package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerParserTest {
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
    assertThat(AnswerParser.parse("3 - still can't print"))
        .isEqualTo(new ParsedAnswer.Rating(3, "still can't print"));
    assertThat(AnswerParser.parse("4/5, Quick fix")).isEqualTo(new ParsedAnswer.Rating(4, "Quick fix"));
    assertThat(AnswerParser.parse("5 Stars! Great")).isEqualTo(new ParsedAnswer.Rating(5, "Great"));
    assertThat(AnswerParser.parse("2 out of 5 - slow")).isEqualTo(new ParsedAnswer.Rating(2, "slow"));
    assertThat(AnswerParser.parse("2")).isEqualTo(new ParsedAnswer.Rating(2, null));
  }
}
