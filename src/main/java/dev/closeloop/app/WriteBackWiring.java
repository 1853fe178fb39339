package dev.closeloop.app;

import dev.closeloop.config.Config;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.digest.LanguageMark;
import dev.closeloop.language.Words;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.ticket.usecase.DemoHelpdesk;
import dev.closeloop.ticket.usecase.HelpdeskWriteBack;
import dev.closeloop.ticket.usecase.WriteBackDispatcher;
import dev.closeloop.ticket.usecase.WriteBackListener;
import dev.closeloop.ticket.writeback.HelpdeskWriter;
import dev.closeloop.ticket.writeback.HelpdeskWriters;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The helpdesk write-back, wired: a client per helpdesk whose API credentials are set (plus the
 * sandbox's demo helpdesk when the sandbox is on), what the survey and digest write through them,
 * and the dispatcher that delivers the writes. A refused write shows on {@code /health} as the
 * {@code writeback} job's error, under its helpdesk.
 */
final class WriteBackWiring {
  /** The least time between two writes to one helpdesk: 4 a second at most, evenly. */
  static final Duration SPACING = Duration.ofMillis(250);

  final DemoHelpdesk demo;
  final HelpdeskWriteBack writeBack;
  final WriteBackDispatcher dispatcher;

  private WriteBackWiring(
      DemoHelpdesk demo, HelpdeskWriteBack writeBack, WriteBackDispatcher dispatcher) {
    this.demo = demo;
    this.writeBack = writeBack;
    this.dispatcher = dispatcher;
  }

  static WriteBackWiring create(
      Config config,
      Jdbi jdbi,
      Notifier notifier,
      RetryPolicy retry,
      JobHealth jobs,
      Clock clock,
      String worker,
      MeterRegistry metrics) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeouts().connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Map<String, HelpdeskWriter> bySource =
        new LinkedHashMap<>(
            HelpdeskWriters.from(config.connectors(), http, config.timeouts().helpdesk(), clock));
    DemoHelpdesk demo = config.sandboxEnabled() ? new DemoHelpdesk(jdbi, clock) : null;
    if (demo != null) {
      bySource.put("sandbox", demo);
    }
    HelpdeskWriteBack writeBack =
        new HelpdeskWriteBack(
            config.connectors(),
            bySource,
            notifier,
            Words.team(config.digest().locale(), config.digest().zone()),
            LanguageMark.detected(config.survey().locale()));
    Map<String, HelpdeskWriter> bySystem = new LinkedHashMap<>();
    bySource.values().forEach(w -> bySystem.put(w.system(), w));
    WriteBackDispatcher dispatcher =
        new WriteBackDispatcher(
            jdbi, bySystem, retry, new Report(writeBack, jobs), clock, worker, metrics, SPACING);
    return new WriteBackWiring(demo, writeBack, dispatcher);
  }

  /** Settles writes through the use case, and reports refusals as the job's health. */
  private record Report(HelpdeskWriteBack writeBack, JobHealth jobs) implements WriteBackListener {
    @Override
    public void done(Handle h, OutboxRow row, Write write, WriteOutcome.Done done, Instant now) {
      writeBack.done(h, row, write, done, now);
    }

    @Override
    public void ended(Handle h, OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
      writeBack.ended(h, row, write, why, now);
    }

    @Override
    public void attempted(String helpdesk, Write write, WriteOutcome outcome, Instant now) {
      if (outcome instanceof WriteOutcome.Denied || outcome instanceof WriteOutcome.Rejected) {
        String reason = ((WriteOutcome.Failure) outcome).reason();
        jobs.failed(
            JobHealth.WRITEBACK,
            helpdesk,
            helpdesk + " refused a " + write.kind() + " (" + outcome.label() + "): " + reason);
      } else if (outcome instanceof WriteOutcome.Done) {
        jobs.succeeded(JobHealth.WRITEBACK, helpdesk);
      }
    }
  }
}
