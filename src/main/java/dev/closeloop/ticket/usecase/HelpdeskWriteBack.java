package dev.closeloop.ticket.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.digest.LanguageMark;
import dev.closeloop.digest.usecase.FollowUpListener;
import dev.closeloop.language.Words;
import dev.closeloop.store.Answers;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.store.WriteBacks;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.ReopenMode;
import dev.closeloop.survey.Transition;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.survey.usecase.TicketWriteBack;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
import dev.closeloop.ticket.writeback.HelpdeskWriters;
import dev.closeloop.ticket.writeback.TicketRef;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the survey and the digest write into the ticket's own helpdesk, as outbox rows delivered by
 * the {@link WriteBackDispatcher}: the survey's result as an internal note when it ends, a reopen
 * when the requester asks for one, "I'll take it" and "Followed up" as notes, and a request typed
 * after "anything else?" as a new ticket, each as the ticket's connector allows ({@code
 * connectors.<system>.writeBack}). Notes are written in the team's language ({@code
 * digest.locale}). Only a survey's own requester (through the survey conversation) and the team
 * (through the digest's buttons) cause writes.
 *
 * <p>When a write is settled it tells the requester what happened, in their language: the ticket
 * reopened (or already open), the reopen failed, the request became ticket N.
 */
public final class HelpdeskWriteBack
    implements WriteBackListener, TicketWriteBack, FollowUpListener {
  private static final Logger log = LoggerFactory.getLogger(HelpdeskWriteBack.class);

  /** The source of the sandbox's demo tickets. */
  private static final String SANDBOX = "sandbox";

  /** The sandbox's own tickets go to its demo helpdesk, which takes every kind of write. */
  private static final Helpdesks.WriteBack DEMO = new Helpdesks.WriteBack(true, "ask", true, true);

  private final Config.Connectors connectors;
  private final Map<String, HelpdeskWriter> writers;
  private final Notifier notifier;
  private final WriteBackTexts texts;

  /**
   * @param writers by ticket source ({@code jira}, …, {@code generic}, {@code sandbox})
   * @param team the team's language and zone ({@code digest.locale}, {@code digest.zone})
   * @param language which language a comment is in, for the mark beside it in a note
   */
  public HelpdeskWriteBack(
      Config.Connectors connectors,
      Map<String, HelpdeskWriter> writers,
      Notifier notifier,
      Words team,
      LanguageMark language) {
    this.connectors = connectors;
    this.writers = Map.copyOf(writers);
    this.notifier = notifier;
    this.texts = new WriteBackTexts(team, language);
  }

  /** What "not fixed" does to a ticket of this source: never where it cannot be written to. */
  @Override
  public ReopenMode reopenMode(String source) {
    return settings(source).map(s -> ReopenMode.of(s.reopen())).orElse(ReopenMode.NEVER);
  }

  private Optional<Helpdesks.WriteBack> settings(String source) {
    if (source == null || !writers.containsKey(source)) {
      return Optional.empty();
    }
    return Optional.of(
        SANDBOX.equals(source) ? DEMO : HelpdeskWriters.settings(connectors, source));
  }

  /**
   * A survey's conversation changed (in its transaction): the reopen decided, the survey ended, a
   * request made, each written back as configured.
   */
  @Override
  public void conversationChanged(
      Handle h, SurveyRow s, Conversation before, Transition t, Instant now) {
    Conversation c = t.next();
    if (t.reopen() != null) {
      new WriteBacks(h).saveReopen(s.id(), t.reopen());
      if (t.reopen()) {
        reopen(h, s, c, now);
      }
    }
    if (c.request() != null && before.request() == null) {
      request(h, s, c.request(), now);
    }
    if (c.finished() && !before.finished()) {
      note(h, s, c, true, now);
    }
  }

  /** A survey closed by time with answers: its result goes on the ticket too. */
  @Override
  public void surveyExpired(Handle h, SurveyRow s, Instant now) {
    if (s.answeredAt() == null) {
      return;
    }
    Conversation c = Notifier.conversation(s, new Answers(h).forSurvey(s.id()));
    note(h, s, c, false, now);
  }

  /** "I'll take it" in the digest. */
  @Override
  public void taken(Handle h, long surveyId, String who, Instant now) {
    followUp(h, surveyId, "own", texts.taken(who, now), who, null, now);
  }

  /** "Followed up" in the digest, with the note given (or null). */
  @Override
  public void followedUp(Handle h, long surveyId, String who, String note, Instant now) {
    followUp(h, surveyId, "done", texts.followedUp(who, note, now), who, note, now);
  }

  private void followUp(
      Handle h, long surveyId, String what, String text, String who, String message, Instant now) {
    SurveyRow s = new Surveys(h).find(surveyId).orElse(null);
    if (s == null || !settings(s.source()).map(Helpdesks.WriteBack::followUps).orElse(false)) {
      return;
    }
    enqueue(h, s, new Write.FollowUp(key(s, what), ref(s), text, who, now, message), now);
  }

  private void reopen(Handle h, SurveyRow s, Conversation c, Instant now) {
    enqueue(
        h,
        s,
        new Write.Reopen(key(s, "reopen"), ref(s), texts.reopen(requester(s), c.comment())),
        now);
  }

  private void request(Handle h, SurveyRow s, String request, Instant now) {
    if (!settings(s.source()).map(Helpdesks.WriteBack::createRequests).orElse(false)) {
      return; // stays a request in the digest
    }
    enqueue(
        h,
        s,
        new Write.Request(
            key(s, "request"),
            ref(s),
            s.requesterEmail(),
            s.requesterName(),
            WriteBackTexts.title(request),
            texts.request(requester(s), s.ticketId(), request)),
        now);
  }

  private void note(Handle h, SurveyRow s, Conversation c, boolean finished, Instant now) {
    if (!settings(s.source()).map(Helpdesks.WriteBack::notes).orElse(false) || !c.hasAnswer()) {
      return;
    }
    Boolean reopen = new WriteBacks(h).reopen(s.id()).orElse(null);
    enqueue(
        h,
        s,
        new Write.Note(
            key(s, "note"),
            ref(s),
            texts.note(requester(s), s.ticketId(), s.locale(), c, reopen, finished),
            new Write.SurveyResult(c.fixed(), c.rating(), c.comment(), c.request(), null)),
        now);
  }

  private void enqueue(Handle h, SurveyRow s, Write write, Instant now) {
    HelpdeskWriter writer = writers.get(s.source());
    if (WriteBackDispatcher.enqueue(h, writer.system(), write, s.id(), now)) {
      log.info(
          "event=writeback_queued survey={} system={} kind={} ticket={}",
          s.id(),
          writer.system(),
          write.kind(),
          s.ticketId());
    }
  }

  /**
   * The outbox key of one write of a survey: the survey and the ticket, so that two installations
   * writing to one helpdesk never share a marker for different writes.
   */
  private static String key(SurveyRow s, String what) {
    String ticket = s.ticketId().length() > 120 ? s.ticketId().substring(0, 120) : s.ticketId();
    return "wb-" + what + "-s" + s.id() + "-" + s.source() + "-" + ticket;
  }

  private static TicketRef ref(SurveyRow s) {
    return new TicketRef(s.ticketId(), s.url());
  }

  private static String requester(SurveyRow s) {
    if (s.requesterName() != null && !s.requesterName().isBlank()) {
      return s.requesterName();
    }
    return s.requesterEmail() != null ? s.requesterEmail() : s.personKey();
  }

  @Override
  public void done(Handle h, OutboxRow row, Write write, WriteOutcome.Done done, Instant now) {
    SurveyRow s = survey(h, row);
    record(
        h, row, s, write, done.noChange() ? "no_change" : "ok", done.id(), done.url(), null, now);
    if (s == null) {
      return;
    }
    if (write instanceof Write.Reopen) {
      WriteBacks wb = new WriteBacks(h);
      wb.markReopened(s.source(), s.ticketId(), now);
      wb.reaskDue(s.source(), s.ticketId());
      tell(
          h,
          s,
          "reopen",
          now,
          done.noChange() ? "reopenAlreadyOpen" : "reopenDone",
          "team",
          s.team() == null ? "" : s.team(),
          "hasTeam",
          s.team() == null || s.team().isBlank() ? "no" : "yes");
    } else if (write instanceof Write.Request && done.id() != null && !done.id().isBlank()) {
      // a receiver that took the request without naming a ticket (a generic 204) adds nothing to
      // what the requester was already told ("the IT team will get back to you")
      boolean hasUrl = done.url() != null && !done.url().isBlank();
      tell(
          h,
          s,
          "request",
          now,
          "requestCreated",
          "id",
          done.id(),
          "url",
          hasUrl ? done.url() : "",
          "hasUrl",
          hasUrl ? "yes" : "no");
    }
  }

  @Override
  public void ended(Handle h, OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
    SurveyRow s = survey(h, row);
    record(h, row, s, write, why.label(), null, null, why.reason(), now);
    if (s != null && write instanceof Write.Reopen) {
      tell(h, s, "reopen", now, "reopenFailed");
    }
  }

  private static SurveyRow survey(Handle h, OutboxRow row) {
    return row.surveyId() == null ? null : new Surveys(h).find(row.surveyId()).orElse(null);
  }

  /**
   * What the write came to, for the digest (the survey may be gone since: erase-user, retention).
   */
  private static void record(
      Handle h,
      OutboxRow row,
      SurveyRow s,
      Write write,
      String outcome,
      String resultId,
      String resultUrl,
      String reason,
      Instant now) {
    new WriteBacks(h)
        .record(
            new WriteBacks.Result(
                row.msgKey(),
                s == null ? null : s.id(),
                row.platform(),
                write.kind(),
                outcome,
                resultId,
                resultUrl,
                reason,
                now));
  }

  /**
   * Tells the requester, in the conversation they are having with the survey, what the helpdesk
   * made of their answer (once per write: the message's key is the write's).
   */
  private void tell(Handle h, SurveyRow s, String what, Instant now, String key, Object... pairs) {
    if (s.platform() == null || s.platformUser() == null) {
      return;
    }
    Object[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
    all[pairs.length] = "ticket";
    all[pairs.length + 1] = s.ticketId();
    String text = notifier.messages(h, s).t(key, all);
    OutboxWriter.enqueue(
        h,
        PlatformId.fromWire(s.platform()),
        new Outgoing.DirectMessage(
            "s" + s.id() + "-wb-" + what, s.platformUser(), ChatMessage.plainText(text)),
        s.id(),
        "reply",
        now,
        now);
  }
}
