package dev.closeloop.survey;

import dev.closeloop.survey.SurveyInput.CommentSubmitted;
import dev.closeloop.survey.SurveyInput.FixedClicked;
import dev.closeloop.survey.SurveyInput.RatingClicked;
import dev.closeloop.survey.SurveyInput.ReopenClicked;
import dev.closeloop.survey.SurveyInput.Typed;
import dev.closeloop.survey.Transition.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * The reopen question of the survey flow. When "not fixed" comes in, {@link ReopenMode#ASK} offers
 * the requester to reopen the ticket before asking what went wrong; {@link ReopenMode#ALWAYS}
 * decides it at once. While the question is open, a tap or a typed yes / no (in any bundled
 * language) answers it, a rating or comment is still taken, and anything else asks again. Once
 * answered, the survey goes on where it would have: what went wrong, then "anything else?".
 */
final class ReopenStep {
  private ReopenStep() {}

  /**
   * {@code t} (the input's transition from {@code before}), with the reopen offer or decision;
   * {@code apologised} when the conversation already said sorry.
   */
  static Transition afterAnswer(
      Conversation before, Transition t, ReopenMode mode, boolean apologised) {
    boolean newlyNotFixed = before.fixed() == null && Boolean.FALSE.equals(t.next().fixed());
    if (!newlyNotFixed || t.next().finished() || mode == ReopenMode.NEVER) {
      return t;
    }
    if (mode == ReopenMode.ALWAYS) {
      return new Transition(t.next(), t.recorded(), t.say(), t.optOut(), true, Boolean.TRUE);
    }
    // the reopen question comes first: what went wrong (or "anything else?") after its answer;
    // when "anything else?" was open already, it is open again after the answer
    Step offer =
        before.step() == Step.AWAIT_ANYTHING_ELSE
            ? Step.AWAIT_REOPEN_AFTER_ELSE
            : Step.AWAIT_REOPEN;
    return new Transition(
        t.next().withStep(offer),
        t.recorded(),
        List.of(apologised ? Say.REOPEN_OFFER_PLAIN : Say.REOPEN_OFFER),
        t.optOut(),
        true,
        null);
  }

  /** A reopen button pressed while the question is not open. */
  static Transition late(Conversation c) {
    return Transition.unchanged(
        c, Boolean.FALSE.equals(c.fixed()) ? Say.ALREADY_ANSWERED : Say.NOT_UNDERSTOOD);
  }

  /** An input while the reopen question is open (opt-out is handled before). */
  static Transition answer(Conversation c, SurveyInput input) {
    if (input instanceof ReopenClicked r) {
      return decide(c, r.yes(), null);
    } else if (input instanceof RatingClicked r) {
      return rating(c, r.score(), null);
    } else if (input instanceof CommentSubmitted s) {
      return comment(c, s.text());
    } else if (input instanceof FixedClicked) {
      return Transition.unchanged(c, Say.ALREADY_ANSWERED);
    } else if (input instanceof Typed t) {
      return typed(c, t.answer());
    }
    return Transition.unchanged(c, Say.REOPEN_UNCLEAR);
  }

  private static Transition typed(Conversation c, ParsedAnswer answer) {
    Transition t = typedAnswer(c, answer);
    if (answer instanceof ParsedAnswer.No n
        && n.closing()
        && n.rest() != null
        && !AnswerParser.onlyThanks(n.rest())
        && t.next().step() == Step.AWAIT_ANYTHING_ELSE) {
      // "no, that is all, thanks": it answers "anything else?" too — the survey ends here, with
      // its closing words (what happens next); "no thanks" declines the reopen alone
      return new Transition(
          t.next().withWantsMore(false).withStep(Step.FINISHED),
          t.recorded(),
          List.of(Say.STAYS_CLOSED, Say.CLOSING_NEGATIVE),
          false,
          true,
          Boolean.FALSE);
    }
    return t;
  }

  private static Transition typedAnswer(Conversation c, ParsedAnswer answer) {
    String words = ParsedAnswer.words(answer);
    Boolean inWords = AnswerParser.reopenAnswer(words);
    if (inWords != null) {
      return decide(c, inWords, null); // "reopen it", "no, leave it closed": the answer, no comment
    }
    if (words != null && AnswerParser.keepsClosedThenSays(words)) {
      // "大丈夫です、自分でマウス買い替えたので", "deixa, já comprei outro": the no, and their words (not
      // the yes that "já" would be in German)
      return decide(c, false, words);
    }
    if (answer instanceof ParsedAnswer.Yes y) {
      return decide(c, true, y.rest() == null ? null : y.text());
    } else if (answer instanceof ParsedAnswer.No n) {
      String comment = n.closing() ? null : n.but() != null ? n.but() : n.rest();
      return decide(c, false, comment == null ? null : n.text());
    } else if (answer instanceof ParsedAnswer.Rating r) {
      return rating(c, r.score(), r.comment());
    } else if (answer instanceof ParsedAnswer.FreeText f && AnswerParser.agreesThenSays(f.text())) {
      return decide(c, true, f.text()); // "pode sim, voltou o problema": the yes, and their words
    } else if (answer instanceof ParsedAnswer.FreeText f) {
      return f.unsure() ? Transition.unchanged(c, Say.REOPEN_UNCLEAR) : comment(c, f.text());
    } else if (answer instanceof ParsedAnswer.Fixed f && f.comment() != null) {
      return comment(c, f.comment());
    }
    return Transition.unchanged(c, Say.REOPEN_UNCLEAR);
  }

  /** The requester's answer; the survey goes on with what it would have asked next. */
  private static Transition decide(Conversation c, boolean reopen, String comment) {
    List<Answer> recorded = new ArrayList<>();
    // the words that came with the answer: the comment, or added to the one already in
    Conversation next = SurveyFlow.withWords(c, comment, recorded);
    List<Say> say;
    if (next.comment() == null) {
      next = next.withStep(Step.AWAIT_COMMENT);
      say = List.of(reopen ? Say.REOPENING_WHAT_WENT_WRONG : Say.WHAT_WENT_WRONG_AFTER_REOPEN);
    } else if (c.step() == Step.AWAIT_REOPEN_AFTER_ELSE) {
      // "anything else?" was asked before the offer: open again, not asked a second time
      next = next.withStep(Step.AWAIT_ANYTHING_ELSE);
      say = List.of(reopen ? Say.REOPENING : Say.STAYS_CLOSED);
    } else if (next.rating() != null) {
      next = next.withStep(Step.AWAIT_ANYTHING_ELSE);
      // the answer acknowledged before "anything else?": reopening, or kept closed
      say = List.of(reopen ? Say.REOPENING : Say.STAYS_CLOSED, Say.ANYTHING_ELSE);
    } else if (!reopen) {
      // they said their piece and keep the ticket closed: "anything else?" now (the rating
      // buttons of the survey message stay open), else it would never be asked
      next = next.withStep(Step.AWAIT_ANYTHING_ELSE);
      say = List.of(Say.STAYS_CLOSED, Say.ANYTHING_ELSE);
    } else {
      // reopened: the helpdesk's confirmation follows once the write went through, and the
      // survey is asked again when the ticket closes; the rating buttons stay open
      next = next.withStep(Step.OPEN);
      say = List.of();
    }
    return new Transition(next, recorded, say, false, true, reopen);
  }

  private static Transition rating(Conversation c, int score, String comment) {
    if (c.rating() != null) {
      return Transition.unchanged(c, Say.ALREADY_ANSWERED);
    }
    Transition rated = SurveyFlow.rated(c, score, comment); // the question stays open
    if (rated.records(AnswerKind.COMMENT)) {
      // "2, it took a week": the reason is thanked, as a comment typed on its own is
      return new Transition(
          rated.next(), rated.recorded(), List.of(Say.THANKS_FOR_COMMENT), false, true);
    }
    return rated;
  }

  private static Transition comment(Conversation c, String text) {
    if (c.comment() != null) {
      // "toujours l'écran noir le matin" while the offer waits: more about what went wrong, added
      // to the comment as anywhere else (it was dropped with a re-ask); the offer's buttons stay
      Transition added = SurveyFlow.addedToComment(c, text);
      return added.changed() ? added : Transition.unchanged(c, Say.REOPEN_UNCLEAR);
    }
    return new Transition(
        c.withComment(text),
        List.of(new Answer(AnswerKind.COMMENT, text)),
        List.of(Say.THANKS_FOR_COMMENT),
        false,
        true);
  }
}
