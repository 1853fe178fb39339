package dev.closeloop.survey.usecase;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.store.Retry;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.store.WriteBacks;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.FatiguePolicy.Decision;
import dev.closeloop.survey.SkipReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the surveys that are due: for each, the fatigue policy (opt-out, cooldown, send window),
 * the platform and identity ({@link SurveyTargets}), then the first DM queued in the outbox. The
 * reminder and expiry are {@link SurveyDeadlines}; what delivery reports back is {@link
 * SurveyDeliveries}.
 */
public final class SurveyService {
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
  private final Clock clock;
  private final SurveyTargets targets;

  public SurveyService(
      Jdbi jdbi,
      Config config,
      FatiguePolicy policy,
      Map<PlatformId, ChatPlatform> platforms,
      Notifier notifier,
      Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.policy = policy;
    this.platforms = Map.copyOf(platforms);
    this.notifier = notifier;
    this.clock = clock;
    this.targets = new SurveyTargets(jdbi, config, this.platforms);
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
    SurveyTargets.Target target = targets.choose(s);
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Surveys surveys = new Surveys(h);
                  SurveyRow locked = surveys.lock(id).orElse(null);
                  if (locked == null || !SurveyRow.SCHEDULED.equals(locked.state())) {
                    return false;
                  }
                  boolean optedOut =
                      PersonPreferences.optedOut(h, locked, target.platform(), target.userId());
                  boolean sandbox = SurveyRow.SANDBOX_SOURCE.equals(locked.source());
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
                              notifier.zone(tz),
                              new WriteBacks(h).reask(id));
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
}
