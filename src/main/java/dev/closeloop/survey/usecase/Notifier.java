package dev.closeloop.survey.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import dev.closeloop.language.Words;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.People;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.Say;
import dev.closeloop.survey.Step;
import dev.closeloop.survey.SurveyMessages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Queues what a requester is sent, as outbox rows with stable keys (adding a key twice adds it
 * once). Everything goes through here so that every message is durable before it is sent.
 */
public final class Notifier {
  public static final String SURVEY_DM = "survey_dm";

  /** The outbox purpose of a question the survey asks ("anything else?"). */
  public static final String QUESTION = Outbox.QUESTION;

  private final Catalog requester;
  private final String fallbackLang;
  private final ZoneId defaultZone;
  private final java.util.function.UnaryOperator<Instant> nextReview;
  private final java.time.Clock clock;

  /**
   * @param fallbackLang {@code survey.locale}: the language when neither the ticket nor the
   *     platform says one
   * @param defaultZone {@code digest.zone}: the zone when neither the ticket nor the platform says
   *     one
   */
  public Notifier(Catalog requester, String fallbackLang, ZoneId defaultZone) {
    this(requester, fallbackLang, defaultZone, null, null);
  }

  /**
   * @param nextReview when the digest after a moment is posted (the digest's own schedule): texts
   *     that say when the team will read an answer name that day (null: "tomorrow morning")
   * @param clock what "now" is for that
   */
  public Notifier(
      Catalog requester,
      String fallbackLang,
      ZoneId defaultZone,
      java.util.function.UnaryOperator<Instant> nextReview,
      java.time.Clock clock) {
    this.requester = requester;
    this.fallbackLang = fallbackLang;
    this.defaultZone = defaultZone;
    this.nextReview = nextReview;
    this.clock = clock;
  }

  private SurveyMessages messages(Words words) {
    if (nextReview == null || clock == null) {
      return new SurveyMessages(words);
    }
    Instant now = clock.instant();
    return new SurveyMessages(words, now, nextReview.apply(now));
  }

  /**
   * What this survey's requester is written to with: the ticket's or platform's language (kept on
   * the survey), else the one their chat client last reported, else {@code survey.locale}; their
   * time zone, else {@code digest.zone}.
   */
  public SurveyMessages messages(Handle h, SurveyRow s) {
    String remembered = s.locale() == null ? remembered(h, s) : null;
    String lang = Languages.resolve(s.locale(), remembered, fallbackLang, requester.languages());
    return messages(new Words(requester, lang, zone(s.timezone())));
  }

  private static String remembered(Handle h, SurveyRow s) {
    People people = new People(h);
    return people
        .locale(s.personKey())
        .or(
            () ->
                s.platform() == null || s.platformUser() == null
                    ? java.util.Optional.empty()
                    : people.localeOf(s.platform(), s.platformUser()))
        .orElse(null);
  }

  /**
   * What a person is written to with outside a survey (no open survey, opt-in, help, a refused
   * command): the language of the last survey they were sent when it names one (their ticket's, or
   * the platform's then), so the conversation goes on in the language it was held in even when the
   * chat client is set to another; else the language their client reports with this event, else the
   * one remembered for them, else {@code survey.locale}. The same order as inside a survey.
   */
  public SurveyMessages messages(Handle h, PlatformId platform, String userId, String locale) {
    String lastSurvey = new Surveys(h).latestLocaleOf(platform.wire(), userId).orElse(null);
    String client =
        locale != null ? locale : new People(h).localeOf(platform.wire(), userId).orElse(null);
    String lang = Languages.resolve(lastSurvey, client, fallbackLang, requester.languages());
    return messages(new Words(requester, lang, defaultZone));
  }

  /** The zone a requester is written to in: theirs when valid, else {@code digest.zone}. */
  ZoneId zone(String tz) {
    if (tz == null) {
      return defaultZone;
    }
    try {
      return ZoneId.of(tz);
    } catch (java.time.DateTimeException e) {
      return defaultZone;
    }
  }

  /** The conversation as stored: step plus first answers. */
  public static Conversation conversation(SurveyRow s, List<AnswerRow> answers) {
    AnswerSet a = AnswerSet.of(answers);
    Step step = Step.valueOf(s.step());
    Boolean wantsMore = a.request() != null || step == Step.AWAIT_REQUEST ? Boolean.TRUE : null;
    return new Conversation(step, a.fixed(), a.rating(), a.comment(), wantsMore, a.request());
  }

  public static SurveyMessages.View view(Handle h, SurveyRow s) {
    Conversation c = conversation(s, new Answers(h).forSurvey(s.id()));
    boolean closed =
        s.finishedAt() != null
            || SurveyRow.EXPIRED.equals(s.state())
            || SurveyRow.CANCELLED.equals(s.state())
            || SurveyRow.SKIPPED.equals(s.state());
    return new SurveyMessages.View(
        s.id(),
        s.ticketId(),
        s.title(),
        s.url(),
        s.requesterName(),
        s.closedAt(),
        c,
        closed,
        new dev.closeloop.store.WriteBacks(h).reask(s.id()),
        s.platform() != null
            && PersonPreferences.optedOut(
                h, s, PlatformId.fromWire(s.platform()), s.platformUser()));
  }

  /** The survey's first DM. */
  public void surveyDm(Handle h, SurveyRow s, PlatformId platform, String userId, Instant now) {
    ChatMessage m = messages(h, s).survey(view(h, s));
    enqueue(
        h,
        platform,
        new Outgoing.DirectMessage("s" + s.id() + "-dm", userId, m),
        s.id(),
        SURVEY_DM,
        now,
        now);
  }

  /** Re-renders the survey message (answers shown, buttons gone when closed). */
  public void refreshSurvey(Handle h, long surveyId, Instant now) {
    refreshSurvey(h, surveyId, now, "");
  }

  /**
   * Re-renders the survey message after a change that is not the survey's own (the person opted out
   * or back in): {@code tag} tells this update from the last one of the same version.
   */
  public void refreshSurvey(Handle h, long surveyId, Instant now, String tag) {
    SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
    if (s.platform() == null) {
      return;
    }
    ChatMessage m = messages(h, s).survey(view(h, s));
    MessageRef target =
        s.messageId() == null ? null : new MessageRef(s.messageChannel(), s.messageId());
    enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.Update("s" + s.id() + "-u" + s.version() + tag, target, m),
        s.id(),
        "update",
        now,
        now);
  }

  /** The survey closed (reopen, expiry): edit its message; nothing new is sent. */
  public void closeSurveyMessage(Handle h, long surveyId, Instant now) {
    refreshSurvey(h, surveyId, now);
  }

  /** A reply in the conversation the person is having (never held back by quiet hours). */
  /** Queues what the flow says; false when a message with this tag was queued already. */
  public boolean say(Handle h, SurveyRow s, Say say, String tag, Instant now) {
    SurveyMessages messages = messages(h, s);
    ChatMessage m =
        switch (say) {
          case ANYTHING_ELSE -> messages.anythingElse(s.id());
          case REOPEN_OFFER -> messages.reopenOffer(view(h, s), true);
          case REOPEN_OFFER_PLAIN -> messages.reopenOffer(view(h, s), false);
          default -> ChatMessage.plainText(messages.text(say, view(h, s)));
        };
    return enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.DirectMessage("s" + s.id() + "-" + tag, s.platformUser(), m),
        s.id(),
        switch (say) {
          case ANYTHING_ELSE -> QUESTION;
          case REOPEN_OFFER, REOPEN_OFFER_PLAIN -> Outbox.REOPEN_QUESTION;
          default -> "reply";
        },
        now,
        now);
  }

  /**
   * "Anything else?" was answered: its message is edited to show the answer and loses its buttons
   * (each question keeps its first answer, so once per survey).
   */
  public void anythingElseAnswered(Handle h, SurveyRow s, boolean yes, Instant now) {
    questionAnswered(h, s, QUESTION, "qa", now, m -> m.anythingElseAnswered(yes));
  }

  /** "Shall I reopen the ticket?" was answered: the same for its message. */
  public void reopenAnswered(Handle h, SurveyRow s, boolean yes, Instant now) {
    questionAnswered(
        h, s, Outbox.REOPEN_QUESTION, "ra", now, m -> m.reopenAnswered(view(h, s), yes));
  }

  /**
   * Edits the message of a question asked on its own ({@code question}: its outbox purpose) to show
   * its answer. The edit names that message when it is sent, as the question may still be on its
   * way; nothing when the question was never queued.
   */
  private void questionAnswered(
      Handle h,
      SurveyRow s,
      String question,
      String tag,
      Instant now,
      java.util.function.Function<SurveyMessages, ChatMessage> edit) {
    if (s.platform() == null || !new Outbox(h).live(s.id(), question)) {
      return;
    }
    enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.Update("s" + s.id() + "-" + tag, null, edit.apply(messages(h, s))),
        s.id(),
        Outbox.answered(question),
        now,
        now);
  }

  /**
   * True while the "anything else?" question of this survey is queued but not yet sent: text the
   * person types meanwhile answers what they last saw.
   */
  public static boolean questionPending(Handle h, long surveyId) {
    return new Outbox(h).unsent(surveyId, QUESTION);
  }

  public void reminder(Handle h, SurveyRow s, Instant now) {
    ChatMessage m = messages(h, s).reminder(view(h, s));
    enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.DirectMessage("s" + s.id() + "-rem", s.platformUser(), m),
        s.id(),
        "reminder",
        now,
        now);
  }

  /** "Someone followed up", held until the person's send window opens. */
  public void followUp(Handle h, SurveyRow s, Instant notBefore, Instant now) {
    ChatMessage m = messages(h, s).followedUp(view(h, s));
    enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.DirectMessage("s" + s.id() + "-fu", s.platformUser(), m),
        s.id(),
        "follow_up",
        notBefore,
        now);
  }

  /** A direct reply to a person outside any survey (no open survey, opt-in, help). */
  /** A DM outside any survey; false when one with this tag was queued already. */
  public boolean direct(
      Handle h, PlatformId platform, String userId, String text, String tag, Instant now) {
    return enqueue(
        h,
        platform,
        new Outgoing.DirectMessage("u-" + tag, userId, ChatMessage.plainText(text)),
        null,
        "reply",
        now,
        now);
  }

  private static boolean enqueue(
      Handle h,
      PlatformId platform,
      Outgoing o,
      Long surveyId,
      String purpose,
      Instant notBefore,
      Instant now) {
    return OutboxWriter.enqueue(h, platform, o, surveyId, purpose, notBefore, now);
  }
}
