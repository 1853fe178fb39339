package dev.closeloop.survey;

import dev.closeloop.survey.ParsedAnswer.FreeText;
import dev.closeloop.survey.SurveyInput.AnythingElseClicked;
import dev.closeloop.survey.SurveyInput.CommentSubmitted;
import dev.closeloop.survey.SurveyInput.FixedClicked;
import dev.closeloop.survey.SurveyInput.RatingClicked;
import dev.closeloop.survey.SurveyInput.ReopenClicked;
import dev.closeloop.survey.SurveyInput.RequestSubmitted;
import dev.closeloop.survey.SurveyInput.StopClicked;
import dev.closeloop.survey.SurveyInput.Typed;
import dev.closeloop.survey.Transition.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The survey conversation as a state machine: (state, input) → transition. Fixed and rating are
 * answerable in any order; a low score or "not fixed" asks what went wrong; once both are in, the
 * survey asks whether anything else needs doing, and ends. Pure: no clock, no I/O.
 */
public final class SurveyFlow {
  /** How long after a survey ended without a score a bare score typed is still its score. */
  public static final java.time.Duration LATE_SCORE = java.time.Duration.ofHours(1);

  /** The longest comment kept, with what was added to it (the store's column holds 8,000). */
  static final int MAX_COMMENT = 2 * AnswerParser.MAX_TEXT;

  private final int negativeAtOrBelow;

  /**
   * Whether a comment, written by someone of the given locale (null: unknown), reads as a complaint
   * (the digest's test); null: not known here.
   */
  private final BiPredicate<String, String> complaint;

  /** The locale of the survey this flow answers for, as the digest judges its comment; or null. */
  private final String locale;

  public SurveyFlow(int negativeAtOrBelow) {
    this(negativeAtOrBelow, null, null);
  }

  /**
   * {@code complaint} tells whether a comment, in the writer's locale (null when unknown), reads as
   * one the digest lists (the negative detection the digest uses), so that the thanks for a comment
   * promises the IT team's review only when the digest will show it. Give the survey's locale with
   * {@link #forLocale}, as the digest judges the comment in it.
   */
  public SurveyFlow(int negativeAtOrBelow, BiPredicate<String, String> complaint) {
    this(negativeAtOrBelow, complaint, null);
  }

  private SurveyFlow(int negativeAtOrBelow, BiPredicate<String, String> complaint, String locale) {
    this.negativeAtOrBelow = negativeAtOrBelow;
    this.complaint = complaint;
    this.locale = locale;
  }

  /**
   * This flow for a survey whose requester's locale is {@code locale} (null: unknown): its promise
   * of a review follows the digest, which judges the comment in that locale.
   */
  public SurveyFlow forLocale(String locale) {
    return Objects.equals(locale, this.locale)
        ? this
        : new SurveyFlow(negativeAtOrBelow, complaint, locale);
  }

  /**
   * Applies {@code input} to a conversation that is still open (not expired or cancelled), for a
   * ticket that cannot be reopened from the chat.
   */
  public Transition apply(Conversation c, SurveyInput input) {
    return apply(c, input, ReopenMode.NEVER);
  }

  /**
   * Applies {@code input} to a conversation that is still open; {@code reopen} is what "not fixed"
   * does to this survey's ticket (see {@link ReopenStep}).
   */
  public Transition apply(Conversation c, SurveyInput input, ReopenMode reopen) {
    if (input instanceof Typed t
        && t.answer() instanceof ParsedAnswer.Stop stop
        && stop.text() != null
        && !c.finished()) {
      // "no more surveys please, the printer still jams": the opt-out, and their words kept as
      // the comment (thanked, with when the team reads it), not lost with it
      List<Answer> recorded = new ArrayList<>();
      Conversation next = withWords(c, stop.text(), recorded);
      if (!recorded.isEmpty()) {
        return new Transition(next, recorded, List.of(thanksFor(next), Say.OPTED_OUT), true, true);
      }
    }
    if (input instanceof StopClicked
        || input instanceof Typed t && t.answer() instanceof ParsedAnswer.Stop) {
      return new Transition(c, List.of(), List.of(Say.OPTED_OUT), true, false);
    }
    if (c.finished()) {
      return input instanceof SurveyInput.LateScore l && c.rating() == null
          ? lateScore(c, l.score())
          : Transition.unchanged(c, Say.SURVEY_CLOSED);
    }
    if (c.step().reopenOffered()) {
      return ReopenStep.answer(c, input);
    }
    if (input instanceof ReopenClicked) {
      return ReopenStep.late(c);
    }
    // a low score already had "Sorry about that. What went wrong?": the offer does not say it again
    return ReopenStep.afterAnswer(c, answer(c, input), reopen, negativeByAnswers(c));
  }

  private Transition answer(Conversation c, SurveyInput input) {
    if (input instanceof FixedClicked f) {
      return fixed(c, f.fixed());
    } else if (input instanceof RatingClicked r) {
      return rating(c, r.score(), null);
    } else if (input instanceof CommentSubmitted s) {
      return freeText(c, s.text(), true);
    } else if (input instanceof AnythingElseClicked a) {
      return anythingElse(c, a.yes());
    } else if (input instanceof RequestSubmitted r) {
      return request(c, r.text());
    } else if (input instanceof Typed t) {
      return typed(c, t.answer(), t.questionSeen(), t.reopened());
    } else if (input instanceof SurveyInput.LateScore l) {
      return rating(c, l.score(), null); // the survey is still open after all: the rating
    }
    throw new IllegalArgumentException("unknown input " + input);
  }

  /**
   * A score typed just after the survey ended without one: recorded, and thanked (with when the
   * team reads it, when it makes the reply a negative); the survey stays ended.
   */
  private Transition lateScore(Conversation c, int score) {
    Transition rated = rated(c, score, null);
    Say thanks = negativeByAnswers(rated.next()) ? Say.THANKS_FOR_COMMENT : Say.COMMENT_NOTED;
    return new Transition(rated.next(), rated.recorded(), List.of(thanks), false, true);
  }

  /** True when this conversation's answers make it a negative reply (comment sentiment aside). */
  public boolean negativeByAnswers(Conversation c) {
    return Boolean.FALSE.equals(c.fixed()) || c.rating() != null && c.rating() <= negativeAtOrBelow;
  }

  /**
   * A typed reply, read against the open question. While the "anything else?" question is still on
   * its way ({@code questionSeen} false), free text answers what the person last saw: it is their
   * comment, never a request. Once the ticket was reopened at their word ({@code reopened}), free
   * text at "anything else?" that asks for nothing is more about that ticket: their comment.
   */
  private Transition typed(
      Conversation c, ParsedAnswer answer, boolean questionSeen, boolean reopened) {
    Transition allSaid = answersThenAllSaid(c, answer, questionSeen, reopened);
    if (allSaid != null) {
      return allSaid;
    }
    ParsedAnswer.Rating last = scoreSaidLast(c, answer);
    if (last != null) {
      // "good job, 5", "took ages. 3", "nobody called, 2" while the rating is open: the score, and
      // the words before it as the comment
      return notedOnceAsked(c, rating(c, last.score(), last.comment()));
    }
    if (answer instanceof ParsedAnswer.Rating r) {
      if (c.rating() != null && r.comment() != null && lateWordsWelcome(c)) {
        return comment(c, r.comment()); // "2 because it took a week" once rated: the reason
      }
      return notedOnceAsked(c, rating(c, r.score(), r.comment()));
    } else if (answer instanceof ParsedAnswer.Fixed f) {
      return typedFixed(c, f, questionSeen);
    } else if (answer instanceof ParsedAnswer.Yes y) {
      return yes(c, y);
    } else if (answer instanceof ParsedAnswer.No n) {
      return no(c, n);
    } else if (answer instanceof ParsedAnswer.Thanks t) {
      if (closingQuestionOpen(c)) {
        return declined(c);
      }
      if (c.step() == Step.OPEN && c.fixed() == null && AnswerParser.saysAllIsWell(t.text())) {
        // "all good", "works fine, thanks", "c'est bon, merci" to "did we fix it?": a yes
        return fixed(c, true);
      }
      if (c.step() == Step.OPEN && c.fixed() != null && AnswerParser.onlyOk(t.text())) {
        // "k" while the rating is open: it says nothing about the rating, and is no comment
        return Transition.unchanged(c, Say.NOT_UNDERSTOOD);
      }
      return nothingToAdd(c) ? askAnythingElse(c) : freeText(c, t.text(), false);
    } else if (answer instanceof FreeText f) {
      if (closingQuestionOpen(c) && questionSeen && AnswerParser.shrugs(f.text())) {
        return declined(c); // "ok, whatever" to "anything else?": nothing wanted, no request
      }
      if (f.unsure() && c.step() == Step.OPEN && (c.fixed() == null || c.rating() == null)) {
        return Transition.unchanged(c, Say.NOT_SURE_YET); // "not sure yet": nothing recorded
      }
      if (c.step() == Step.AWAIT_ANYTHING_ELSE && !questionSeen) {
        return comment(c, f.text()); // answers what they saw: their comment (kept once)
      }
      if (c.step() == Step.AWAIT_ANYTHING_ELSE && AnswerParser.hasMoreToAsk(f.text())) {
        return anythingElse(c, true); // "one more thing", "あります": the request still to come
      }
      if (c.step() == Step.AWAIT_ANYTHING_ELSE && reopened && !f.asks()) {
        // the ticket was just reopened: "it drops mostly in the mornings" says more about it, so it
        // goes with the comment the reopened ticket gets, not into a new ticket of its own; a
        // request that asks ("can you also reset my PIN?") or follows a yes is still one
        return comment(c, f.text());
      }
      if (c.step() == Step.AWAIT_ANYTHING_ELSE && f.praises() && !f.asks()) {
        // feedback, not a request: their comment, or a goodbye once a comment is in
        return c.comment() == null ? comment(c, f.text()) : declined(c);
      }
      if (c.step() == Step.AWAIT_ANYTHING_ELSE && AnswerParser.complainsOfHandling(f.text())) {
        // "they took a week to answer", "nobody called me back", "next time please call first":
        // feedback on this ticket, kept with the comment (the digest lists it), not filed as a new
        // request
        return comment(c, f.text());
      }
      if (c.step() == Step.AWAIT_ANYTHING_ELSE && AnswerParser.tooShortForARequest(f.text())) {
        // "na passt", "all sorted ta": too little to be a new helpdesk ticket — asked again, where
        // the buttons (or a longer reply) say what they want
        return Transition.unchanged(c, Say.ELSE_NOT_UNDERSTOOD);
      }
      return freeText(c, f.text(), false);
    }
    if (c.step() == Step.AWAIT_COMMENT
        && answer instanceof ParsedAnswer.Unclear u
        && u.text()
            .codePoints()
            // a question mark in any script ("?", "？", "¿") asks back: stays unclear
            .noneMatch(
                ch -> Character.isLetterOrDigit(ch) || ch == '?' || ch == '？' || ch == '¿')) {
      // "-", "...", "." to "what went wrong?": nothing to say, not asked again
      return nothingMore(c);
    }
    return Transition.unchanged(c, Say.NOT_UNDERSTOOD);
  }

  /**
   * "yes, 5, nothing else thanks", "oui réglé, 5/5, rien d'autre merci": the answers, then
   * "anything else?" answered before it was asked. The answers are read without the last clause
   * (which is no comment); once both are in and say all is well, the survey ends with its goodbye.
   * A negative answer goes on as usual (what went wrong, the reopen offer), and one answer alone
   * waits for the other. Null when the reply does not end so, or what comes before answers neither
   * question.
   */
  private Transition answersThenAllSaid(
      Conversation c, ParsedAnswer answer, boolean questionSeen, boolean reopened) {
    if (c.step() != Step.OPEN && c.step() != Step.AWAIT_COMMENT) {
      return null;
    }
    ParsedAnswer head;
    if (answer instanceof ParsedAnswer.Rating r && AnswerParser.isAllSaid(r.comment())) {
      head = new ParsedAnswer.Rating(r.score(), null); // "4. that's all, thanks"
    } else {
      String before = AnswerParser.beforeAllSaid(wordsOf(answer));
      if (before == null) {
        return null;
      }
      head = AnswerParser.parse(before);
      if (head instanceof ParsedAnswer.Yes y && y.rest() == null
          || head instanceof ParsedAnswer.No n && n.rest() == null) {
        return null; // "No, that is all", "yes, that's it": one answer, read whole as before
      }
    }
    Transition first = typed(c, head, questionSeen, reopened);
    boolean answered =
        first.recorded().stream()
            .anyMatch(a -> a.kind() == AnswerKind.FIXED || a.kind() == AnswerKind.RATING);
    if (!answered || first.optOut() || first.reopen() != null) {
      return null;
    }
    Conversation next = first.next();
    boolean bothIn = next.fixed() != null && next.rating() != null;
    boolean asks =
        first.recorded().stream()
            .anyMatch(a -> a.kind() == AnswerKind.COMMENT && AnswerParser.asks(a.value()));
    if (!bothIn || negativeByAnswers(next) || complains(next) || next.finished() || asks) {
      // "ja, 5, bitte noch den Drucker prüfen, sonst nichts": something asked for is no "all
      // said"; the answers are in and "anything else?" is asked as usual
      return first;
    }
    Conversation done = next.withWantsMore(false).withStep(Step.FINISHED);
    return new Transition(done, first.recorded(), List.of(closing(done)), false, true);
  }

  /**
   * A score 1–5 said last in a clause of its own after words that answer nothing else ("good job,
   * 5", "bof, 2", "septante pour cent content, disons 4"), while the rating is open; else null. A
   * number inside the words ("room 2", "meh 3", "3 people still can't print") is no such clause.
   */
  private static ParsedAnswer.Rating scoreSaidLast(Conversation c, ParsedAnswer answer) {
    boolean open =
        c.step() == Step.OPEN
            || c.step() == Step.AWAIT_COMMENT
            || c.step() == Step.AWAIT_ANYTHING_ELSE; // asked before the rating came
    if (c.rating() != null || !open) {
      return null;
    }
    if (!(answer instanceof FreeText) && !(answer instanceof ParsedAnswer.Thanks)) {
      return null;
    }
    if (c.step() == Step.AWAIT_ANYTHING_ELSE && answer instanceof FreeText f && f.asks()) {
      return null; // "I need 2 more licences, 3" there asks for something: the request
    }
    ParsedAnswer.Rating last = AnswerParser.trailingScore(wordsOf(answer));
    if (last != null && AnswerParser.onlyThanks(last.comment())) {
      return new ParsedAnswer.Rating(last.score(), null); // "thanks, 5": thanks are no comment
    }
    return last;
  }

  /** The words of a typed reply read in words (null for a score or a thumb alone). */
  private static String wordsOf(ParsedAnswer answer) {
    return answer instanceof ParsedAnswer.Fixed f ? f.text() : ParsedAnswer.words(answer);
  }

  /**
   * A score typed after "anything else?" was asked ("yes it works now" answered that question
   * first, the rating came later): recorded, and a short "Thanks, noted." rather than silence — a
   * tapped button shows its answer on the message, typed text shows nothing.
   */
  private static Transition notedOnceAsked(Conversation c, Transition t) {
    if (c.step() != Step.AWAIT_ANYTHING_ELSE || !t.say().isEmpty() || t.recorded().isEmpty()) {
      return t;
    }
    return new Transition(
        t.next(), t.recorded(), List.of(Say.COMMENT_NOTED), t.optOut(), t.changed(), t.reopen());
  }

  /** "Anything else?" or "what do you need?" is the open question. */
  private static boolean closingQuestionOpen(Conversation c) {
    return c.step() == Step.AWAIT_ANYTHING_ELSE || c.step() == Step.AWAIT_REQUEST;
  }

  /** "Did we fix it?" is still open. */
  private static boolean fixedQuestionOpen(Conversation c) {
    return c.fixed() == null && (c.step() == Step.OPEN || c.step() == Step.AWAIT_COMMENT);
  }

  /** 👍 once "fixed" is answered and the survey asks "anything else?" means "all good". */
  private Transition typedFixed(Conversation c, ParsedAnswer.Fixed f, boolean questionSeen) {
    if (closingQuestionOpen(c) && c.fixed() != null && saysMoreThan(c, f)) {
      // "still the same" after a yes: the comment if none is in yet, else what they need; while
      // "anything else?" is still on its way, more lines of what went wrong ("it dropped again
      // at 3", typed one after another) go with the comment, as free text does
      return c.step() == Step.AWAIT_ANYTHING_ELSE && (c.comment() == null || !questionSeen)
          ? comment(c, f.text())
          : freeText(c, f.text(), false);
    }
    if (closingQuestionOpen(c) && c.fixed() != null) {
      if (f.fixed()
          && f.comment() == null
          && c.step() == Step.AWAIT_ANYTHING_ELSE
          && c.comment() == null
          && AnswerParser.namesWhatWorks(f.text())) {
        return comment(c, f.text()); // "the printer works again, thanks": feedback, kept
      }
      return f.fixed() && f.comment() == null
          ? declined(c)
          : Transition.unchanged(c, Say.ALREADY_ANSWERED);
    }
    if (fixedQuestionOpen(c)) {
      return fixed(c, f.fixed(), f.comment(), f.comment());
    }
    ParsedAnswer.Rating rated = c.step() == Step.OPEN ? bareRating(c, f.comment()) : null;
    if (rated != null) {
      // "más o menos, 3", "still broken, 2" once "fixed" is answered: the rating, and the words
      // that contradict that answer as the comment ("fixed, 5" after a yes is the rating alone)
      return rating(c, rated.score(), f.fixed() != c.fixed() ? f.text() : null);
    }
    if (saysMore(c, f)) {
      return comment(c, f.text()); // "still broken, nobody came" answers "what went wrong?"
    }
    return fixed(c, f.fixed(), f.comment());
  }

  /**
   * "Fixed" is answered and no comment is in: words that answer "what went wrong?", or that say
   * more than the answer given ("still broken" after a yes), are the comment rather than a second
   * answer.
   */
  private static boolean saysMore(Conversation c, ParsedAnswer.Fixed f) {
    if (f.text() == null || c.comment() != null) {
      return false;
    }
    return c.step() == Step.AWAIT_COMMENT || c.step() == Step.OPEN && saysMoreThan(c, f);
  }

  /** Words that contradict the "fixed" answer given, or add to it. */
  private static boolean saysMoreThan(Conversation c, ParsedAnswer.Fixed f) {
    return f.text() != null && (f.fixed() != c.fixed() || f.comment() != null);
  }

  /** Where words after a question already answered are still the person's comment. */
  private static boolean lateWordsWelcome(Conversation c) {
    return c.comment() == null
        && (c.step() == Step.OPEN
            || c.step() == Step.AWAIT_COMMENT
            || c.step() == Step.AWAIT_ANYTHING_ELSE);
  }

  /**
   * "Did we fix it?" answered with words after the answer ({@code rest}): a rating there is the
   * rating too ("yes, 5", "no, 2/5"), with the words after it as the comment unless they are only
   * thanks or praise; a rating said last is split off; otherwise {@code comment} is the comment.
   */
  private Transition fixed(Conversation c, boolean fixed, String rest, String comment) {
    ParsedAnswer.Rating r = c.rating() == null && rest != null ? ratingIn(rest) : null;
    if (r != null) {
      // "yes, 5", "yes 5 thanks": thanks after the score add nothing; "sí, 5 muy rápido", "no, 2 -
      // nobody called": the score, and its words the comment
      // "no. 2. still broken", "nein. 2. geht immer noch nicht": the answer said again after the
      // score is no comment either (as in "no, still broken, 2")
      boolean nothingMore =
          AnswerParser.nothingButThanksAfter(r) || AnswerParser.saysAgain(r.comment(), fixed);
      return fixedAndRated(c, fixed, r, nothingMore ? null : r.comment());
    }
    // "no. still can't print. 2 from me", "Non. L'imprimante bourre toujours. Je mets 2.": the
    // score said last, in a sentence of its own; the words before it are the comment
    ParsedAnswer.Rating last = c.rating() == null ? AnswerParser.trailingScore(rest) : null;
    ParsedAnswer.Rating split = last != null ? AnswerParser.trailingScore(comment) : null;
    if (split != null && split.score() == last.score()) {
      return fixedAndRated(c, fixed, split, split.comment());
    }
    // "fixed but 2/5 for the wait", "resolvido, mas nota 2 pela demora", "直ったけど…2/5": a score on
    // its scale inside the words is the rating, and the words, score and all, the comment
    Integer scaled = c.rating() == null ? AnswerParser.scaleScoreIn(rest) : null;
    if (scaled != null && comment != null) {
      return fixedAndRated(c, fixed, new ParsedAnswer.Rating(scaled, null), comment);
    }
    return fixed(c, fixed, comment);
  }

  /**
   * The words after a yes or no read as a rating, an "and" before it adding nothing ("yes and
   * 5/5").
   */
  private static ParsedAnswer.Rating ratingIn(String rest) {
    if (AnswerParser.parse(rest) instanceof ParsedAnswer.Rating r) {
      return r;
    }
    String scored = AnswerParser.afterAnd(rest);
    return scored != null && AnswerParser.parse(scored) instanceof ParsedAnswer.Rating r ? r : null;
  }

  /**
   * The rating in the words after a yes, a no or "still broken" ("yes, 5", "no, 2/5", "nein. 2"),
   * when they are a rating and nothing else and the rating question is open; else null. A number
   * with more words ("no, 3 people still cannot log in") stays the comment.
   */
  private static ParsedAnswer.Rating bareRating(Conversation c, String rest) {
    if (c.rating() != null || rest == null) {
      return null;
    }
    // "yes, 5", and "yes 5 thanks": thanks after the score add nothing
    return AnswerParser.scoreAndThanks(rest);
  }

  /**
   * "Did we fix it?" and the rating answered in one reply, with {@code comment} (the words that
   * came with the score, or null).
   */
  private Transition fixedAndRated(
      Conversation c, boolean fixed, ParsedAnswer.Rating r, String comment) {
    List<Answer> recorded = new ArrayList<>();
    recorded.add(new Answer(AnswerKind.FIXED, Boolean.toString(fixed)));
    Transition rated = rated(c.withFixed(fixed), r.score(), comment);
    recorded.addAll(rated.recorded());
    return thankedForReason(rated, afterScoreAnswer(rated.next(), recorded));
  }

  private Transition yes(Conversation c, ParsedAnswer.Yes y) {
    if (c.step() == Step.AWAIT_ANYTHING_ELSE) {
      // "yes, my monitor flickers too": the request is what follows the yes
      return y.rest() == null ? anythingElse(c, true) : requestWithoutYes(c, y.rest());
    }
    if (c.step() == Step.AWAIT_REQUEST) {
      return y.rest() == null ? Transition.unchanged(c, Say.REQUEST_PROMPT) : request(c, y.text());
    }
    if (fixedQuestionOpen(c)) {
      return fixed(c, true, y.rest(), y.rest() == null ? null : y.text());
    }
    ParsedAnswer.Rating rated = bareRating(c, y.rest());
    if (rated != null && (c.step() == Step.OPEN || c.step() == Step.AWAIT_COMMENT)) {
      return rating(c, rated.score(), null); // "fixed" answered already: "yes, 4" is the rating
    }
    return y.rest() == null
        ? Transition.unchanged(c, Say.NOT_UNDERSTOOD)
        : freeText(c, y.text(), false);
  }

  /**
   * A reply that starts with a negative is a no wherever "anything else?" is the open question
   * ("no, but …" carries a request); at "did we fix it?" a plain no is "not fixed".
   */
  private Transition no(Conversation c, ParsedAnswer.No n) {
    if (c.step() == Step.AWAIT_ANYTHING_ELSE) {
      if (n.but() != null && AnswerParser.complainsOfHandling(n.but())) {
        // "no, but nobody told me it was fixed", "nein, aber beim nächsten Mal bitte vorher
        // Bescheid sagen": nothing more wanted, and feedback on this ticket — the comment, then the
        // closing; never a new request
        return feedbackThenDone(c, n.but());
      }
      String stillFails = AnswerParser.stillFailsAfterAnd(n.rest());
      if (stillFails != null) {
        // "nope, and the printer is still jamming", "no, y sigue sin andar la impresora": nothing
        // more wanted, and this ticket's trouble going on — the comment, then the closing
        return feedbackThenDone(c, stillFails);
      }
      String more = n.but() == null ? AnswerParser.newThingAfterAnd(n.rest()) : null;
      if (more != null) {
        return requestWithoutYes(c, more); // "no, and the mouse is broken too": one more thing
      }
      // "no, but the mouse is broken too": the request is what follows the contrast
      return n.but() != null ? requestWithoutYes(c, n.but()) : anythingElse(c, false);
    }
    if (c.step() == Step.AWAIT_REQUEST) {
      return n.closing() ? declined(c) : request(c, n.text());
    }
    boolean nothing = n.closing() && AnswerParser.saysNothing(n.text()); // a plain no closes too
    if (fixedQuestionOpen(c)) {
      if (nothing || n.rest() != null && n.closing()) {
        return nothingMore(c); // "nothing", "nah im good", "rien merci": never "not fixed"
      }
      return n.rest() == null ? fixed(c, false, null) : fixed(c, false, n.rest(), n.text());
    }
    if (n.closing()) {
      // a bare "no" once "fixed" is answered says nothing about the rating: asked again
      return c.step() == Step.AWAIT_COMMENT || nothing || n.rest() != null
          ? nothingMore(c)
          : Transition.unchanged(c, Say.NOT_UNDERSTOOD);
    }
    return freeText(c, n.text(), false);
  }

  /**
   * "No thanks", "nah im good", "rien merci", "sem mais nada" while a survey question is open: they
   * have nothing (more) to give. At "what went wrong?" it is on to "anything else?"; otherwise it
   * answers that too, and the survey ends politely — nothing recorded for them, never asked again.
   */
  private Transition nothingMore(Conversation c) {
    return c.step() == Step.AWAIT_COMMENT ? askAnythingElse(c) : declined(c);
  }

  /**
   * A no to "anything else?" with feedback on how the ticket was handled: the words kept as the
   * comment (or added to it), and the survey ends with its closing words.
   */
  private Transition feedbackThenDone(Conversation c, String words) {
    Transition commented = comment(c, words);
    Transition done = declined(commented.next().withWantsMore(false));
    return new Transition(done.next(), commented.recorded(), done.say(), false, true);
  }

  /** "What went wrong?" is open, both questions are answered: a "no" or "thanks" adds nothing. */
  private static boolean nothingToAdd(Conversation c) {
    return c.step() == Step.AWAIT_COMMENT && c.fixed() != null && c.rating() != null;
  }

  private static Transition askAnythingElse(Conversation c) {
    return new Transition(
        c.withStep(Step.AWAIT_ANYTHING_ELSE), List.of(), List.of(Say.ANYTHING_ELSE), false, true);
  }

  /** Nothing else wanted: the survey ends (a request already asked for stays unasked). */
  private Transition declined(Conversation c) {
    Conversation next = c.withWantsMore(false).withStep(Step.FINISHED);
    return new Transition(next, List.of(), List.of(closing(next)), false, true);
  }

  private Transition fixed(Conversation c, boolean fixed) {
    return fixed(c, fixed, null);
  }

  private Transition fixed(Conversation c, boolean fixed, String comment) {
    if (c.fixed() != null) {
      return Transition.unchanged(c, Say.ALREADY_ANSWERED);
    }
    Conversation next = c.withFixed(fixed);
    List<Answer> recorded = new ArrayList<>();
    recorded.add(new Answer(AnswerKind.FIXED, Boolean.toString(fixed)));
    // "call me, outlook still not syncing" typed at "anything else?" after a first comment and a
    // score: added to that comment
    return afterScoreAnswer(withWords(next, comment, recorded), recorded);
  }

  private Transition rating(Conversation c, int score, String comment) {
    if (c.rating() != null) {
      return Transition.unchanged(c, Say.ALREADY_ANSWERED);
    }
    Transition rated = rated(c, score, comment);
    return thankedForReason(
        rated, afterScoreAnswer(rated.next(), new ArrayList<>(rated.recorded())));
  }

  /**
   * "2, nobody called me back": the reason that came with a low score is acknowledged, with when
   * the team reads it in the digest, before "anything else?" (as a comment typed on its own is).
   */
  private Transition thankedForReason(Transition rated, Transition next) {
    if (rated.records(AnswerKind.COMMENT)
        && negativeByAnswers(next.next())
        && next.say().equals(List.of(Say.ANYTHING_ELSE))) {
      return new Transition(
          next.next(),
          next.recorded(),
          List.of(Say.THANKS_FOR_COMMENT, Say.ANYTHING_ELSE),
          false,
          true);
    }
    return next;
  }

  /**
   * The rating recorded (and the words after it as the comment, if none is in yet), nothing said:
   * the caller decides what comes next.
   */
  static Transition rated(Conversation c, int score, String comment) {
    Conversation next = c.withRating(score);
    List<Answer> recorded = new ArrayList<>();
    recorded.add(new Answer(AnswerKind.RATING, Integer.toString(score)));
    // "eher so 2, musste dreimal nachfragen" after a first reason: added to that comment
    next = withWords(next, comment, recorded);
    return new Transition(next, recorded, List.of(), false, true);
  }

  /**
   * The words that came with an answer ({@code words}, may be null): the comment, or added to the
   * one already in; recorded in {@code recorded}. Returns the conversation with them.
   */
  static Conversation withWords(Conversation c, String words, List<Answer> recorded) {
    String whole = words == null ? null : c.comment() == null ? words : more(c, words);
    if (whole == null) {
      return c;
    }
    recorded.add(new Answer(AnswerKind.COMMENT, whole));
    return c.withComment(whole);
  }

  /** After a fixed or rating answer: ask what went wrong, or move on once both are in. */
  private Transition afterScoreAnswer(Conversation c, List<Answer> recorded) {
    if (c.step() == Step.OPEN && c.comment() == null && negativeByAnswers(c)) {
      return new Transition(
          c.withStep(Step.AWAIT_COMMENT), recorded, List.of(Say.WHAT_WENT_WRONG), false, true);
    }
    boolean scoresOpen = c.step() == Step.OPEN || c.step() == Step.AWAIT_COMMENT;
    boolean bothIn = c.fixed() != null && c.rating() != null;
    if (scoresOpen && (bothIn && (c.step() == Step.OPEN || c.comment() != null) || saidIt(c))) {
      return new Transition(
          c.withStep(Step.AWAIT_ANYTHING_ELSE), recorded, List.of(Say.ANYTHING_ELSE), false, true);
    }
    // "anything else?" already asked (the other button tapped later): kept, not asked again
    return new Transition(c, recorded, List.of(), false, true);
  }

  /**
   * One of "did we fix it?" and the rating answered, and their comment in: they have given what
   * they will give, so "anything else?" comes now (the other question's buttons stay) — else it
   * would never be asked before the survey expires.
   */
  private static boolean saidIt(Conversation c) {
    return c.comment() != null && (c.fixed() != null || c.rating() != null);
  }

  private Transition freeText(Conversation c, String text, boolean fromDialog) {
    return switch (c.step()) {
      case AWAIT_REQUEST -> request(c, text);
      case AWAIT_ANYTHING_ELSE -> fromDialog ? comment(c, text) : requestWithoutYes(c, text);
      case OPEN, AWAIT_COMMENT, AWAIT_REOPEN, AWAIT_REOPEN_AFTER_ELSE -> comment(c, text);
      case FINISHED -> Transition.unchanged(c, Say.SURVEY_CLOSED);
    };
  }

  private Transition comment(Conversation c, String text) {
    if (c.comment() != null) {
      return addedToComment(c, text);
    }
    Conversation next = c.withComment(text);
    List<Answer> recorded = List.of(new Answer(AnswerKind.COMMENT, text));
    Say thanks = thanksFor(next);
    if (next.step() == Step.AWAIT_ANYTHING_ELSE) {
      return new Transition(next, recorded, List.of(thanks), false, true);
    }
    if (saidIt(next)) {
      return new Transition(
          next.withStep(Step.AWAIT_ANYTHING_ELSE),
          recorded,
          List.of(thanks, Say.ANYTHING_ELSE),
          false,
          true);
    }
    return new Transition(next.withStep(Step.OPEN), recorded, List.of(thanks), false, true);
  }

  /**
   * More words once the comment is in ("jein", then "der Drucker druckt nur jede zweite Seite"):
   * people type in several short messages, so they are added to the comment, on a line of their
   * own, and the step stays; past {@link #MAX_COMMENT} the comment is full and they are told their
   * answer is in.
   */
  static Transition addedToComment(Conversation c, String text) {
    String more = more(c, text);
    if (more == null) {
      return Transition.unchanged(c, Say.ALREADY_ANSWERED);
    }
    return new Transition(
        c.withComment(more),
        List.of(new Answer(AnswerKind.COMMENT, more)),
        List.of(Say.COMMENT_ADDED),
        false,
        true);
  }

  /**
   * The comment with {@code text} added on a line of its own; null when those words are in already
   * (the same words sent twice, by a phone that resent them) or the comment would be too long.
   */
  private static String more(Conversation c, String text) {
    String more = c.comment() + "\n" + text;
    boolean repeated = c.comment().equals(text) || c.comment().endsWith("\n" + text);
    return repeated || more.length() > MAX_COMMENT ? null : more;
  }

  /**
   * The thanks for a comment: with when the IT team reads it when the digest will list the reply (a
   * negative answer, or a comment that reads as a complaint); a plain "thanks, noted" otherwise
   * ("the tech was great" before any answer, or "5" then a kind word), as no digest will show it.
   * Without a complaint test, while the answers may still make it a negative, the review is
   * promised.
   */
  private Say thanksFor(Conversation c) {
    if (complaint != null) {
      return negativeByAnswers(c) || complains(c) ? Say.THANKS_FOR_COMMENT : Say.COMMENT_NOTED;
    }
    boolean positive = !negativeByAnswers(c) && (c.fixed() != null || c.rating() != null);
    return positive ? Say.COMMENT_NOTED : Say.THANKS_FOR_COMMENT;
  }

  private Transition anythingElse(Conversation c, boolean yes) {
    if (c.step() != Step.AWAIT_ANYTHING_ELSE) {
      return Transition.unchanged(
          c, c.wantsMore() != null ? Say.ALREADY_ANSWERED : Say.NOT_UNDERSTOOD);
    }
    Conversation next = c.withWantsMore(yes);
    if (yes) {
      return new Transition(
          next.withStep(Step.AWAIT_REQUEST), List.of(), List.of(Say.REQUEST_PROMPT), false, true);
    }
    return new Transition(
        next.withStep(Step.FINISHED), List.of(), List.of(closing(next)), false, true);
  }

  /** Typed text instead of yes/no to "anything else?" is taken as the request itself. */
  private Transition requestWithoutYes(Conversation c, String text) {
    return request(c.withWantsMore(true).withStep(Step.AWAIT_REQUEST), text);
  }

  private Transition request(Conversation c, String text) {
    if (c.step() != Step.AWAIT_REQUEST) {
      return c.request() != null
          ? Transition.unchanged(c, Say.ALREADY_ANSWERED)
          : freeText(c, text, false);
    }
    if (AnswerParser.takesBack(text)) {
      return declined(c); // "nada, ya se arregló solo": no request, and no helpdesk ticket
    }
    Conversation next = c.withRequest(text).withStep(Step.FINISHED);
    return new Transition(
        next,
        List.of(new Answer(AnswerKind.REQUEST, text)),
        List.of(Say.REQUEST_NOTED),
        false,
        true);
  }

  /**
   * The last words: that the IT team will look at it and follow up when the digest will list the
   * reply — a negative answer, or a comment that reads as a complaint (as {@link #thanksFor} judges
   * it) — and a plain goodbye otherwise.
   */
  private Say closing(Conversation c) {
    return negativeByAnswers(c) || complains(c) ? Say.CLOSING_NEGATIVE : Say.CLOSING_POSITIVE;
  }

  /** Whether the comment reads as a complaint to the digest's detection (false without one). */
  private boolean complains(Conversation c) {
    return complaint != null && c.comment() != null && complaint.test(c.comment(), locale);
  }
}
