package dev.closeloop.app;

import dev.closeloop.store.Database;
import dev.closeloop.store.Vitals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read from the store. {@link #refresh()} runs one query ({@link Vitals}) and every
 * gauge reads its answer, so a scrape of {@code /metrics} costs the store one statement however
 * many gauges there are. While the store cannot answer, the gauges read NaN (and /health/ready says
 * why).
 */
final class StoreMetrics {
  private static final Logger log = LoggerFactory.getLogger(StoreMetrics.class);
  static final Duration RESPONSE_WINDOW = Duration.ofDays(7);

  private final Database db;
  private final Clock clock;
  private volatile Vitals.Snapshot last;

  StoreMetrics(Database db, Clock clock, MeterRegistry registry) {
    this.db = db;
    this.clock = clock;
    gauge(registry, "closeloop_outbox_rows", "outbox rows by state", s -> s.outboxPending())
        .tag("state", "pending")
        .register(registry);
    gauge(registry, "closeloop_outbox_rows", "outbox rows by state", s -> s.outboxDead())
        .tag("state", "dead")
        .register(registry);
    gauge(
            registry,
            "closeloop_incidents_open",
            "negative replies and requests not followed up yet",
            s -> s.incidentsOpen())
        .register(registry);
    gauge(
            registry,
            "closeloop_digest_last_posted_timestamp_seconds",
            "when the last daily or on-demand digest was posted (0: never)",
            s -> s.lastDigestAt() == null ? 0 : s.lastDigestAt().getEpochSecond())
        .register(registry);
    gauge(
            registry,
            "closeloop_surveys_sent_7d",
            "surveys delivered in the last 7 days",
            s -> s.surveysSent())
        .register(registry);
    gauge(
            registry,
            "closeloop_surveys_answered_7d",
            "surveys delivered in the last 7 days that were answered",
            s -> s.surveysAnswered())
        .register(registry);
  }

  private Gauge.Builder<StoreMetrics> gauge(
      MeterRegistry registry,
      String name,
      String description,
      ToDoubleFunction<Vitals.Snapshot> figure) {
    return Gauge.builder(
            name,
            this,
            m -> {
              Vitals.Snapshot s = m.last;
              return s == null ? Double.NaN : figure.applyAsDouble(s);
            })
        .description(description);
  }

  /** Reads the store's figures once, for the scrape about to happen. */
  void refresh() {
    try {
      last = db.jdbi().withHandle(h -> new Vitals(h).read(clock.instant().minus(RESPONSE_WINDOW)));
    } catch (RuntimeException e) {
      last = null;
      log.warn("event=metrics_store_unreadable error={} will=report_NaN", e.toString());
    }
  }
}
