package dev.closeloop.ticket.poll;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What every poller needs from the outside, wired once by the app. {@code requestTimeout} bounds
 * each request (connecting is bounded by the {@link HttpClient}'s own connect timeout).
 */
public record PollContext(
    HttpClient http,
    CursorStore cursors,
    PollSink sink,
    Clock clock,
    Sleeper sleeper,
    RetryPolicy retry,
    Duration requestTimeout) {

  /** The same, each request bounded by the default {@code timeouts.helpdesk} (30 s). */
  public PollContext(
      HttpClient http,
      CursorStore cursors,
      PollSink sink,
      Clock clock,
      Sleeper sleeper,
      RetryPolicy retry) {
    this(http, cursors, sink, clock, sleeper, retry, Duration.ofSeconds(30));
  }

  /**
   * Production defaults: system clock, real sleeps, {@link RetryPolicy#DEFAULT}, the given bounds
   * on connecting and on each request ({@code timeouts.connect}, {@code timeouts.helpdesk}).
   */
  public static PollContext of(
      CursorStore cursors, PollSink sink, Duration connectTimeout, Duration requestTimeout) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new PollContext(
        http,
        cursors,
        sink,
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        RetryPolicy.DEFAULT,
        requestTimeout);
  }
}
