package dev.closeloop.service;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.Say;
import dev.closeloop.survey.Step;
import dev.closeloop.survey.SurveyMessages;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Queues what a requester is sent, as outbox rows with stable keys (adding a key twice adds it
 * once). Everything goes through here so that every message is durable before it is sent.
 */
public final class Notifier {
  public static final String SURVEY_DM = "survey_dm";

  private final SurveyMessages messages;

  public Notifier(SurveyMessages messages) {
    this.messages = messages;
  }

  public SurveyMessages messages() {
    return messages;
  }

  /** The conversation as stored: step plus first answers. */
  public static Conversation conversation(SurveyRow s, List<AnswerRow> answers) {
    AnswerSet a = AnswerSet.of(answers);
    Step step = Step.valueOf(s.step());
    Boolean wantsMore = a.request() != null || step == Step.AWAIT_REQUEST ? Boolean.TRUE : null;
    return new Conversation(step, a.fixed(), a.rating(), a.comment(), wantsMore, a.request());
  }

  public SurveyMessages.View view(Handle h, SurveyRow s) {
    Conversation c = conversation(s, new Answers(h).forSurvey(s.id()));
    boolean closed =
        s.finishedAt() != null
            || SurveyRow.EXPIRED.equals(s.state())
            || SurveyRow.CANCELLED.equals(s.state())
            || SurveyRow.SKIPPED.equals(s.state());
    return new SurveyMessages.View(
        s.id(), s.ticketId(), s.title(), s.url(), s.requesterName(), c, closed);
  }

  /** The survey's first DM. */
  public void surveyDm(Handle h, SurveyRow s, PlatformId platform, String userId, Instant now) {
    ChatMessage m = messages.survey(view(h, s));
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
    SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
    if (s.platform() == null) {
      return;
    }
    ChatMessage m = messages.survey(view(h, s));
    MessageRef target =
        s.messageId() == null ? null : new MessageRef(s.messageChannel(), s.messageId());
    enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.Update("s" + s.id() + "-u" + s.version(), target, m),
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
  public void say(Handle h, SurveyRow s, Say say, String tag, Instant now) {
    ChatMessage m =
        say == Say.ANYTHING_ELSE
            ? messages.anythingElse(s.id())
            : ChatMessage.plainText(messages.text(say));
    enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.DirectMessage("s" + s.id() + "-" + tag, s.platformUser(), m),
        s.id(),
        "reply",
        now,
        now);
  }

  public void reminder(Handle h, SurveyRow s, Instant now) {
    ChatMessage m = messages.reminder(view(h, s));
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
    ChatMessage m = messages.followedUp(view(h, s));
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
  public void direct(
      Handle h, PlatformId platform, String userId, String text, String tag, Instant now) {
    enqueue(
        h,
        platform,
        new Outgoing.DirectMessage("u-" + tag, userId, ChatMessage.plainText(text)),
        null,
        "reply",
        now,
        now);
  }

  public static boolean enqueue(
      Handle h,
      PlatformId platform,
      Outgoing o,
      Long surveyId,
      String purpose,
      Instant notBefore,
      Instant now) {
    String kind = o.getClass().getSimpleName().toLowerCase();
    return new Outbox(h)
        .enqueue(
            new Outbox.New(
                o.key(),
                platform.wire(),
                kind,
                OutgoingCodec.encode(o),
                surveyId,
                purpose,
                notBefore),
            now);
  }
}
