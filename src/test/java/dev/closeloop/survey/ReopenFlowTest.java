package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.survey.SurveyInput.AnythingElseClicked;
import dev.closeloop.survey.SurveyInput.FixedClicked;
import dev.closeloop.survey.SurveyInput.RatingClicked;
import dev.closeloop.survey.SurveyInput.ReopenClicked;
import dev.closeloop.survey.SurveyInput.Typed;
import dev.closeloop.survey.Transition.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reopen question of the survey flow ({@code writeBack.reopen}: ask, always, never). */
class ReopenFlowTest {
  private final SurveyFlow flow = new SurveyFlow(2);

  private static Typed typed(String text) {
    return new Typed(AnswerParser.parse(text));
  }

  private Transition notFixed(ReopenMode mode) {
    return flow.apply(Conversation.start(), new FixedClicked(false), mode);
  }

  @Test
  @DisplayName("'ask': 'not fixed' offers the reopen first, and what went wrong after its answer")
  void askOffersReopenBeforeWhatWentWrong() {
    Transition offer = notFixed(ReopenMode.ASK);
    assertThat(offer.next().step()).isEqualTo(Step.AWAIT_REOPEN);
    assertThat(offer.say()).containsExactly(Say.REOPEN_OFFER);
    assertThat(offer.recorded()).containsExactly(new Answer(AnswerKind.FIXED, "false"));
    assertThat(offer.reopen()).isNull();

    Transition yes = flow.apply(offer.next(), new ReopenClicked(true), ReopenMode.ASK);
    assertThat(yes.reopen()).isTrue();
    assertThat(yes.next().step()).isEqualTo(Step.AWAIT_COMMENT);
    assertThat(yes.say()).containsExactly(Say.REOPENING_WHAT_WENT_WRONG);
  }

  @Test
  @DisplayName("'No, leave it closed' decides false and the survey goes on")
  void leaveClosed() {
    Transition no =
        flow.apply(notFixed(ReopenMode.ASK).next(), new ReopenClicked(false), ReopenMode.ASK);
    assertThat(no.reopen()).isFalse();
    assertThat(no.say()).containsExactly(Say.WHAT_WENT_WRONG_AFTER_REOPEN);
  }

  @Test
  @DisplayName("'always' reopens on 'not fixed' without asking; 'never' neither asks nor reopens")
  void alwaysAndNever() {
    Transition always = notFixed(ReopenMode.ALWAYS);
    assertThat(always.reopen()).isTrue();
    assertThat(always.say()).containsExactly(Say.WHAT_WENT_WRONG);
    assertThat(always.next().step()).isEqualTo(Step.AWAIT_COMMENT);

    Transition never = notFixed(ReopenMode.NEVER);
    assertThat(never.reopen()).isNull();
    assertThat(never.say()).containsExactly(Say.WHAT_WENT_WRONG);
    assertThat(flow.apply(Conversation.start(), new FixedClicked(false)).say())
        .containsExactly(Say.WHAT_WENT_WRONG);
  }

  @ParameterizedTest(name = "\"{0}\" → reopen {1}")
  @DisplayName("Typed yes / no answers the reopen question in every bundled language")
  @CsvSource({
    "yes, true",
    "yes please, true",
    "ja, true",
    "ja bitte, true",
    "oui, true",
    "sí, true",
    "sim, true",
    "はい, true",
    "no, false",
    "nope, false",
    "nein, false",
    "non, false",
    "não, false",
    "いいえ, false",
    "no thanks, false"
  })
  void typedYesNo(String text, boolean reopen) {
    Transition t = flow.apply(notFixed(ReopenMode.ASK).next(), typed(text), ReopenMode.ASK);
    assertThat(t.reopen()).isEqualTo(reopen);
    assertThat(t.next().step()).isNotEqualTo(Step.AWAIT_REOPEN);
  }

  @ParameterizedTest(name = "\"{0}\" → reopen {1}")
  @DisplayName(
      "Reopen or leave it closed, said in words in every bundled language: the answer, no comment")
  @CsvSource(
      delimiter = '|',
      value = {
        "reopen|true",
        "Reopen it please|true",
        "yes please reopen|true",
        "ja, bitte wieder öffnen|true",
        "wieder öffnen|true",
        "oui, rouvrez svp|true",
        "réouvrir|true",
        "sí, reábrelo por favor|true",
        "reabrir|true",
        "sim, reabra|true",
        "pode reabrir|true",
        "再オープンしてください|true",
        "ok|true",
        "okay, go ahead|true",
        "einverstanden|true",
        "d'accord|true",
        "de acuerdo|true",
        "tá bom|true",
        "それでお願いします|true",
        "leave it closed|false",
        "no, leave it|false",
        "don't reopen|false",
        "nein, geschlossen lassen|false",
        "non, laissez fermé|false",
        "no, déjalo cerrado|false",
        "não, pode deixar fechado|false",
        "いいえ、クローズのままでいいです|false",
        "lass zu|false",
        "nö, bleibt zu|false",
        "no need|false",
        "nah close it|false"
      })
  void reopenInWords(String text, boolean reopen) {
    Transition t = flow.apply(notFixed(ReopenMode.ASK).next(), typed(text), ReopenMode.ASK);
    assertThat(t.reopen()).isEqualTo(reopen);
    assertThat(t.recorded()).as("the answer is no comment").isEmpty();
    assertThat(t.next().step()).isEqualTo(Step.AWAIT_COMMENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ok thanks bye",
        "ok, that's all",
        "okay, i'm good",
        "ok danke, tschüss",
        "d'accord, au revoir",
        "ok, obrigado, tchau"
      })
  @DisplayName(
      "An ok that closes the conversation agrees to no reopen: the question is asked again")
  void okWithAGoodbyeIsNoAgreement(String text) {
    Transition t = flow.apply(notFixed(ReopenMode.ASK).next(), typed(text), ReopenMode.ASK);
    assertThat(t.reopen()).isNull();
    assertThat(t.next().step()).isEqualTo(Step.AWAIT_REOPEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ok, thanks", "okay thank you", "ok danke", "d'accord, merci", "ok gracias"})
  void okWithThanksStillAgrees(String text) {
    Transition t = flow.apply(notFixed(ReopenMode.ASK).next(), typed(text), ReopenMode.ASK);
    assertThat(t.reopen()).isTrue();
  }

  @Test
  @DisplayName("A yes with words after it reopens and keeps the words as the comment")
  void yesWithReasonIsAlsoTheComment() {
    Transition t =
        flow.apply(
            notFixed(ReopenMode.ASK).next(),
            typed("yes, it still drops every hour"),
            ReopenMode.ASK);
    assertThat(t.reopen()).isTrue();
    assertThat(t.recorded())
        .containsExactly(new Answer(AnswerKind.COMMENT, "yes, it still drops every hour"));
    // the comment is in: nothing to ask about what went wrong, the rating is still open
    assertThat(t.next().step()).isEqualTo(Step.OPEN);
    assertThat(t.say()).isEmpty();
  }

  @Test
  @DisplayName(
      "A no once the comment is in and before any rating is acknowledged, not met by silence")
  void noAfterTheCommentIsAcknowledged() {
    // "not fixed" with the reason in one message, then "no, that's all" to the reopen offer
    Transition first =
        flow.apply(Conversation.start(), typed("no, it still does not print"), ReopenMode.ASK);
    assertThat(first.say()).containsExactly(Say.REOPEN_OFFER);
    assertThat(first.next().comment()).isNotNull();

    Transition no = flow.apply(first.next(), typed("No, that is all, thanks"), ReopenMode.ASK);
    assertThat(no.reopen()).isFalse();
    // "OK, X stays closed." and the closing words, which say what happens next
    assertThat(no.say()).containsExactly(Say.STAYS_CLOSED, Say.CLOSING_NEGATIVE);
    assertThat(no.next().finished()).as("'that is all' answers 'anything else?' too").isTrue();
    assertThat(no.recorded()).as("'that is all' is no comment").isEmpty();

    // a tap says only "leave it closed": they said their piece, so "anything else?" comes now
    // (the rating buttons stay open), else it would never be asked
    Transition tapped = flow.apply(first.next(), new ReopenClicked(false), ReopenMode.ASK);
    assertThat(tapped.say()).containsExactly(Say.STAYS_CLOSED, Say.ANYTHING_ELSE);
    assertThat(tapped.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);

    Transition rated = flow.apply(tapped.next(), new RatingClicked(2), ReopenMode.ASK);
    assertThat(rated.recorded()).containsExactly(new Transition.Answer(AnswerKind.RATING, "2"));
    assertThat(rated.say()).as("not asked twice").isEmpty();
  }

  @Test
  @DisplayName("A comment typed instead of yes/no is kept and the question stays open")
  void commentWhileAsked() {
    Conversation asked = notFixed(ReopenMode.ASK).next();
    Transition t = flow.apply(asked, typed("the VPN still drops"), ReopenMode.ASK);
    assertThat(t.reopen()).isNull();
    assertThat(t.recorded()).containsExactly(new Answer(AnswerKind.COMMENT, "the VPN still drops"));
    assertThat(t.next().step()).isEqualTo(Step.AWAIT_REOPEN);
    assertThat(t.say()).containsExactly(Say.THANKS_FOR_COMMENT);

    Transition again = flow.apply(t.next(), typed("hello?"), ReopenMode.ASK);
    assertThat(again.changed()).isFalse();
    assertThat(again.say()).containsExactly(Say.REOPEN_UNCLEAR);

    Transition rating = flow.apply(t.next(), new RatingClicked(1), ReopenMode.ASK);
    assertThat(rating.recorded()).containsExactly(new Answer(AnswerKind.RATING, "1"));
    assertThat(rating.next().step()).isEqualTo(Step.AWAIT_REOPEN);

    Transition yes = flow.apply(rating.next(), new ReopenClicked(true), ReopenMode.ASK);
    assertThat(yes.reopen()).isTrue();
    // "OK, I'm reopening X." before "anything else?", as "X stays closed." is for a no: the
    // question never stands before any word on the yes (the helpdesk's confirmation comes later)
    assertThat(yes.say()).containsExactly(Say.REOPENING, Say.ANYTHING_ELSE);
    assertThat(yes.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
  }

  @Test
  @DisplayName("The reopen question keeps its first answer; a late tap changes nothing")
  void reopenAnsweredOnce() {
    Conversation after =
        flow.apply(notFixed(ReopenMode.ASK).next(), new ReopenClicked(true), ReopenMode.ASK).next();
    Transition late = flow.apply(after, new ReopenClicked(false), ReopenMode.ASK);
    assertThat(late.changed()).isFalse();
    assertThat(late.reopen()).isNull();
    assertThat(late.say()).containsExactly(Say.ALREADY_ANSWERED);

    Transition stray = flow.apply(Conversation.start(), new ReopenClicked(true), ReopenMode.ASK);
    assertThat(stray.reopen()).isNull();
    assertThat(stray.say()).containsExactly(Say.NOT_UNDERSTOOD);
  }

  @Test
  @DisplayName(
      "A low score first, then 'not fixed': the reopen is offered then, without a second sorry")
  void lowScoreThenNotFixed() {
    Transition lowScore = flow.apply(Conversation.start(), new RatingClicked(1), ReopenMode.ASK);
    assertThat(lowScore.say()).containsExactly(Say.WHAT_WENT_WRONG); // "Sorry about that. …"
    Conversation low = lowScore.next();
    assertThat(low.step()).isEqualTo(Step.AWAIT_COMMENT);
    Transition nf = flow.apply(low, typed("👎"), ReopenMode.ASK);
    assertThat(nf.say()).containsExactly(Say.REOPEN_OFFER_PLAIN);
    Transition no = flow.apply(nf.next(), typed("no"), ReopenMode.ASK);
    assertThat(no.reopen()).isFalse();
    assertThat(no.say()).containsExactly(Say.WHAT_WENT_WRONG_AFTER_REOPEN);
    Transition comment = flow.apply(no.next(), typed("nobody called back"), ReopenMode.ASK);
    assertThat(comment.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    Transition done = flow.apply(comment.next(), new AnythingElseClicked(false), ReopenMode.ASK);
    assertThat(done.next().finished()).isTrue();
  }

  @Test
  @DisplayName("'Fixed' never offers a reopen, and 'stop' still opts out while it is asked")
  void fixedNeverOffersStopStillWorks() {
    Transition fixed = flow.apply(Conversation.start(), new FixedClicked(true), ReopenMode.ASK);
    assertThat(fixed.say()).doesNotContain(Say.REOPEN_OFFER);
    Transition stop = flow.apply(notFixed(ReopenMode.ASK).next(), typed("stop"), ReopenMode.ASK);
    assertThat(stop.optOut()).isTrue();
  }

  @Test
  @DisplayName(
      "Kept closed once the comment and the rating are in: it says so, then 'anything else?'")
  void keptClosedAfterCommentAndRatingSaysSo() {
    Conversation waiting =
        new Conversation(Step.AWAIT_REOPEN, false, 3, "Outlook stürzt ab", null, null);
    Transition t = flow.apply(waiting, typed("nö"), ReopenMode.ASK);
    assertThat(t.reopen()).isFalse();
    assertThat(t.say()).containsExactly(Say.STAYS_CLOSED, Say.ANYTHING_ELSE);
    assertThat(t.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
  }

  @Test
  @DisplayName(
      "'Not fixed' tapped after 'anything else?' was asked: the offer comes, and once answered"
          + " that question is open again, not asked a second time")
  void anythingElseIsNotAskedTwiceAroundTheOffer() {
    Transition rated =
        flow.apply(Conversation.start(), typed("2, the printer still jams"), ReopenMode.ASK);
    assertThat(rated.say()).containsExactly(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE);
    Transition offer = flow.apply(rated.next(), new FixedClicked(false), ReopenMode.ASK);
    assertThat(offer.say()).containsExactly(Say.REOPEN_OFFER_PLAIN);
    assertThat(offer.next().step().name()).startsWith("AWAIT_REOPEN");

    Transition kept = flow.apply(offer.next(), new ReopenClicked(false), ReopenMode.ASK);
    assertThat(kept.reopen()).isFalse();
    assertThat(kept.say()).containsExactly(Say.STAYS_CLOSED);
    assertThat(kept.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    Transition typedNo = flow.apply(offer.next(), typed("no"), ReopenMode.ASK);
    assertThat(typedNo.say()).containsExactly(Say.STAYS_CLOSED);
    assertThat(typedNo.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    Transition reopened = flow.apply(offer.next(), new ReopenClicked(true), ReopenMode.ASK);
    assertThat(reopened.reopen()).isTrue();
    assertThat(reopened.say()).containsExactly(Say.REOPENING);
    assertThat(reopened.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
    // the open "anything else?" still takes its answer
    Transition done = flow.apply(kept.next(), new AnythingElseClicked(false), ReopenMode.ASK);
    assertThat(done.next().finished()).isTrue();
    // "no, that is all" answers both
    Transition all = flow.apply(offer.next(), typed("no, that is all"), ReopenMode.ASK);
    assertThat(all.say()).containsExactly(Say.STAYS_CLOSED, Say.CLOSING_NEGATIVE);
    assertThat(all.next().finished()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no thanks",
        "no, thank you",
        "nein danke",
        "non merci",
        "no gracias",
        "não obrigado"
      })
  @DisplayName(
      "A no with only thanks after it declines the reopen alone: 'anything else?' is still asked")
  void noThanksDeclinesTheReopenAlone(String text) {
    Transition offer = notFixed(ReopenMode.ASK);
    Transition reason =
        flow.apply(offer.next(), typed("2, took forever and it still drops"), ReopenMode.ASK);
    assertThat(reason.say()).as("the reason is thanked").containsExactly(Say.THANKS_FOR_COMMENT);
    assertThat(reason.next().step()).isEqualTo(Step.AWAIT_REOPEN);

    Transition no = flow.apply(reason.next(), typed(text), ReopenMode.ASK);
    assertThat(no.reopen()).isFalse();
    assertThat(no.say()).containsExactly(Say.STAYS_CLOSED, Say.ANYTHING_ELSE);
    assertThat(no.next().step()).isEqualTo(Step.AWAIT_ANYTHING_ELSE);
  }

  @Test
  @DisplayName(
      "More words while the offer waits, once a comment is in, are added to it (they were dropped"
          + " with a re-ask); the offer stays open")
  void moreWordsWhileTheOfferWaitsAreAddedToTheComment() {
    Transition offer = notFixed(ReopenMode.ASK);
    Conversation commented =
        flow.apply(offer.next(), typed("l'écran reste noir au démarrage"), ReopenMode.ASK).next();
    assertThat(commented.comment()).isEqualTo("l'écran reste noir au démarrage");
    assertThat(commented.step()).isEqualTo(Step.AWAIT_REOPEN);

    Transition more =
        flow.apply(commented, typed("toujours l'écran noir le matin"), ReopenMode.ASK);
    assertThat(more.next().comment())
        .isEqualTo("l'écran reste noir au démarrage\ntoujours l'écran noir le matin");
    assertThat(more.recorded())
        .containsExactly(
            new Answer(
                AnswerKind.COMMENT,
                "l'écran reste noir au démarrage\ntoujours l'écran noir le matin"));
    assertThat(more.say()).containsExactly(Say.COMMENT_ADDED);
    assertThat(more.next().step()).isEqualTo(Step.AWAIT_REOPEN);
    assertThat(more.reopen()).isNull();

    Transition again =
        flow.apply(more.next(), typed("toujours l'écran noir le matin"), ReopenMode.ASK);
    assertThat(again.changed()).as("the same words again add nothing").isFalse();
    assertThat(again.say()).containsExactly(Say.REOPEN_UNCLEAR);
  }

  @Test
  @DisplayName(
      "The answer to the offer keeps its words once a comment is in (they were dropped): a yes"
          + " with more trouble, a no with why")
  void theAnswerKeepsItsWordsOnceACommentIsIn() {
    Conversation commented =
        flow.apply(Conversation.start(), typed("no, it still does not print"), ReopenMode.ASK)
            .next();
    assertThat(commented.step()).isEqualTo(Step.AWAIT_REOPEN);

    Transition yes =
        flow.apply(commented, typed("yes please, and now it jams as well"), ReopenMode.ASK);
    assertThat(yes.reopen()).isTrue();
    assertThat(yes.next().comment())
        .isEqualTo("no, it still does not print\nyes please, and now it jams as well");
    assertThat(yes.recorded())
        .containsExactly(
            new Answer(
                AnswerKind.COMMENT,
                "no, it still does not print\nyes please, and now it jams as well"));

    Transition no = flow.apply(commented, typed("deixa, já comprei outro"), ReopenMode.ASK);
    assertThat(no.reopen()).isFalse();
    assertThat(no.next().comment())
        .isEqualTo("no, it still does not print\ndeixa, já comprei outro");

    Transition plain = flow.apply(commented, typed("yes please"), ReopenMode.ASK);
    assertThat(plain.reopen()).isTrue();
    assertThat(plain.recorded()).as("a bare yes adds nothing").isEmpty();
  }
}
