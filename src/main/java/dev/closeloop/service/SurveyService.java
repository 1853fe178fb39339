package dev.closeloop.service;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.DeliveryListener;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.FatiguePolicy.Decision;
import dev.closeloop.survey.SkipReason;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey's life after intake: send when due (cooldown, send window, platform choice and
 * identity), the one reminder, expiry; and what delivery reports back (the DM accepted → sent; dead
 * → skipped with a reason).
 */
public final class SurveyService implements DeliveryListener {
  private static final Logger log = LoggerFactory.getLogger(SurveyService.class);
  private static final int BATCH = 200;
  private static final Duration LOOKUP_RETRY = Duration.ofMinutes(1);
  private static final int LANES = 3;
  private static final java.util.concurrent.ExecutorService queueing =
      java.util.concurrent.Executors.newFixedThreadPool(
          LANES,
          r -> {
            Thread t = new Thread(r, "closeloop-survey-queue");
            t.setDaemon(true);
            return t;
          });

  private final Jdbi jdbi;
  private final Config config;
  private final FatiguePolicy policy;
  private final Map<PlatformId, ChatPlatform> platforms;
  private final Notifier notifier;
  private final dev.closeloop.ticket.usecase.HelpdeskWriteBack writeBack;
  private final Clock clock;

  public SurveyService(
      Jdbi jdbi,
      Config config,
      FatiguePolicy policy,
      Map<PlatformId, ChatPlatform> platforms,
      Notifier notifier,
      dev.closeloop.ticket.usecase.HelpdeskWriteBack writeBack,
      Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.policy = policy;
    this.platforms = Map.copyOf(platforms);
    this.notifier = notifier;
    this.writeBack = writeBack;
    this.clock = clock;
  }

  /** Runs everything due now: sends, reminders, expiries. Returns how many surveys it touched. */
  public int tick() {
    return sendDue() + remindDue() + expireDue();
  }

  /** Queues the DMs of the surveys due now. Returns how many it queued or skipped. */
  public int sendDue() {
    Instant now = clock.instant();
    int n = 0;
    // a backlog is worked through in batches without waiting for the next tick (for 10 s at most,
    // so that the other jobs sharing the scheduler's threads still get their turn)
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Surveys.Due> due;
    do {
      due = jdbi.withHandle(h -> new Surveys(h).dueToSend(now, BATCH));
      n += queueDue(due, now);
    } while (due.size() == BATCH && System.nanoTime() < until);
    return n;
  }

  /** Queues the reminders due now. */
  public int remindDue() {
    Instant now = clock.instant();
    int n = 0;
    for (long id : jdbi.withHandle(h -> new Surveys(h).dueToRemind(now, BATCH))) {
      jdbi.useTransaction(h -> remind(h, id, now));
      n++;
    }
    return n;
  }

  /** Closes the surveys whose time has run out. */
  public int expireDue() {
    Instant now = clock.instant();
    int n = 0;
    for (long id : jdbi.withHandle(h -> new Surveys(h).dueToExpire(now, BATCH))) {
      jdbi.useTransaction(h -> expire(h, id, now));
      n++;
    }
    return n;
  }

  /**
   * Queues the due surveys' DMs on {@link #LANES} threads (a backlog of closes would otherwise be
   * queued more slowly than the platforms accept DMs). One person's surveys stay on one lane, in
   * due order, so cooldown and ordering are as if they were done one by one.
   */
  private int queueDue(List<Surveys.Due> due, Instant now) {
    if (due.size() <= 1) {
      return due.isEmpty() || !sendDue(due.get(0).id(), now) ? 0 : 1;
    }
    List<List<Long>> lanes = new ArrayList<>();
    for (int i = 0; i < LANES; i++) {
      lanes.add(new ArrayList<>());
    }
    for (Surveys.Due d : due) {
      lanes
          .get(Math.floorMod(d.personKey() == null ? 0 : d.personKey().hashCode(), LANES))
          .add(d.id());
    }
    List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
    for (List<Long> lane : lanes) {
      if (!lane.isEmpty()) {
        done.add(
            queueing.submit(
                () -> {
                  int n = 0;
                  for (long id : lane) {
                    n += sendDue(id, now) ? 1 : 0;
                  }
                  return n;
                }));
      }
    }
    int n = 0;
    for (var f : done) {
      try {
        n += f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }
    return n;
  }

  private boolean sendDue(long id, Instant now) {
    SurveyRow s = jdbi.withHandle(h -> new Surveys(h).find(id)).orElse(null);
    if (s == null || !SurveyRow.SCHEDULED.equals(s.state())) {
      return false;
    }
    Target target = chooseTarget(s);
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Surveys surveys = new Surveys(h);
                  SurveyRow locked = surveys.lock(id).orElse(null);
                  if (locked == null || !SurveyRow.SCHEDULED.equals(locked.state())) {
                    return false;
                  }
                  boolean optedOut = optedOut(h, locked, target.platform(), target.userId());
                  boolean sandbox = IntakeService.SANDBOX_SOURCE.equals(locked.source());
                  String tz = locked.timezone() != null ? locked.timezone() : target.timezone();
                  Decision d =
                      sandbox
                          ? (optedOut
                              ? new Decision.Skip(SkipReason.OPTED_OUT)
                              : new Decision.Send())
                          : policy.atDue(
                              now,
                              optedOut,
                              surveys.lastSentTo(locked.personKey(), now).orElse(null),
                              zone(tz),
                              new dev.closeloop.store.WriteBacks(h).reask(id));
                  if (d instanceof Decision.Skip skip) {
                    surveys.skip(id, skip.reason().wire(), now);
                    log.info("event=survey_skipped survey={} reason={}", id, skip.reason().wire());
                    return true;
                  }
                  if (d instanceof Decision.Defer defer) {
                    surveys.reschedule(id, defer.until());
                    log.info("event=survey_held survey={} until={}", id, defer.until());
                    return true;
                  }
                  if (target.skip() != null) {
                    surveys.skip(id, target.skip().wire(), now);
                    log.info("event=survey_skipped survey={} reason={}", id, target.skip().wire());
                    return true;
                  }
                  if (target.platform() == null) {
                    surveys.reschedule(id, now.plus(LOOKUP_RETRY));
                    log.info(
                        "event=survey_lookup_unavailable survey={} will=retry_at {}",
                        id,
                        now.plus(LOOKUP_RETRY));
                    return true;
                  }
                  surveys.assignRecipient(
                      id,
                      target.platform().wire(),
                      target.userId(),
                      target.timezone(),
                      target.locale());
                  // read again: the DM is written in the language and zone just settled
                  SurveyRow assigned = surveys.find(id).orElseThrow();
                  notifier.surveyDm(h, assigned, target.platform(), target.userId(), now);
                  log.info(
                      "event=survey_queued survey={} platform={}", id, target.platform().wire());
                  return true;
                }));
  }

  /** Where a survey goes: platform and user id, or why it cannot go anywhere. */
  record Target(
      PlatformId platform, String userId, String timezone, String locale, SkipReason skip) {
    Target(PlatformId platform, String userId, String timezone, SkipReason skip) {
      this(platform, userId, timezone, null, skip);
    }
  }

  /** Picks the platform: the preferred one where the person is reachable, else the other. */
  Target chooseTarget(SurveyRow s) {
    if (IntakeService.SANDBOX_SOURCE.equals(s.source())
        && platforms.containsKey(PlatformId.SANDBOX)) {
      return new Target(PlatformId.SANDBOX, s.personKey(), null, null);
    }
    List<PlatformId> order = new ArrayList<>();
    PlatformId preferred =
        "discord".equals(config.survey().preferPlatform()) ? PlatformId.DISCORD : PlatformId.SLACK;
    order.add(preferred);
    order.add(preferred == PlatformId.SLACK ? PlatformId.DISCORD : PlatformId.SLACK);
    boolean sawUnknown = false;
    boolean sawUnavailable = false;
    for (PlatformId p : order) {
      ChatPlatform platform = platforms.get(p);
      if (platform == null) {
        continue;
      }
      Recipient r = recipient(s, p);
      if (r == null) {
        continue;
      }
      if (knownWithoutLookup(s, p, r)) {
        // the id is given and nothing else is needed from the platform: a refused id shows at send
        // time (unknown_user / dm_closed), and a rate-limited lookup per survey is saved
        return new Target(p, p == PlatformId.SLACK ? r.slackId() : r.discordId(), null, null);
      }
      UserLookup result = platform.lookup(r);
      if (result instanceof UserLookup.Found f) {
        return new Target(p, f.userId(), f.timezone(), f.locale(), null);
      } else if (result instanceof UserLookup.Unknown) {
        sawUnknown = true;
      } else {
        sawUnavailable = true;
      }
    }
    if (sawUnavailable) {
      return new Target(null, null, null, null);
    }
    if (sawUnknown) {
      return new Target(null, null, null, SkipReason.UNKNOWN_USER);
    }
    if (platforms.containsKey(PlatformId.SANDBOX)
        && (IntakeService.SANDBOX_SOURCE.equals(s.source())
            || config.sandbox().takesRealTickets())) {
      // real tickets reach the demo chat only when the operator says so (sandbox.enabled: true)
      return new Target(PlatformId.SANDBOX, s.personKey(), null, null);
    }
    return new Target(null, null, null, SkipReason.NO_IDENTITY);
  }

  /**
   * Slack: an id, a time zone and a locale from the payload; Discord: an id (it has no zone or
   * locale to give outside an interaction).
   */
  private static boolean knownWithoutLookup(SurveyRow s, PlatformId p, Recipient r) {
    if (p == PlatformId.SLACK) {
      return r.slackId() != null && s.timezone() != null && s.locale() != null;
    }
    return p == PlatformId.DISCORD && r.discordId() != null;
  }

  /** What this platform can use to find the person, or null when it has nothing. */
  private Recipient recipient(SurveyRow s, PlatformId p) {
    if (p == PlatformId.SLACK) {
      return s.slackId() != null || s.requesterEmail() != null
          ? new Recipient(s.requesterEmail(), s.slackId(), null, s.locale() == null)
          : null;
    }
    String discordId = s.discordId();
    if (discordId == null && s.requesterEmail() != null) {
      discordId =
          jdbi.withHandle(h -> new People(h).linkedDiscordId(s.requesterEmail())).orElse(null);
    }
    return discordId != null ? new Recipient(s.requesterEmail(), null, discordId) : null;
  }

  private void remind(Handle h, long id, Instant now) {
    SurveyRow s = new Surveys(h).lock(id).orElse(null);
    if (s == null || !SurveyRow.SENT.equals(s.state()) || s.answeredAt() != null) {
      return;
    }
    PlatformId platform = s.platform() == null ? null : PlatformId.fromWire(s.platform());
    if (!now.isBefore(s.expiresAt()) || optedOut(h, s, platform, s.platformUser())) {
      // caught up past expiry (the expiry pass closes it), or "stop" since the DM: never remind
      h.createUpdate("UPDATE surveys SET remind_at = NULL WHERE id = :id").bind("id", id).execute();
      return;
    }
    ZoneId zone = zone(s.timezone());
    Instant allowed = policy.nextAllowed(now, zone);
    if (allowed.isAfter(now)) {
      if (!allowed.isBefore(s.expiresAt())) {
        allowed = null; // no room left before expiry: no reminder at all
      }
      h.createUpdate("UPDATE surveys SET remind_at = :t WHERE id = :id")
          .bind("id", id)
          .bind("t", allowed)
          .execute();
      return;
    }
    notifier.reminder(h, s, now);
    new Surveys(h).markReminded(id, now);
    log.info("event=survey_reminded survey={}", id);
  }

  /**
   * Whether the person opted out: by their person key, or under the platform id the survey goes to
   * ({@code /closeloop optout} before any survey records "slack:U…", while a ticket may name them
   * by email only), or as an erased person's kept hash.
   */
  private static boolean optedOut(Handle h, SurveyRow s, PlatformId platform, String userId) {
    People people = new People(h);
    PersonRow person = people.find(s.personKey()).orElse(null);
    if (person != null && person.optedOut()) {
      return true;
    }
    boolean chat = platform == PlatformId.SLACK || platform == PlatformId.DISCORD;
    if (chat
        && userId != null
        && people.byPlatformId(platform.wire(), userId).stream().anyMatch(PersonRow::optedOut)) {
      return true;
    }
    return Identities.erasedOptOut(
        h, s.requesterEmail(), s.slackId(), s.discordId(), chat ? userId : null);
  }

  private void expire(Handle h, long id, Instant now) {
    Surveys surveys = new Surveys(h);
    SurveyRow s = surveys.lock(id).orElse(null);
    if (s == null || !s.open()) {
      return;
    }
    surveys.expire(id, now);
    notifier.closeSurveyMessage(h, id, now);
    writeBack.surveyExpired(h, s, now);
    log.info("event=survey_expired survey={} answered={}", id, s.answeredAt() != null);
  }

  @Override
  public void sent(Handle h, OutboxRow row, MessageRef ref, Instant now) {
    if (!Notifier.SURVEY_DM.equals(row.purpose()) || row.surveyId() == null) {
      return;
    }
    Surveys surveys = new Surveys(h);
    SurveyRow s = surveys.find(row.surveyId()).orElse(null);
    if (s == null) {
      return;
    }
    ZoneId zone = zone(s.timezone());
    surveys.markSent(
        s.id(),
        now,
        policy.reminderAt(now, zone),
        policy.expiresAt(now),
        ref == null ? null : ref.channelId(),
        ref == null ? null : ref.messageId());
    if (SurveyRow.CANCELLED.equals(s.state())) {
      // reopened while the DM was in flight: close the message we just sent
      notifier.closeSurveyMessage(h, s.id(), now);
    }
  }

  @Override
  public void dead(Handle h, OutboxRow row, DeliveryException.Kind kind, Instant now) {
    if (!Notifier.SURVEY_DM.equals(row.purpose()) || row.surveyId() == null) {
      return;
    }
    SkipReason reason =
        switch (kind) {
          case UNKNOWN_USER -> SkipReason.UNKNOWN_USER;
          case DM_CLOSED -> SkipReason.DM_CLOSED;
          default -> SkipReason.DELIVERY_FAILED;
        };
    Surveys surveys = new Surveys(h);
    Optional<SurveyRow> s = surveys.find(row.surveyId());
    if (s.isPresent()
        && ("sending".equals(s.get().state()) || SurveyRow.SCHEDULED.equals(s.get().state()))) {
      surveys.skip(row.surveyId(), reason.wire(), now);
      log.info("event=survey_skipped survey={} reason={}", row.surveyId(), reason.wire());
    }
  }

  ZoneId zone(String tz) {
    if (tz != null) {
      try {
        return ZoneId.of(tz);
      } catch (DateTimeException e) {
        // fall through to the team's zone
      }
    }
    return ZoneId.of(config.digest().zone());
  }
}
