package dev.closeloop.app;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each periodic job on its own and remembers how it went, for {@code GET /health}: a job that
 * throws is logged and recorded, and stops nothing else. Kept in memory, per instance: on several
 * instances each reports the runs it made. A job with parts (the pollers) is healthy only when
 * every part is: its last success is the oldest of its parts' last successes.
 */
final class JobHealth {
  private static final Logger log = LoggerFactory.getLogger(JobHealth.class);

  /** The helpdesk write-back's dispatcher; its parts are the helpdesks. */
  static final String WRITEBACK = "writeback";

  /** The periodic jobs, in the order a manual tick runs them. */
  static final List<String> JOBS =
      List.of("surveys", "reminders", "digest", "weekly", "purge", "pollers", "outbox", WRITEBACK);

  private record State(Instant lastSuccess, String lastError, Instant lastErrorAt) {
    static final State NEVER = new State(null, null, null);

    boolean failing() {
      return lastErrorAt != null && (lastSuccess == null || !lastSuccess.isAfter(lastErrorAt));
    }
  }

  private final Clock clock;

  /** By job, then by part ("" for a job without parts). */
  private final Map<String, Map<String, State>> states = new ConcurrentHashMap<>();

  JobHealth(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code work}; it returns whether it did its job (false: nothing was due, and nothing is
   * recorded). Never throws: a failure is logged and recorded as the job's last error.
   */
  void run(String job, String part, BooleanSupplier work) {
    boolean did;
    try {
      did = work.getAsBoolean();
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError vm) {
        throw vm;
      }
      failed(job, part, e.toString());
      log.error(
          "event=job_failed job={}{} error={} will=run_again_on_schedule",
          job,
          part.isEmpty() ? "" : " part=" + part,
          e.toString(),
          e);
      return;
    }
    if (did) {
      update(job, part, s -> new State(clock.instant(), s.lastError(), s.lastErrorAt()));
    }
  }

  void run(String job, Runnable work) {
    run(
        job,
        "",
        () -> {
          work.run();
          return true;
        });
  }

  /** A success found outside the job's own run (a helpdesk took a write). */
  void succeeded(String job, String part) {
    Instant now = clock.instant();
    update(job, part, s -> new State(now, s.lastError(), s.lastErrorAt()));
  }

  /** A failure found outside the job's own run (a digest post refused later by the platform). */
  void failed(String job, String part, String error) {
    Instant now = clock.instant();
    String plain = withoutValues(error);
    String shown = plain.length() > 1000 ? plain.substring(0, 1000) + "…" : plain;
    update(job, part, s -> new State(s.lastSuccess(), shown, now));
  }

  private static final java.util.regex.Pattern QUOTED_VALUE =
      java.util.regex.Pattern.compile("'[^']*'|\\)=\\([^)]*\\)");
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^\\s\"'()<>,;:]+@[^\\s\"'()<>,;:]+");

  /**
   * The error as {@code /health} (which needs no token) shows it: what failed, without the data it
   * failed on. Store errors quote the value they refused (H2 {@code 'value'}, PostgreSQL {@code Key
   * (email)=(value)}); those and any email address become "…". The server log keeps it all.
   */
  static String withoutValues(String error) {
    // only a store's errors quote values; a helpdesk's own words ("don't", "isn't") stay readable
    boolean store = error.contains("SQL") || error.contains("Jdbc") || error.contains("jdbi");
    String s =
        store
            ? QUOTED_VALUE
                .matcher(error)
                .replaceAll(m -> m.group().startsWith("'") ? "'…'" : ")=(…)")
            : error;
    return EMAIL.matcher(s).replaceAll("…");
  }

  private void update(String job, String part, java.util.function.UnaryOperator<State> change) {
    states
        .computeIfAbsent(job, j -> new ConcurrentHashMap<>())
        .compute(part, (k, s) -> change.apply(s == null ? State.NEVER : s));
  }

  /** True when some job's latest run (or report) failed after its latest success. */
  boolean anyFailing() {
    return JOBS.stream().map(this::state).anyMatch(State::failing);
  }

  /** Every job's {@code lastSuccess}, {@code lastError}, {@code lastErrorAt} (nulls kept). */
  Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String job : JOBS) {
      State s = state(job);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lastSuccess", s.lastSuccess());
      m.put("lastError", s.lastError());
      m.put("lastErrorAt", s.lastErrorAt());
      out.put(job, m);
    }
    return out;
  }

  /** One job's state; for a job with parts, the oldest success and the newest error. */
  private State state(String job) {
    Map<String, State> parts = states.get(job);
    if (parts == null || parts.isEmpty()) {
      return State.NEVER;
    }
    Instant success = null;
    boolean neverSucceeded = false;
    State newestError = State.NEVER;
    for (State s : parts.values()) {
      if (s.lastSuccess() == null) {
        neverSucceeded = true;
      } else if (success == null || s.lastSuccess().isBefore(success)) {
        success = s.lastSuccess();
      }
      if (s.lastErrorAt() != null
          && (newestError.lastErrorAt() == null
              || s.lastErrorAt().isAfter(newestError.lastErrorAt()))) {
        newestError = s;
      }
    }
    return new State(
        neverSucceeded ? null : success, newestError.lastError(), newestError.lastErrorAt());
  }
}
