package dev.closeloop.ticket.poll;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** What every poller needs from the outside, wired once by the app. */
public record PollContext(
    HttpClient http,
    CursorStore cursors,
    PollSink sink,
    Clock clock,
    Sleeper sleeper,
    RetryPolicy retry) {

  /** Production defaults: system clock, real sleeps, {@link RetryPolicy#DEFAULT}. */
  public static PollContext of(CursorStore cursors, PollSink sink) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new PollContext(
        http, cursors, sink, Clock.systemUTC(), Sleeper.SYSTEM, RetryPolicy.DEFAULT);
  }
}
