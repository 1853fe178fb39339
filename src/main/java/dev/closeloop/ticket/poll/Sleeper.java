package dev.closeloop.ticket.poll;

import java.time.Duration;

/** Waiting, as a value: tests record the requested waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
