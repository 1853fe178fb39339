package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.closeloop.survey.SurveyInput.AnythingElseClicked;
import dev.closeloop.survey.SurveyInput.CommentSubmitted;
import dev.closeloop.survey.SurveyInput.FixedClicked;
import dev.closeloop.survey.SurveyInput.RatingClicked;
import dev.closeloop.survey.SurveyInput.Typed;
import dev.closeloop.survey.Transition.Answer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SurveyFlowTest {
  private final SurveyFlow flow = new SurveyFlow(2);

  private static Typed typed(String text) {
    return new Typed(AnswerParser.parse(text));
  }

  @Test
  @DisplayName("A happy answer in any order leads to 'anything else?' and a friendly close")
  void happyPath() {
    Transition t1 = flow.apply(Conversation.start(), new RatingClicked(5));
    assertThat(t1.say()).isEmpty();
    assertThat(t1.next().step()).isEqualTo(Step.OPEN);
    Transition t2 = flow.apply(t1.next(), new FixedClicked(true));
    assertThat(t2.say()).containsExactly(Say.ANYTHING_ELSE);
    Transition t3 = flow.apply(t2.next(), new AnythingElseClicked(false));
    assertThat(t3.next().finished()).isTrue();
    assertThat(t3.say()).containsExactly(Say.CLOSING_POSITIVE);
  }

  @Test
  @DisplayName(
      "A low score asks what went wrong at once; the comment is recorded and the survey moves on")
  void lowScoreAsksWhatWentWrong() {
    Transition t1 = flow.apply(Conversation.start(), new RatingClicked(2));
    assertThat(t1.say()).containsExactly(Say.WHAT_WENT_WRONG);
    assertThat(t1.next().step()).isEqualTo(Step.AWAIT_COMMENT);
    Transition t2 = flow.apply(t1.next(), typed("the VPN drops every hour"));
    assertThat(t2.recorded())
        .containsExactly(new Transition.Answer(AnswerKind.COMMENT, "the VPN drops every hour"));
    assertThat(t2.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    Transition t3 = flow.apply(t2.next(), typed("👎"));
    assertThat(t3.say()).isEmpty();
    Transition t4 = flow.apply(t3.next(), typed("no"));
    assertThat(t4.say()).containsExactly(Say.CLOSING_NEGATIVE);
    assertThat(t4.next().finished()).isTrue();
  }

  @Test
  @DisplayName(
      "More lines of what went wrong, each saying not fixed in words, typed before 'anything else?'"
          + " was seen, are added to the comment, not filed as a request")
  void moreNotFixedLinesBeforeAnythingElseIsSeenGoWithTheComment() {
    Conversation commented =
        new Conversation(Step.AWAIT_ANYTHING_ELSE, false, 2, "it dropped again at 9", null, null);
    Transition t =
        flow.apply(commented, new Typed(AnswerParser.parse("it dropped again at 10"), false));
    assertThat(t.recorded())
        .containsExactly(
            new Answer(AnswerKind.COMMENT, "it dropped again at 9\nit dropped again at 10"));
    assertThat(t.next().request()).isNull();
    // once the question was seen, such a line is what they need, as before
    Transition seen =
        flow.apply(commented, new Typed(AnswerParser.parse("still broken, please call me"), true));
    assertThat(seen.recorded()).extracting(Answer::kind).containsExactly(AnswerKind.REQUEST);
  }

  @Test
  @DisplayName(
      "Once the ticket was reopened, words at 'anything else?' that ask for nothing are more about"
          + " it: added to the comment; a request that asks, or follows a yes, is still a request")
  void wordsAfterAReopenGoWithTheComment() {
    Conversation afterReopen =
        new Conversation(Step.AWAIT_ANYTHING_ELSE, false, 2, "the VPN drops", null, null);
    String detail = "mostly in the mornings";
    Transition more = flow.apply(afterReopen, new Typed(AnswerParser.parse(detail), true, true));
    assertThat(more.recorded())
        .containsExactly(new Answer(AnswerKind.COMMENT, "the VPN drops\n" + detail));
    assertThat(more.say()).containsExactly(Say.COMMENT_ADDED);
    assertThat(more.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);

    String ask = "can you also reset my voicemail PIN?";
    Transition request = flow.apply(afterReopen, new Typed(AnswerParser.parse(ask), true, true));
    assertThat(request.recorded()).containsExactly(new Answer(AnswerKind.REQUEST, ask));

    Transition notReopened = flow.apply(afterReopen, new Typed(AnswerParser.parse(detail)));
    assertThat(notReopened.recorded()).containsExactly(new Answer(AnswerKind.REQUEST, detail));
  }

  @Test
  void notFixedAlsoAsksWhatWentWrong() {
    Transition t = flow.apply(Conversation.start(), new FixedClicked(false));
    assertThat(t.say()).containsExactly(Say.WHAT_WENT_WRONG);
  }

  @Test
  @DisplayName(
      "Held-out set 7: an angry face is a not-fixed button, a shrug is 'not sure yet', a range at"
          + " the rating is asked again, and a yes taken back keeps its words without re-asking")
  void emojiRangesAndCorrectionsLeadWhereTheButtonsWould() {
    Transition angry = flow.apply(Conversation.start(), typed("😡"));
    Transition button = flow.apply(Conversation.start(), new FixedClicked(false));
    assertThat(angry.say()).isEqualTo(button.say()).containsExactly(Say.WHAT_WENT_WRONG);
    assertThat(angry.next()).isEqualTo(button.next());

    Transition shrug = flow.apply(Conversation.start(), typed("🤷‍♀️"));
    assertThat(shrug.say()).containsExactly(Say.NOT_SURE_YET);
    assertThat(shrug.recorded()).isEmpty();

    Conversation fixedYes = flow.apply(Conversation.start(), new FixedClicked(true)).next();
    Transition range = flow.apply(fixedYes, typed("entre 3 et 4"));
    assertThat(range.say()).containsExactly(Say.NOT_UNDERSTOOD);
    assertThat(range.recorded()).isEmpty();
    assertThat(range.next()).isEqualTo(fixedYes); // the rating is still open, nothing guessed
    assertThat(flow.apply(fixedYes, typed("٤")).recorded())
        .containsExactly(new Answer(AnswerKind.RATING, "4"));

    Transition takenBack =
        flow.apply(
            Conversation.start(), typed("yes... hold on no, outlook still asks for my password"));
    assertThat(takenBack.recorded())
        .containsExactly(
            new Answer(AnswerKind.FIXED, "false"),
            new Answer(AnswerKind.COMMENT, "outlook still asks for my password"));
    // the words said what went wrong: it is not asked again
    assertThat(takenBack.say()).doesNotContain(Say.WHAT_WENT_WRONG, Say.NOT_UNDERSTOOD);
    Transition noThenYes = flow.apply(Conversation.start(), typed("non... ah si, ça marche"));
    assertThat(noThenYes.recorded()).containsExactly(new Answer(AnswerKind.FIXED, "true"));
    assertThat(noThenYes.say()).doesNotContain(Say.WHAT_WENT_WRONG, Say.NOT_UNDERSTOOD);
  }

  @Test
  @DisplayName(
      "Held-out set 7: the trouble going on, said after what it is about, is not fixed with its words"
          + " and 'what went wrong?' is not asked again; a formal or late-sorry yes is a plain yes")
  void storiesAndFormalRepliesAreAnsweredOnce() {
    Transition still = flow.apply(Conversation.start(), typed("the mailbox still isnt showing up"));
    assertThat(still.recorded())
        .containsExactly(
            new Answer(AnswerKind.FIXED, "false"),
            new Answer(AnswerKind.COMMENT, "the mailbox still isnt showing up"));
    assertThat(still.say()).doesNotContain(Say.WHAT_WENT_WRONG, Say.NOT_UNDERSTOOD);

    for (String yes :
        List.of(
            "sorry for the late reply, was on holiday. yes it works",
            "Estimados, el problema ha quedado resuelto. Saludos",
            "yes it works, thanks Dave!")) {
      Transition t = flow.apply(Conversation.start(), typed(yes));
      assertThat(t.recorded()).as(yes).containsExactly(new Answer(AnswerKind.FIXED, "true"));
      assertThat(t.say()).as(yes).doesNotContain(Say.NOT_UNDERSTOOD, Say.WHAT_WENT_WRONG);
    }

    // at "what do you need?" the same words are still the request
    Conversation asked = new Conversation(Step.AWAIT_REQUEST, true, 5, null, true, null);
    assertThat(flow.apply(asked, typed("my monitor still doesnt turn on")).recorded())
        .extracting(Answer::kind)
        .containsExactly(AnswerKind.REQUEST);
  }

  @Test
  @DisplayName(
      "Held-out set 7: an answer typed with a typo leads where its button would, and is no comment")
  void aTypoInTheAnswerLeadsWhereTheButtonWould() {
    for (boolean fixed : new boolean[] {true, false}) {
      Transition button = flow.apply(Conversation.start(), new FixedClicked(fixed));
      for (String reply :
          fixed
              ? List.of("its workign now", "ya funcoina gracias", "直りましたt")
              : List.of("sitll broken", "ainda nao funcinou", "直ってないでs")) {
        Transition t = flow.apply(Conversation.start(), typed(reply));
        assertThat(t.recorded()).as(reply).isEqualTo(button.recorded());
        assertThat(t.say()).as(reply).isEqualTo(button.say());
        assertThat(t.next()).as(reply).isEqualTo(button.next());
      }
    }
  }

  @Test
  @DisplayName(
      "Held-out set 7: a school mark typed as the score (16/20, nota 10, 百点, よんてん) leads where"
          + " the rating button does")
  void aSchoolMarkLeadsWhereTheRatingButtonWould() {
    Conversation fixedYes = flow.apply(Conversation.start(), new FixedClicked(true)).next();
    for (var mark : java.util.Map.of("16/20", 4, "nota 10!", 5, "百点", 5, "よんてん", 4).entrySet()) {
      Transition button = flow.apply(fixedYes, new RatingClicked(mark.getValue()));
      Transition t = flow.apply(fixedYes, typed(mark.getKey()));
      assertThat(t.recorded()).as(mark.getKey()).isEqualTo(button.recorded());
      assertThat(t.say()).as(mark.getKey()).isEqualTo(button.say());
      assertThat(t.next()).as(mark.getKey()).isEqualTo(button.next());
    }
  }

  @Test
  @DisplayName(
      "Each question keeps its first answer; a second one is politely refused and changes nothing")
  void firstAnswerWins() {
    Conversation c = flow.apply(Conversation.start(), new RatingClicked(4)).next();
    Transition again = flow.apply(c, new RatingClicked(1));
    assertThat(again.changed()).isFalse();
    assertThat(again.recorded()).isEmpty();
    assertThat(again.say()).containsExactly(Say.ALREADY_ANSWERED);
    assertThat(again.next().rating()).isEqualTo(4);
  }

  @Test
  @DisplayName("Yes to 'anything else?' makes the next text the request, and the survey ends")
  void anythingElseYesRecordsRequest() {
    Conversation c =
        flow.apply(
                flow.apply(Conversation.start(), new RatingClicked(5)).next(),
                new FixedClicked(true))
            .next();
    Transition yes = flow.apply(c, typed("yes"));
    assertThat(yes.say()).containsExactly(Say.REQUEST_PROMPT);
    Transition req = flow.apply(yes.next(), typed("please contact me about my laptop"));
    assertThat(req.recorded())
        .containsExactly(
            new Transition.Answer(AnswerKind.REQUEST, "please contact me about my laptop"));
    assertThat(req.next().finished()).isTrue();
    assertThat(req.say()).containsExactly(Say.REQUEST_NOTED);
  }

  @Test
  void typedTextInsteadOfYesNoIsTheRequest() {
    Conversation c =
        flow.apply(
                flow.apply(Conversation.start(), new RatingClicked(5)).next(),
                new FixedClicked(true))
            .next();
    Transition t = flow.apply(c, typed("please call me back"));
    assertThat(t.recorded())
        .extracting(Transition.Answer::kind)
        .containsExactly(AnswerKind.REQUEST);
  }

  @Test
  void ratingWithCommentRecordsBoth() {
    Transition t = flow.apply(Conversation.start(), typed("3 - still can't print"));
    assertThat(t.recorded())
        .extracting(Transition.Answer::kind)
        .containsExactly(AnswerKind.RATING, AnswerKind.COMMENT);
    // a score of 3 is not negative: straight on to "anything else?"
    assertThat(t.say()).containsExactly(Say.ANYTHING_ELSE);
    // a low one: the reason is acknowledged (the digest will show it), then "anything else?"
    assertThat(flow.apply(Conversation.start(), typed("1 - still can't print")).say())
        .containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
  }

  @Test
  void stopOptsOutEvenWhenFinished() {
    Conversation done = new Conversation(Step.FINISHED, true, 5, null, false, null);
    assertThat(flow.apply(done, typed("stop")).optOut()).isTrue();
    assertThat(flow.apply(done, new SurveyInput.StopClicked()).say())
        .containsExactly(Say.OPTED_OUT);
  }

  @Test
  void finishedSurveyTakesNothing() {
    Conversation done = new Conversation(Step.FINISHED, true, 5, null, false, null);
    Transition t = flow.apply(done, new CommentSubmitted("one more thing"));
    assertThat(t.changed()).isFalse();
    assertThat(t.say()).containsExactly(Say.SURVEY_CLOSED);
  }

  @Test
  void gibberishGetsAHelpfulReplyNotSilence() {
    assertThat(flow.apply(Conversation.start(), typed("   ")).say())
        .containsExactly(Say.NOT_UNDERSTOOD);
    assertThat(flow.apply(Conversation.start(), typed("7")).say())
        .containsExactly(Say.NOT_UNDERSTOOD);
  }

  @Test
  @DisplayName("'Not sure yet' to 'did we fix it?': no rush, nothing recorded, the question stays")
  void notSureYetRecordsNothingAndKeepsTheQuestionOpen() {
    Transition t = flow.apply(Conversation.start(), typed("not sure yet, haven't tried"));
    assertThat(t.say()).containsExactly(Say.NOT_SURE_YET);
    assertThat(t.recorded()).isEmpty();
    assertThat(t.next()).isEqualTo(Conversation.start());
    // later, once they know, the answer is taken as usual
    assertThat(flow.apply(t.next(), typed("yes 5")).recorded()).hasSize(2);
    // at "what went wrong?" the same words are their answer
    Transition notFixed = flow.apply(Conversation.start(), new FixedClicked(false));
    assertThat(flow.apply(notFixed.next(), typed("no idea, it just stopped")).recorded())
        .extracting(Transition.Answer::kind)
        .containsExactly(AnswerKind.COMMENT);
  }

  @Test
  @DisplayName("At 'anything else?' with 'did we fix it?' open, 'no, still broken, …' is not fixed")
  void stillBrokenAtAnythingElseAnswersTheFixedQuestion() {
    Transition rated = flow.apply(Conversation.start(), typed("2 personne m'a rappelé"));
    // the reason that came with the score is acknowledged, then "anything else?"
    assertThat(rated.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    Transition t =
        flow.apply(
            rated.next(), typed("non toujours pas, l'imprimante affiche erreur"), ReopenMode.ASK);
    // what the printer shows is added to the comment, not dropped
    assertThat(t.recorded())
        .containsExactly(
            new Transition.Answer(AnswerKind.FIXED, "false"),
            new Transition.Answer(
                AnswerKind.COMMENT, "personne m'a rappelé\nl'imprimante affiche erreur"));
    assertThat(t.next().finished()).isFalse();
    assertThat(t.say()).containsExactly(Say.REOPEN_OFFER_PLAIN);
  }

  @Test
  @DisplayName("Rated and told what went wrong, 'did we fix it?' still open: 'anything else?' next")
  void ratedAndCommentedIsAskedAnythingElseWithFixedStillOpen() {
    Transition t1 = flow.apply(Conversation.start(), new RatingClicked(2));
    Transition t2 = flow.apply(t1.next(), typed("printer jams every morning"));
    assertThat(t2.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    assertThat(t2.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    // the fixed buttons stay: a late tap is kept, and "anything else?" is not asked twice
    Transition t3 = flow.apply(t2.next(), new FixedClicked(false));
    assertThat(t3.recorded()).containsExactly(new Transition.Answer(AnswerKind.FIXED, "false"));
    assertThat(t3.say()).isEmpty();
    assertThat(t3.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    Transition t4 = flow.apply(t3.next(), new AnythingElseClicked(false));
    assertThat(t4.say()).containsExactly(Say.CLOSING_NEGATIVE);
    assertThat(t4.next().finished()).isTrue();
  }

  @Test
  @DisplayName("Not fixed and told what went wrong, never rated: 'anything else?' next")
  void notFixedAndCommentedIsAskedAnythingElseWithRatingStillOpen() {
    Transition t1 = flow.apply(Conversation.start(), new FixedClicked(false));
    Transition t2 = flow.apply(t1.next(), new CommentSubmitted("VPN drops hourly"));
    assertThat(t2.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    Transition t3 = flow.apply(t2.next(), typed("2"));
    assertThat(t3.recorded()).containsExactly(new Transition.Answer(AnswerKind.RATING, "2"));
    // "anything else?" is not asked twice; the typed score is thanked rather than met by silence
    assertThat(t3.say()).containsExactly(Say.COMMENT_NOTED);
  }

  @Test
  @DisplayName("A score with words, or a yes with words: they said their piece, 'anything else?'")
  void anAnswerWithWordsMovesOnToAnythingElse() {
    Transition t = flow.apply(Conversation.start(), typed("5 - great job, thanks!"));
    assertThat(t.say()).containsExactly(Say.ANYTHING_ELSE);
    assertThat(flow.apply(t.next(), typed("👍")).say()).isEmpty();
    Transition yes =
        flow.apply(Conversation.start(), typed("yes it works now, the new cable did it"));
    assertThat(yes.next().fixed()).isTrue();
    assertThat(yes.say()).containsExactly(Say.ANYTHING_ELSE);
  }

  @Test
  @DisplayName("Praise after a 5 is thanked without promising it to a digest that lists negatives")
  void aCommentOnAPositiveSurveyIsNotPromisedToTheReview() {
    Transition rated = flow.apply(Conversation.start(), typed("yes 5"));
    Transition praise = flow.apply(rated.next(), typed("the tech was really friendly"));
    assertThat(praise.recorded()).extracting(Transition.Answer::kind).contains(AnswerKind.COMMENT);
    assertThat(praise.say()).containsExactly(Say.COMMENT_NOTED);
    // a comment before any answer, or after a low one, may well be in the digest: it says when
    Transition first = flow.apply(Conversation.start(), typed("Drucker ist langsam"));
    assertThat(first.say()).containsExactly(Say.THANKS_FOR_COMMENT);
    Transition low = flow.apply(Conversation.start(), new RatingClicked(2));
    assertThat(flow.apply(low.next(), typed("took a week")).say())
        .containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
  }

  @Test
  @DisplayName(
      "Words typed after the comment are added to it, on a line of their own, until it is full")
  void moreWordsAreAddedToTheComment() {
    Transition t1 = flow.apply(Conversation.start(), typed("Drucker ist langsam"));
    assertThat(t1.next().comment()).isEqualTo("Drucker ist langsam");
    Transition t2 = flow.apply(t1.next(), typed("druckt nur jede zweite Seite"));
    assertThat(t2.changed()).isTrue();
    String both = "Drucker ist langsam\ndruckt nur jede zweite Seite";
    assertThat(t2.next().comment()).isEqualTo(both);
    assertThat(t2.recorded()).containsExactly(new Answer(AnswerKind.COMMENT, both));
    assertThat(t2.say()).containsExactly(Say.COMMENT_ADDED);
    assertThat(t2.next().step()).isEqualTo(Step.OPEN);

    // a score with words once the comment is in: the rating, and the words added to the comment
    Transition scored = flow.apply(t2.next(), typed("eher so 2, musste dreimal nachfragen"));
    assertThat(scored.next().rating()).isEqualTo(2);
    assertThat(scored.next().comment()).isEqualTo(both + "\nmusste dreimal nachfragen");
    assertThat(scored.recorded())
        .containsExactly(
            new Answer(AnswerKind.RATING, "2"),
            new Answer(AnswerKind.COMMENT, both + "\nmusste dreimal nachfragen"));

    // the same words sent again (a phone that resent them) are not added twice
    Transition resent = flow.apply(t2.next(), typed("druckt nur jede zweite Seite"));
    assertThat(resent.changed()).isFalse();
    assertThat(resent.say()).containsExactly(Say.ALREADY_ANSWERED);

    // a comment that would pass the store's limit is not cut: the person is told it is in
    Conversation full =
        new Conversation(Step.OPEN, null, null, "x".repeat(SurveyFlow.MAX_COMMENT - 5), null, null);
    Transition over = flow.apply(full, typed("one more line"));
    assertThat(over.changed()).isFalse();
    assertThat(over.say()).containsExactly(Say.ALREADY_ANSWERED);
  }

  @Test
  @DisplayName("'nah im good', 'rien merci', 'sem mais nada' while 'did we fix it?' is open")
  void nothingMoreWhileFixedIsOpenEndsPolitely() {
    Conversation rated = new Conversation(Step.OPEN, null, 4, null, null, null);
    Transition t = flow.apply(rated, typed("nah im good"));
    assertThat(t.next().finished()).isTrue();
    assertThat(t.say()).containsExactly(Say.CLOSING_POSITIVE);
    assertThat(t.recorded()).isEmpty();
    // nothing answered yet: a polite end, nothing recorded, never asked again
    Transition fresh = flow.apply(Conversation.start(), typed("rien merci"));
    assertThat(fresh.next().finished()).isTrue();
    assertThat(fresh.recorded()).isEmpty();
    assertThat(fresh.say()).containsExactly(Say.CLOSING_POSITIVE);
    // "what went wrong?" open after a low score: nothing to add, on to "anything else?"
    Conversation low = new Conversation(Step.AWAIT_COMMENT, null, 2, null, null, null);
    Transition skip = flow.apply(low, typed("sem mais nada"));
    assertThat(skip.say()).containsExactly(Say.ANYTHING_ELSE);
    assertThat(skip.recorded()).isEmpty();
  }

  @Test
  void negativeByAnswersUsesThreshold() {
    assertThat(flow.negativeByAnswers(new Conversation(Step.OPEN, null, 2, null, null, null)))
        .isTrue();
    assertThat(flow.negativeByAnswers(new Conversation(Step.OPEN, null, 3, null, null, null)))
        .isFalse();
    assertThat(flow.negativeByAnswers(new Conversation(Step.OPEN, false, 5, null, null, null)))
        .isTrue();
  }

  @Test
  @DisplayName("A score typed after 'anything else?' was asked is thanked, not met by silence")
  void scoreTypedAfterAnythingElseIsThanked() {
    // "yes it works now but it took forever": fixed and the comment, so "anything else?" comes
    Transition first = flow.apply(Conversation.start(), typed("yes works now but it took forever"));
    assertThat(first.say()).containsExactly(Say.ANYTHING_ELSE);

    Transition typedScore = flow.apply(first.next(), typed("4"));
    assertThat(typedScore.recorded())
        .containsExactly(new Transition.Answer(AnswerKind.RATING, "4"));
    assertThat(typedScore.say()).containsExactly(Say.COMMENT_NOTED);
    assertThat(typedScore.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);

    // a tapped rating shows on the message itself: nothing said
    Transition tapped = flow.apply(first.next(), new RatingClicked(4));
    assertThat(tapped.recorded()).containsExactly(new Transition.Answer(AnswerKind.RATING, "4"));
    assertThat(tapped.say()).isEmpty();
  }

  @Test
  @DisplayName(
      "A score typed just after the survey ended without one is its score, and thanked; a survey"
          + " that has one stays closed")
  void aLateScoreIsTakenByASurveyThatEndedWithoutOne() {
    Conversation ended = new Conversation(Step.FINISHED, true, null, "nice tech", false, null);
    Transition low = flow.apply(ended, new SurveyInput.LateScore(2));
    assertThat(low.recorded()).containsExactly(new Answer(AnswerKind.RATING, "2"));
    assertThat(low.next().finished()).isTrue();
    assertThat(low.say())
        .as("a negative now: when the team reads it")
        .containsExactly(Say.THANKS_FOR_COMMENT);
    Transition high = flow.apply(ended, new SurveyInput.LateScore(5));
    assertThat(high.say()).containsExactly(Say.COMMENT_NOTED);

    Conversation rated = new Conversation(Step.FINISHED, true, 4, null, false, null);
    Transition again = flow.apply(rated, new SurveyInput.LateScore(2));
    assertThat(again.changed()).isFalse();
    assertThat(again.say()).containsExactly(Say.SURVEY_CLOSED);
  }

  @Test
  @DisplayName(
      "The review is promised for a comment only when the digest will list the reply: a negative"
          + " answer or a comment that reads as a complaint")
  void theReviewIsPromisedOnlyWhenTheDigestWillShowTheReply() {
    SurveyFlow judged = new SurveyFlow(2, (text, locale) -> text.contains("rude"));
    assertThat(judged.apply(Conversation.start(), typed("the tech was great")).say())
        .as("praise before any answer: no digest will list it")
        .containsExactly(Say.COMMENT_NOTED);
    assertThat(judged.apply(Conversation.start(), typed("the tech was rude")).say())
        .containsExactly(Say.THANKS_FOR_COMMENT);
    Conversation five = judged.apply(Conversation.start(), new RatingClicked(5)).next();
    assertThat(judged.apply(five, typed("the tech was rude though")).say())
        .as("all answers positive, but a complaint: the digest lists it")
        .containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    Conversation two = judged.apply(Conversation.start(), new RatingClicked(2)).next();
    assertThat(judged.apply(two, typed("took a while")).say())
        .as("a negative answer: listed whatever the comment says")
        .contains(Say.THANKS_FOR_COMMENT);
  }

  @Test
  @DisplayName(
      "A survey whose comment reads as a complaint closes with the promise that the IT team will"
          + " look at it, as the digest will list it, whatever the answers")
  void aComplaintWithPositiveAnswersClosesWithTheReviewPromised() {
    SurveyFlow judged = new SurveyFlow(2, (text, locale) -> text.contains("took ages"));
    Transition fixedWithComment =
        judged.apply(Conversation.start(), typed("works now, but it took ages"));
    Transition four = judged.apply(fixedWithComment.next(), typed("4"));
    Transition done = judged.apply(four.next(), new AnythingElseClicked(false));

    assertThat(done.next().finished()).isTrue();
    // before: "Thanks! That's all — have a good day." while the digest listed the reply
    assertThat(done.say()).containsExactly(Say.CLOSING_NEGATIVE);

    Conversation praised =
        judged.apply(Conversation.start(), typed("works now, the tech was great")).next();
    Conversation praisedFour = judged.apply(praised, typed("4")).next();
    assertThat(judged.apply(praisedFour, new AnythingElseClicked(false)).say())
        .as("no complaint, positive answers: nothing to follow up")
        .containsExactly(Say.CLOSING_POSITIVE);
  }

  @Test
  @DisplayName(
      "A complaint about how the ticket was handled, typed at 'anything else?', is the survey's"
          + " comment (the digest lists it and the closing promises a follow-up), not a new request")
  void aComplaintOfHandlingAtAnythingElseIsTheCommentNotARequest() {
    SurveyFlow judged = new SurveyFlow(2, (text, locale) -> text.contains("semana"));
    Conversation fixed = judged.apply(Conversation.start(), typed("sí ya funciona")).next();
    Conversation three = judged.apply(fixed, typed("3")).next();
    assertThat(three.step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);

    Transition complaint = judged.apply(three, typed("tardaron una semana en responder"));
    // before: filed as a request (a new helpdesk ticket: "Tu petición ya es el ticket …")
    assertThat(complaint.recorded()).extracting(Answer::kind).containsExactly(AnswerKind.COMMENT);
    assertThat(complaint.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    assertThat(complaint.say()).containsExactly(Say.THANKS_FOR_COMMENT);

    Transition done = judged.apply(complaint.next(), typed("no, gracias"));
    assertThat(done.next().finished()).isTrue();
    assertThat(done.recorded()).extracting(Answer::kind).doesNotContain(AnswerKind.REQUEST);
    assertThat(done.say()).containsExactly(Say.CLOSING_NEGATIVE);

    assertThat(
            judged
                .apply(three, typed("nobody called me back, can you ask them to call me?"))
                .recorded())
        .as("a complaint that asks for something is still a request")
        .extracting(Answer::kind)
        .containsExactly(AnswerKind.REQUEST);
  }

  @Test
  @DisplayName(
      "'The printer still jams' answers 'did we fix it?' (not fixed, its words the comment), at"
          + " that question and at 'what went wrong?' after a low score; the reopen offer follows")
  void whatFailsThenStillAndHowItFailsIsNotFixed() {
    Transition atFixed =
        flow.apply(Conversation.start(), typed("the printer still jams"), ReopenMode.ASK);
    // before: only a comment, "did we fix it?" left open
    assertThat(atFixed.recorded())
        .containsExactly(
            new Transition.Answer(AnswerKind.FIXED, "false"),
            new Transition.Answer(AnswerKind.COMMENT, "the printer still jams"));
    assertThat(atFixed.say()).containsExactly(Say.REOPEN_OFFER);

    Transition two = flow.apply(Conversation.start(), new RatingClicked(2));
    Transition atComment = flow.apply(two.next(), typed("Outlook stürzt immer noch ab"));
    assertThat(atComment.recorded())
        .containsExactly(
            new Transition.Answer(AnswerKind.FIXED, "false"),
            new Transition.Answer(AnswerKind.COMMENT, "Outlook stürzt immer noch ab"));
    assertThat(atComment.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    assertThat(atComment.say()).containsExactly(Say.ANYTHING_ELSE);
  }

  @Test
  @DisplayName(
      "'No, but nobody told me it was fixed' at 'anything else?' is the comment and the survey's"
          + " end (the closing promises a follow-up), not a new request; 'no, but my mouse is"
          + " broken too' is still one")
  void aNoThenHowItWasHandledAtAnythingElseIsTheCommentAndTheEnd() {
    SurveyFlow judged = new SurveyFlow(2, (text, locale) -> text.contains("nobody"));
    Conversation fixed = judged.apply(Conversation.start(), typed("yes it works now")).next();
    Conversation five = judged.apply(fixed, typed("5")).next();
    assertThat(five.step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);

    Transition feedback = judged.apply(five, typed("no, but nobody told me it was fixed"));
    // before: filed as a request ("nobody told me it was fixed" became a new helpdesk ticket)
    assertThat(feedback.recorded())
        .extracting(Answer::kind, Answer::value)
        .containsExactly(tuple(AnswerKind.COMMENT, "nobody told me it was fixed"));
    assertThat(feedback.next().finished()).isTrue();
    assertThat(feedback.next().wantsMore()).isFalse();
    assertThat(feedback.say()).containsExactly(Say.CLOSING_NEGATIVE);

    Transition nextTime =
        judged.apply(five, typed("Nein, aber beim nächsten Mal bitte vorher Bescheid sagen."));
    assertThat(nextTime.recorded()).extracting(Answer::kind).containsExactly(AnswerKind.COMMENT);
    assertThat(nextTime.next().finished()).isTrue();

    assertThat(judged.apply(five, typed("no, but my mouse is broken too")).recorded())
        .as("something else to do is still a request")
        .extracting(Answer::kind)
        .containsExactly(AnswerKind.REQUEST);
  }

  @Test
  @DisplayName(
      "The promise of a review judges the comment in the survey's locale, as the digest does: a"
          + " complaint read as one only in the writer's language is still promised its review")
  void theReviewPromiseJudgesTheCommentInTheSurveysLocale() {
    // a classifier that reads "tarde" as a complaint only in Spanish, as the digest does for a
    // Spanish requester's comment typed without accents
    SurveyFlow judged =
        new SurveyFlow(2, (text, locale) -> text.contains("tarde") && "es".equals(locale));
    Conversation four = judged.apply(Conversation.start(), new RatingClicked(4)).next();

    assertThat(judged.forLocale("es").apply(four, typed("llegaron muy tarde")).say())
        .as("the digest lists it: the review is promised")
        .contains(Say.THANKS_FOR_COMMENT);
    assertThat(judged.forLocale("en").apply(four, typed("llegaron muy tarde")).say())
        .contains(Say.COMMENT_NOTED);
    assertThat(judged.forLocale(null).apply(four, typed("llegaron muy tarde")).say())
        .as("locale unknown: judged as the digest judges it then")
        .contains(Say.COMMENT_NOTED);
  }

  @Test
  @DisplayName(
      "A late answer to 'did we fix it?' typed at 'anything else?' keeps its other words: 'call me,"
          + " outlook still not syncing' records not fixed and adds the words to the comment")
  void aLateFixedAnswerAtAnythingElseKeepsItsWords() {
    // the sandbox walk: a comment first ("same issue is there only"), then "2", so "anything
    // else?" came with "did we fix it?" still open
    Conversation asked =
        new Conversation(Step.AWAIT_ANYTHING_ELSE, null, 2, "same issue is there only", null, null);
    String words = "kindly do the needful and call me, outlook still not syncing on laptop";

    Transition late = flow.apply(asked, typed(words), ReopenMode.ASK);
    // before: "fixed: false" recorded and every other word dropped
    assertThat(late.recorded())
        .contains(new Transition.Answer(AnswerKind.FIXED, "false"))
        .contains(new Transition.Answer(AnswerKind.COMMENT, "same issue is there only\n" + words));
    assertThat(late.next().comment()).endsWith(words);

    Transition bare = flow.apply(asked, typed("not fixed"), ReopenMode.ASK);
    assertThat(bare.recorded())
        .as("a bare late answer adds no words")
        .containsExactly(new Transition.Answer(AnswerKind.FIXED, "false"));
  }

  @Test
  @DisplayName(
      "A score said last while the rating is still open is the rating, also at 'anything else?':"
          + " 'septante pour cent content, disons 4' is no helpdesk request")
  void aScoreSaidLastAtAnythingElseIsTheRating() {
    // the sandbox walk: "ouais c'est en ordre merci" was a yes and a comment, so "anything else?"
    // came with the rating still open
    Conversation asked =
        new Conversation(
            Step.AWAIT_ANYTHING_ELSE, true, null, "ouais c'est en ordre merci", null, null);

    Transition t = flow.apply(asked, typed("septante pour cent content, disons 4"));
    // before: filed as a request ("Votre demande est maintenant le ticket DEMO-2003")
    assertThat(t.recorded()).extracting(Answer::kind).doesNotContain(AnswerKind.REQUEST);
    assertThat(t.recorded()).contains(new Transition.Answer(AnswerKind.RATING, "4"));
    assertThat(t.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);

    Conversation rated = new Conversation(Step.AWAIT_ANYTHING_ELSE, true, 5, null, null, null);
    assertThat(flow.apply(rated, typed("my second screen flickers, 2")).recorded())
        .as("once rated, words at 'anything else?' are what they need")
        .extracting(Answer::kind)
        .containsExactly(AnswerKind.REQUEST);
  }

  @Test
  @DisplayName(
      "At 'anything else?' with the rating still open, words that ask for something and end with a"
          + " number are the request, not a score: 'I need 2 more licences, 3'")
  void aRequestEndingInANumberAtAnythingElseIsNoScore() {
    Conversation asked =
        new Conversation(
            Step.AWAIT_ANYTHING_ELSE, true, null, "ouais c'est en ordre merci", null, null);

    for (String words :
        List.of(
            "I need 2 more licences, 3",
            "can you also check rooms 1, 2, 3",
            "pouvez-vous vérifier les salles 1, 2",
            "necesito acceso a las carpetas 1, 2")) {
      Transition t = flow.apply(asked, typed(words));
      // before: the last number was recorded as the rating and the rest added to the comment
      assertThat(t.recorded())
          .as(words)
          .extracting(Answer::kind)
          .containsExactly(AnswerKind.REQUEST);
    }
    assertThat(flow.apply(asked, typed("good job, 5")).recorded())
        .as("words that ask for nothing, then a score: still the rating")
        .contains(new Transition.Answer(AnswerKind.RATING, "5"));
  }

  @Test
  @DisplayName(
      "An opt-out with more said keeps the words as the comment, thanked, then the opt-out (they"
          + " were lost with it); on a finished survey it is the opt-out alone")
  void anOptOutWithMoreSaidKeepsTheWords() {
    Transition t =
        flow.apply(
            Conversation.start(),
            new SurveyInput.Typed(
                AnswerParser.parse("no more surveys please, the printer still jams")));
    assertThat(t.optOut()).isTrue();
    assertThat(t.changed()).isTrue();
    assertThat(t.recorded())
        .containsExactly(
            new Transition.Answer(
                AnswerKind.COMMENT, "no more surveys please, the printer still jams"));
    assertThat(t.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.OPTED_OUT);

    Conversation done = new Conversation(Step.FINISHED, true, 5, null, false, null);
    Transition late =
        flow.apply(
            done,
            new SurveyInput.Typed(
                AnswerParser.parse("no more surveys please, the printer still jams")));
    assertThat(late.optOut()).isTrue();
    assertThat(late.recorded()).isEmpty();
    assertThat(late.say()).containsExactly(Say.OPTED_OUT);

    Transition plain =
        flow.apply(
            Conversation.start(),
            new SurveyInput.Typed(AnswerParser.parse("please stop sending these, thanks")));
    assertThat(plain.recorded()).isEmpty();
    assertThat(plain.say()).containsExactly(Say.OPTED_OUT);
  }
}
