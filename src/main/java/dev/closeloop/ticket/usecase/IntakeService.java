package dev.closeloop.ticket.usecase;

import dev.closeloop.config.Config;
import dev.closeloop.store.GroupCommit;
import dev.closeloop.store.Identities;
import dev.closeloop.store.Jdbc;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.Retry;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.store.Tickets;
import dev.closeloop.store.WriteBacks;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.FatiguePolicy.Decision;
import dev.closeloop.survey.SkipReason;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.ticket.RequesterHints;
import dev.closeloop.ticket.TicketEvent;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in ticket events from any source, in one transaction each: dedupes, applies the fatigue
 * policy at intake (opted out, stale, sampled out), schedules the survey, and cancels unanswered
 * surveys on reopen. Answers only after the commit.
 */
public final class IntakeService {
  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

  /** How far ahead of receipt a close may be dated before it is taken as closed at receipt. */
  static final java.time.Duration MAX_AHEAD = java.time.Duration.ofDays(1);

  private final Jdbi jdbi;
  private final Config config;
  private final FatiguePolicy policy;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Notifier messages;
  private final Reopens reopens;
  private final GroupCommit group;

  public IntakeService(
      Jdbi jdbi,
      Config config,
      FatiguePolicy policy,
      Clock clock,
      DoubleSupplier random,
      Notifier messages) {
    this.jdbi = jdbi;
    this.config = config;
    this.policy = policy;
    this.clock = clock;
    this.random = random;
    this.messages = messages;
    this.reopens = new Reopens(messages);
    this.group =
        new GroupCommit(
            jdbi,
            Retry::isConflict,
            work -> Retry.onConflict(() -> jdbi.inTransaction(work::apply)));
  }

  public IntakeResult accept(TicketEvent event) {
    return accept(event, null);
  }

  /**
   * Finishes the closes in hand and gives the writer's connection back; before the store closes.
   */
  public void close() {
    group.close();
  }

  /**
   * Takes in an event; {@code requestKey} (the request's replay identity, or null) makes a replay
   * of the very same request a duplicate, whatever event it carries. Identities are kept as long as
   * retention.keep. Returns after the commit that holds the event (events arriving together share
   * one: {@link GroupCommit}).
   */
  public IntakeResult accept(TicketEvent given, String requestKey) {
    Instant now = clock.instant();
    String unstorable = given.unstorable();
    if (unstorable != null) {
      // a poller's record (webhooks answer 400 before this): skipped, so the page still commits
      log.warn("event=ticket_skipped source={} why=\"{}\"", given.source(), unstorable);
      return new IntakeResult.Ignored(unstorable);
    }
    TicketEvent event = changeDatedAheadTakenAsNow(given.fitted(), now);
    return group.run(
        h -> {
          if (requestKey != null && !firstSeen(h, requestKey, now)) {
            return new IntakeResult.Duplicate();
          }
          return switch (event.kind()) {
            case CLOSED -> close(h, event, now);
            case REOPENED, SEEN_OPEN -> reopens.reopen(h, event, now);
          };
        });
  }

  /**
   * The helpdesk's own time of a change orders a ticket's events. One more than a day ahead of
   * receipt (a wrong clock or year) is taken as the receipt time: kept as it came, no later real
   * event would ever be newer, and the ticket would take no reopen or close again.
   */
  private static TicketEvent changeDatedAheadTakenAsNow(TicketEvent given, Instant now) {
    TicketEvent e = storable(given);
    if (e.changedAt() == null || !e.changedAt().isAfter(now.plus(MAX_AHEAD))) {
      return e;
    }
    log.warn(
        "event=change_dated_ahead source={} ticket={} changed_at={} taken_as={}",
        e.source(),
        e.ticket().id(),
        e.changedAt(),
        now);
    return e.changedAt(now);
  }

  /**
   * Times before year 1 (Java reads years back to -999999999; PostgreSQL stores none before 4713
   * BC) are taken as the first of year 1: as stale, as old, and never a 500 from the store. Times
   * far ahead are taken as the receipt time (here for the change, in close() for the close).
   */
  private static TicketEvent storable(TicketEvent e) {
    Instant closedAt = e.closedAt();
    Instant changedAt = e.changedAt();
    if (closedAt != null && closedAt.isBefore(TicketEvent.EARLIEST)) {
      closedAt = TicketEvent.EARLIEST;
    }
    if (changedAt != null && changedAt.isBefore(TicketEvent.EARLIEST)) {
      changedAt = TicketEvent.EARLIEST;
    }
    return closedAt == e.closedAt() && changedAt == e.changedAt()
        ? e
        : new TicketEvent(e.source(), e.kind(), e.ticket(), e.requester(), closedAt, changedAt);
  }

  /** Records the request key; false when it was seen before (a replay). */
  private static boolean firstSeen(Handle h, String key, Instant now) {
    return Jdbc.update(
            h,
            """
            INSERT INTO seen_requests (request_key, seen_at)
            SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM seen_requests WHERE request_key = ?)
            """,
            ps -> {
              Jdbc.text(ps, 1, key);
              Jdbc.instant(ps, 2, now);
              Jdbc.text(ps, 3, key);
            })
        == 1;
  }

  private IntakeResult close(Handle h, TicketEvent e, Instant now) {
    Instant reported = e.closedAt() != null ? e.closedAt() : now;
    String key = e.source() + "|" + e.ticket().id() + "|closed|" + reported;
    // a close dated more than a day ahead (a wrong clock or year) is taken as closed now: never a
    // survey years ahead, nor a date past what can be stored; within a day it counts as sent
    Instant closedAt = reported;
    if (reported.isAfter(now.plus(MAX_AHEAD))) {
      log.warn(
          "event=close_dated_ahead source={} ticket={} closed_at={} taken_as={}",
          e.source(),
          e.ticket().id(),
          reported,
          now);
      closedAt = now;
    }
    Tickets tickets = new Tickets(h);
    Optional<Tickets.TicketRow> known = tickets.find(e.source(), e.ticket().id());
    if (known.isPresent() && known.get().supersedes(e.changedAt())) {
      return stale(e, known.get());
    }
    if (known.isPresent()
        && ("closed".equals(known.get().state()) || tickets.eventId(key).isPresent())) {
      // a close of a ticket already closed, or a replay of a close seen before a reopen
      return new IntakeResult.Duplicate();
    }
    boolean sandbox = SurveyRow.SANDBOX_SOURCE.equals(e.source());
    boolean sampledIn =
        known
            .map(Tickets.TicketRow::sampledIn)
            .orElseGet(
                () ->
                    sandbox
                        || FatiguePolicy.sampledIn(
                            config.survey().sampleRate(), random.getAsDouble()));

    var r = e.requester();
    if (r.email() == null && r.discordId() != null) {
      // a linked Discord id is the same person as its email (cooldown and opt-out follow the
      // person)
      String linked = new People(h).linkedEmail(r.discordId()).orElse(null);
      if (linked != null) {
        r =
            new TicketEvent.Requester(
                linked, r.name(), r.slackId(), r.discordId(), r.timezone(), r.locale());
      }
    }
    String personKey = Identities.personKey(r.email(), r.slackId(), r.discordId());
    String tz = RequesterHints.zone(r.timezone());
    People people = new People(h);
    PersonRow person =
        people.ensure(personKey, r.email(), r.name(), r.slackId(), r.discordId(), tz);
    boolean optedOut =
        person.optedOut() || Identities.erasedOptOut(h, r.email(), r.slackId(), r.discordId());
    ZoneId zone = zone(tz != null ? tz : person.timezone());

    Decision decision =
        sandbox
            ? (optedOut ? new Decision.Skip(SkipReason.OPTED_OUT) : new Decision.Schedule(now))
            : policy.atIntake(closedAt, now, optedOut, sampledIn, zone);
    String state = SurveyRow.SCHEDULED;
    String reason = null;
    Instant dueAt = null;
    if (decision instanceof Decision.Skip s) {
      state = SurveyRow.SKIPPED;
      reason = s.reason().wire();
    } else if (decision instanceof Decision.Schedule s) {
      dueAt = s.dueAt();
    }
    long surveyId =
        new Surveys(h)
            .insert(
                new Surveys.New(
                    e.source(),
                    e.ticket().id(),
                    personKey,
                    r.email(),
                    r.name(),
                    r.slackId(),
                    r.discordId(),
                    tz,
                    RequesterHints.locale(r.locale()),
                    // a close that leaves a field out (a poller's short record, a template without
                    // the title) keeps what the helpdesk sent for the ticket before
                    orKnown(e.ticket().title(), known, Tickets.TicketRow::title),
                    orKnown(e.ticket().url(), known, Tickets.TicketRow::url),
                    orKnown(e.ticket().assignee(), known, Tickets.TicketRow::assignee),
                    orKnown(e.ticket().team(), known, Tickets.TicketRow::team),
                    closedAt,
                    state,
                    reason,
                    dueAt,
                    sampledIn,
                    now));
    if (known.isPresent()) {
      tickets.upsert(
          e.source(),
          e.ticket().id(),
          e.ticket().title(),
          e.ticket().url(),
          e.ticket().assignee(),
          e.ticket().team(),
          "closed",
          closedAt,
          sampledIn,
          now);
    } else {
      tickets.insert(
          e.source(),
          e.ticket().id(),
          e.ticket().title(),
          e.ticket().url(),
          e.ticket().assignee(),
          e.ticket().team(),
          "closed",
          closedAt,
          sampledIn,
          now);
    }
    tickets.changedAt(e.source(), e.ticket().id(), e.changedAt());
    reaskIfReopenedFromChat(h, e, known.map(Tickets.TicketRow::reask).orElse(null), surveyId);
    long id = tickets.insertEvent(key, e.source(), e.ticket().id(), "closed", closedAt, now, state);
    log.info(
        "event=ticket_closed source={} ticket={} survey={} state={} reason={} due={}",
        e.source(),
        e.ticket().id(),
        surveyId,
        state,
        reason,
        dueAt);
    return new IntakeResult.Accepted(id);
  }

  /** An event the helpdesk dates no later than the last one applied: it changes nothing. */
  private static String orKnown(
      String sent,
      Optional<Tickets.TicketRow> known,
      java.util.function.Function<Tickets.TicketRow, String> field) {
    return sent != null ? sent : known.map(field).orElse(null);
  }

  static IntakeResult stale(TicketEvent e, Tickets.TicketRow known) {
    log.info(
        "event=ticket_event_stale source={} ticket={} kind={} changed_at={} last_applied={}"
            + " will=ignore",
        e.source(),
        e.ticket().id(),
        e.kind(),
        e.changedAt(),
        known.sourceChangedAt());
    return new IntakeResult.Duplicate();
  }

  private ZoneId zone(String tz) {
    ZoneId fallback = ZoneId.of(config.digest().zone());
    if (tz == null) {
      return fallback;
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      return fallback;
    }
  }

  /**
   * The first close after the requester had the ticket reopened from the chat is asked again ("did
   * it work this time?") whatever the cooldown; later closes are ordinary ones. {@code reask} is
   * the ticket's mark as the close found it (null for a ticket not seen before).
   */
  private static void reaskIfReopenedFromChat(
      Handle h, TicketEvent e, String reask, long surveyId) {
    WriteBacks wb = new WriteBacks(h);
    if (FatiguePolicy.reask(reask != null, WriteBacks.REASK_USED.equals(reask))) {
      wb.markReask(surveyId);
      wb.reaskUsed(e.source(), e.ticket().id());
      log.info(
          "event=survey_reask source={} ticket={} survey={}",
          e.source(),
          e.ticket().id(),
          surveyId);
    }
  }
}
