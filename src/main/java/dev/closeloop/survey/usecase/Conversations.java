package dev.closeloop.survey.usecase;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.store.Answers;
import dev.closeloop.store.People;
import dev.closeloop.store.Retry;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.AnswerKind;
import dev.closeloop.survey.AnswerParser;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.ParsedAnswer;
import dev.closeloop.survey.Say;
import dev.closeloop.survey.Step;
import dev.closeloop.survey.SurveyFlow;
import dev.closeloop.survey.SurveyInput;
import dev.closeloop.survey.SurveyMessages;
import dev.closeloop.survey.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A survey's conversation as people have it in chat: a click, a typed reply or a modal becomes a
 * {@link SurveyInput}, the pure {@link SurveyFlow} decides, and one transaction records the answers
 * (first one kept), refreshes the survey message, queues the replies in the outbox and tells the
 * {@link AnswerListener} (incidents for negative replies and requests).
 */
public final class Conversations {
  private static final Logger log = LoggerFactory.getLogger(Conversations.class);

  private final Jdbi jdbi;
  private final SurveyFlow flow;
  private final Notifier notifier;
  private final AnswerListener listener;
  private final PersonPreferences preferences;
  private final TicketWriteBack writeBack;
  private final Clock clock;

  public Conversations(
      Jdbi jdbi,
      SurveyFlow flow,
      Notifier notifier,
      AnswerListener listener,
      PersonPreferences preferences,
      TicketWriteBack writeBack,
      Clock clock) {
    this.jdbi = jdbi;
    this.flow = flow;
    this.notifier = notifier;
    this.listener = listener;
    this.preferences = preferences;
    this.writeBack = writeBack;
    this.clock = clock;
  }

  /** Requester texts for whoever sent this event, outside any survey. */
  public SurveyMessages words(ChatEvent event) {
    return jdbi.withHandle(
        h -> notifier.messages(h, event.platform(), event.userId(), event.locale()));
  }

  /** A click on a survey's button ({@code cl:s:<id>:<what>}). */
  public InteractionReply click(ChatEvent.ButtonClick click, long surveyId, String what) {
    SurveyInput input;
    switch (what) {
      case "fixed:yes" -> input = new SurveyInput.FixedClicked(true);
      case "fixed:no" -> input = new SurveyInput.FixedClicked(false);
      case "else:yes" -> input = new SurveyInput.AnythingElseClicked(true);
      case "else:no" -> input = new SurveyInput.AnythingElseClicked(false);
      case "reopen:yes" -> input = new SurveyInput.ReopenClicked(true);
      case "reopen:no" -> input = new SurveyInput.ReopenClicked(false);
      case "stop" -> input = new SurveyInput.StopClicked();
      case "more" -> {
        return moreClicked(click, surveyId);
      }
      default -> {
        if (what.startsWith("rate:")) {
          int score = what.length() == 6 ? what.charAt(5) - '0' : -1;
          if (score < 1 || score > 5) {
            return InteractionReply.ephemeral(words(click).t("unknownButton"));
          }
          input = new SurveyInput.RatingClicked(score);
        } else {
          return InteractionReply.ephemeral(words(click).t("unknownButton"));
        }
      }
    }
    return apply(click.platform(), click.userId(), surveyId, input, true);
  }

  private InteractionReply moreClicked(ChatEvent.ButtonClick click, long surveyId) {
    SurveyRow s = jdbi.withHandle(h -> new Surveys(h).find(surveyId)).orElse(null);
    if (s == null || !owns(s, click.platform(), click.userId())) {
      return InteractionReply.ephemeral(words(click).t("notYourSurvey"));
    }
    var messages = jdbi.withHandle(h -> notifier.messages(h, s));
    if (!s.open()) {
      return InteractionReply.ephemeral(
          messages.text(s.notSentYet() ? Say.SURVEY_NOT_OPEN_YET : Say.SURVEY_CLOSED));
    }
    return messages.commentModal(surveyId);
  }

  /** A comment or request typed into a survey's modal ({@code cl:s:<id>:comment|request}). */
  public InteractionReply modal(ChatEvent.ModalSubmit submit, long surveyId, String what) {
    String text = AnswerParser.clean(submit.text() == null ? "" : submit.text());
    if (text.isEmpty()) {
      return InteractionReply.none();
    }
    SurveyInput input =
        "request".equals(what)
            ? new SurveyInput.RequestSubmitted(text)
            : new SurveyInput.CommentSubmitted(text);
    return apply(submit.platform(), submit.userId(), surveyId, input, true);
  }

  /**
   * Text typed to the bot: an opt-in, else an answer to the person's open survey, else stop, else
   * "no open survey" ("you're welcome" for thanks, "take care" for a goodbye or an ok).
   */
  public InteractionReply typed(ChatEvent.TypedText typed) {
    ParsedAnswer parsed = AnswerParser.parse(typed.text());
    Optional<SurveyRow> open =
        jdbi.withHandle(h -> new Surveys(h).latestOpenFor(typed.platform().wire(), typed.userId()));
    // opting back in is the person's own word whatever is open: the survey has no question it
    // answers (the opt-out reply tells them to type it, and the survey may still be open then)
    if (open.isPresent()
        && !(parsed instanceof ParsedAnswer.OptIn)
        && !thanksAfterOptingOut(parsed, open.get(), typed)) {
      long id = open.get().id();
      return apply(typed.platform(), typed.userId(), id, typedInput(parsed, open.get()), false);
    }
    Instant now = clock.instant();
    if (parsed instanceof ParsedAnswer.Rating r && r.comment() == null) {
      // "2" typed just after "anything else?" ended the survey before it was rated: its score
      Optional<SurveyRow> ended =
          jdbi.withHandle(
              h ->
                  new Surveys(h)
                      .latestFinishedFor(
                          typed.platform().wire(),
                          typed.userId(),
                          now.minus(SurveyFlow.LATE_SCORE)));
      if (ended.isPresent()) {
        return apply(
            typed.platform(),
            typed.userId(),
            ended.get().id(),
            new SurveyInput.LateScore(r.score()),
            false);
      }
    }
    boolean changed = false;
    if (parsed instanceof ParsedAnswer.Stop) {
      changed = preferences.setOptOut(typed.platform(), typed.userId(), true);
    } else if (parsed instanceof ParsedAnswer.OptIn) {
      changed = preferences.setOptOut(typed.platform(), typed.userId(), false);
    }
    if (changed) {
      preferenceChanged(typed.platform(), typed.userId());
    }
    String key = replyOutsideASurvey(parsed);
    // a reply that changed nothing is said at most REPEATS times a window: a person (or a
    // script) typing 500 lines a minute is not answered 500 times
    String person = typed.platform().wire() + "-" + typed.userId() + "-";
    boolean once = changed;
    jdbi.useTransaction(
        h -> {
          String text = notifier.messages(h, typed.platform(), typed.userId(), null).t(key);
          if (once) {
            notifier.direct(h, typed.platform(), typed.userId(), text, person + unique(now), now);
            return;
          }
          inAFreeSlot(
              person + key,
              "",
              now,
              tag -> notifier.direct(h, typed.platform(), typed.userId(), text, tag, now));
        });
    return InteractionReply.none();
  }

  /**
   * The person opted out or back in outside their survey's own buttons ({@code /closeloop optout},
   * a typed opt-in): their open survey's message offers "Stop asking me" again, or no longer.
   */
  public void preferenceChanged(PlatformId platform, String userId) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h ->
            new Surveys(h)
                .latestOpenFor(platform.wire(), userId)
                .ifPresent(s -> notifier.refreshSurvey(h, s.id(), now, "-p" + unique(now))));
  }

  /**
   * Tells the person, once a {@link #REPEAT_WINDOW}, that lines typed faster than they are read are
   * being skipped (the {@code tooFast} text, in their language). The line itself is not read.
   */
  public void tooFast(ChatEvent.TypedText typed) {
    Instant now = clock.instant();
    String tag = typed.platform().wire() + "-" + typed.userId() + "-tooFast-" + repeatWindow(now);
    jdbi.useTransaction(
        h ->
            notifier.direct(
                h,
                typed.platform(),
                typed.userId(),
                notifier.messages(h, typed.platform(), typed.userId(), null).t("tooFast"),
                tag,
                now));
  }

  /**
   * The requester text (its key) that answers a reply typed when no survey is open: "danke!" or "no
   * thanks, all good" after the goodbye get a short "you're welcome" ({@code welcome}), "tschüss"
   * or "ok cool" with no thanks in it a short goodbye ({@code goodbye}), anything else "no survey
   * is open" ({@code noOpenSurvey}); stop and opt-in are confirmed.
   */
  public static String replyOutsideASurvey(ParsedAnswer parsed) {
    if (parsed instanceof ParsedAnswer.Stop) {
      return "optedOut";
    } else if (parsed instanceof ParsedAnswer.OptIn) {
      return "optedIn";
    }
    String polite =
        parsed instanceof ParsedAnswer.Thanks t
            ? t.text()
            : parsed instanceof ParsedAnswer.No n && n.closing() ? n.text() : null;
    if (polite == null) {
      return "noOpenSurvey";
    }
    return AnswerParser.thanks(polite) ? "welcome" : "goodbye";
  }

  /**
   * "thanks" to "Done — we won't ask you again": answered as thanks outside a survey, not stored as
   * the comment of the survey that is still open.
   */
  private boolean thanksAfterOptingOut(
      ParsedAnswer parsed, SurveyRow open, ChatEvent.TypedText typed) {
    return parsed instanceof ParsedAnswer.Thanks
        && jdbi.withHandle(
            h -> PersonPreferences.optedOut(h, open, typed.platform(), typed.userId()));
  }

  /**
   * A key part for a reply that has no identity of its own (outside a survey, or one that changed
   * nothing): the time alone was shared by two such replies within a millisecond, and the second,
   * taken for a repeat of the first, was never sent.
   */
  private static String unique(Instant now) {
    return now.toEpochMilli() + "-" + UUID.randomUUID();
  }

  /**
   * A reply that changes nothing ("no survey is open", "you already answered that one", "sorry, I
   * didn't get that") is said to the same person at most {@link #REPEATS} times in each window of
   * this length: someone trying again is still answered, a flood of lines costs three messages
   * rather than one each.
   */
  public static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofMinutes(10);

  /** How often one reply that changes nothing is said in a {@link #REPEAT_WINDOW}. */
  public static final int REPEATS = 3;

  /**
   * Queues a reply that changes nothing under the first of its {@link #REPEATS} keys in this window
   * that is still free ({@code prefix-window-slot suffix}); {@code queue} says whether its key was
   * new. Once all are taken, nothing more is said until the next window.
   */
  private static void inAFreeSlot(
      String prefix, String suffix, Instant now, java.util.function.Predicate<String> queue) {
    for (int slot = 0; slot < REPEATS; slot++) {
      if (queue.test(prefix + "-" + repeatWindow(now) + "-" + slot + suffix)) {
        return;
      }
    }
  }

  /** The number of the {@link #REPEAT_WINDOW} that {@code now} falls in. */
  private static long repeatWindow(Instant now) {
    return Math.floorDiv(now.getEpochSecond(), REPEAT_WINDOW.toSeconds());
  }

  /**
   * Typed text answers the question the person has seen: while "anything else?" is still queued, it
   * answers the one before. Whether they had the ticket reopened goes with it.
   */
  private SurveyInput typedInput(ParsedAnswer parsed, SurveyRow s) {
    boolean seen =
        !dev.closeloop.survey.Step.AWAIT_ANYTHING_ELSE.name().equals(s.step())
            || !jdbi.withHandle(h -> Notifier.questionPending(h, s.id()));
    boolean reopened =
        jdbi.withHandle(h -> new dev.closeloop.store.WriteBacks(h).reopen(s.id()).orElse(false));
    return new SurveyInput.Typed(parsed, seen, reopened);
  }

  private InteractionReply apply(
      PlatformId platform, String userId, long surveyId, SurveyInput input, boolean interactive) {
    Instant now = clock.instant();
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Surveys surveys = new Surveys(h);
                  SurveyRow s = surveys.lock(surveyId).orElse(null);
                  if (s == null || !owns(s, platform, userId)) {
                    return InteractionReply.ephemeral(
                        notifier.messages(h, platform, userId, null).t("notYourSurvey"));
                  }
                  boolean lateScore =
                      input instanceof SurveyInput.LateScore && s.finishedAt() != null;
                  if (!s.open()
                      && !lateScore
                      && !(input instanceof SurveyInput.StopClicked)
                      && !(input instanceof SurveyInput.Typed t
                          && t.answer() instanceof ParsedAnswer.Stop)) {
                    return reply(
                        h,
                        s,
                        s.notSentYet() ? Say.SURVEY_NOT_OPEN_YET : Say.SURVEY_CLOSED,
                        interactive,
                        now);
                  }
                  Conversation before = Notifier.conversation(s, new Answers(h).forSurvey(s.id()));
                  Transition t =
                      flow.forLocale(s.locale())
                          .apply(before, input, writeBack.reopenMode(s.source()));
                  Answers answers = new Answers(h);
                  for (Transition.Answer a : t.recorded()) {
                    if (a.kind() == AnswerKind.COMMENT && before.comment() != null) {
                      answers.replace(s.id(), a.kind().wire(), a.value(), now); // words added
                    } else {
                      answers.record(s.id(), a.kind().wire(), a.value(), now);
                    }
                  }
                  boolean optedOutNow =
                      t.optOut()
                          && !new People(h)
                              .find(s.personKey())
                              .map(dev.closeloop.store.PersonRow::optedOut)
                              .orElse(false);
                  if (t.optOut()) {
                    new People(h).setOptedOut(s.personKey(), true, now);
                    log.info("event=opted_out survey={}", s.id());
                    if (optedOutNow && !t.changed()) {
                      // the message no longer offers "Stop asking me" (an answer re-renders it)
                      notifier.refreshSurvey(h, s.id(), now, "-o" + unique(now));
                    }
                  }
                  if (t.changed()) {
                    Instant answeredAt = t.next().hasAnswer() ? now : null;
                    Instant finishedAt = t.next().finished() ? now : null;
                    surveys.saveConversation(
                        s.id(), t.next().step().name(), answeredAt, finishedAt);
                    listener.answersChanged(h, s.id(), s.locale(), t.next(), now);
                    writeBack.conversationChanged(h, s, before, t, now);
                    notifier.refreshSurvey(h, s.id(), now);
                    boolean elseOpen =
                        before.step() == Step.AWAIT_ANYTHING_ELSE
                            || before.step() == Step.AWAIT_REOPEN_AFTER_ELSE;
                    if (elseOpen
                        && (t.next().step() == Step.AWAIT_REQUEST || t.next().finished())
                        && !t.optOut()) {
                      boolean yes =
                          t.next().step() == Step.AWAIT_REQUEST || t.next().request() != null;
                      notifier.anythingElseAnswered(h, s, yes, now);
                    }
                    if (before.step().reopenOffered()
                        && !t.next().step().reopenOffered()
                        && t.reopen() != null
                        && !t.optOut()) {
                      notifier.reopenAnswered(h, s, t.reopen(), now);
                    }
                  }
                  SurveyRow after = surveys.find(s.id()).orElseThrow();
                  // a second "Stop asking me" from someone already opted out is told so where
                  // they clicked, not with the same DM again
                  boolean onlyRejection = !t.changed() && (!t.optOut() || !optedOutNow);
                  if (onlyRejection && interactive && t.say().size() == 1) {
                    return InteractionReply.ephemeral(
                        notifier.messages(h, after).text(t.say().get(0), Notifier.view(h, after)));
                  }
                  // a reply that changed nothing ("already answered", "stop") has no version of its
                  // own: keyed by the version it would share with what was said last, it was lost.
                  // Keyed by what it says, the window and a slot instead, it is said at most
                  // REPEATS times a window (500 lines a minute got 500 "already answered")
                  if (t.changed() || optedOutNow) {
                    String tag =
                        t.changed()
                            ? "v" + after.version()
                            : "x" + unique(now) + "-v" + after.version();
                    int i = 0;
                    for (Say say : t.say()) {
                      notifier.say(h, after, say, tag + "-" + i++, now);
                    }
                  } else if (!t.say().isEmpty()) {
                    String said =
                        t.say().stream()
                            .map(Say::name)
                            .collect(java.util.stream.Collectors.joining("."));
                    inAFreeSlot(
                        "x" + said,
                        "-v" + after.version(),
                        now,
                        tag -> {
                          int i = 0;
                          boolean queued = false;
                          for (Say say : t.say()) {
                            queued |= notifier.say(h, after, say, tag + "-" + i++, now);
                          }
                          return queued;
                        });
                  }
                  if (interactive && t.changed() && t.say().contains(Say.REQUEST_PROMPT)) {
                    return notifier.messages(h, after).requestModal(s.id());
                  }
                  return InteractionReply.none();
                }));
  }

  private InteractionReply reply(Handle h, SurveyRow s, Say say, boolean interactive, Instant now) {
    if (interactive) {
      return InteractionReply.ephemeral(notifier.messages(h, s).text(say, Notifier.view(h, s)));
    }
    inAFreeSlot("x" + say.name(), "", now, tag -> notifier.say(h, s, say, tag, now));
    return InteractionReply.none();
  }

  static boolean owns(SurveyRow s, PlatformId platform, String userId) {
    return platform.wire().equals(s.platform())
        && userId != null
        && userId.equals(s.platformUser());
  }
}
