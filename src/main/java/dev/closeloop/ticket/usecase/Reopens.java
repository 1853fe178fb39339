package dev.closeloop.ticket.usecase;

import dev.closeloop.store.Outbox;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.store.Tickets;
import dev.closeloop.survey.SkipReason;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.ticket.TicketEvent;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket reopened (or seen open again): its unanswered surveys are cancelled, their queued DMs
 * dropped and any survey message already sent closed, so nobody is asked about work not done.
 */
final class Reopens {
  private static final Logger log = LoggerFactory.getLogger(Reopens.class);

  private final Notifier messages;

  Reopens(Notifier messages) {
    this.messages = messages;
  }

  IntakeResult reopen(Handle h, TicketEvent e, Instant now) {
    Tickets tickets = new Tickets(h);
    Optional<Tickets.TicketRow> known = tickets.find(e.source(), e.ticket().id());
    if (known.isEmpty()) {
      return new IntakeResult.Ignored("ticket never seen");
    }
    if (known.get().supersedes(e.changedAt())) {
      return IntakeService.stale(e, known.get());
    }
    if (!"closed".equals(known.get().state())) {
      return e.kind() == TicketEvent.Kind.SEEN_OPEN
          ? new IntakeResult.Ignored("ticket is not closed")
          : new IntakeResult.Duplicate();
    }
    Surveys surveys = new Surveys(h);
    Outbox outbox = new Outbox(h);
    int cancelled = 0;
    for (SurveyRow s : surveys.forTicket(e.source(), e.ticket().id())) {
      boolean unanswered =
          s.answeredAt() == null
              && (SurveyRow.SCHEDULED.equals(s.state())
                  || "sending".equals(s.state())
                  || SurveyRow.SENT.equals(s.state())
                  || SurveyRow.REMINDED.equals(s.state()));
      if (!unanswered) {
        continue;
      }
      surveys.cancel(s.id(), SkipReason.REOPENED.wire(), now);
      outbox.cancelPending(s.id(), "survey_dm");
      if (s.messageId() != null) {
        messages.closeSurveyMessage(h, s.id(), now);
      }
      cancelled++;
    }
    tickets.upsert(
        e.source(),
        e.ticket().id(),
        e.ticket().title(),
        e.ticket().url(),
        e.ticket().assignee(),
        e.ticket().team(),
        "reopened",
        null,
        known.get().sampledIn(),
        now);
    tickets.changedAt(e.source(), e.ticket().id(), e.changedAt());
    // a reopen is deduplicated by the ticket's state, not by this key: two reopens in one
    // millisecond (a closed ticket reopened, closed and reopened again) must not collide
    String key =
        e.source()
            + "|"
            + e.ticket().id()
            + "|reopened|"
            + now.toEpochMilli()
            + "|"
            + java.util.UUID.randomUUID();
    long id =
        tickets.insertEvent(
            key,
            e.source(),
            e.ticket().id(),
            "reopened",
            null,
            now,
            cancelled > 0 ? "cancelled" : "recorded");
    log.info(
        "event=ticket_reopened source={} ticket={} cancelled={}",
        e.source(),
        e.ticket().id(),
        cancelled);
    return new IntakeResult.Accepted(id);
  }
}
