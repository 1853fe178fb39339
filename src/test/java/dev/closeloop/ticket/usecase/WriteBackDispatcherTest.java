package dev.closeloop.ticket.usecase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Database;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.ticket.writeback.TicketRef;
import dev.closeloop.ticket.writeback.Write;
import dev.closeloop.ticket.writeback.WriteOutcome;
import dev.closeloop.ticket.writeback.ZendeskWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-back dispatcher with the real Zendesk client against a WireMock Zendesk: what each
 * answer of the helpdesk does to the outbox row (401/403 dead at once with the reason, 404 ended
 * quietly, 429 waits Retry-After, 5xx and timeouts looked up before any rewrite, dead after
 * delivery.maxAttempts), and a row left in flight by a crash written at most once.
 */
class WriteBackDispatcherTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final String TICKET = "/api/v2/tickets/35436.json";
  static final String COMMENTS = "/api/v2/tickets/35436/comments.json";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final List<String> told = new ArrayList<>();
  WireMockServer zendesk;
  Database db;
  WriteBackDispatcher dispatcher;

  @BeforeEach
  void start() {
    zendesk = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    zendesk.start();
    db = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "");
    dispatcher = dispatcher(3);
  }

  @AfterEach
  void stop() {
    db.close();
    zendesk.stop();
  }

  private WriteBackDispatcher dispatcher(int maxAttempts) {
    ZendeskWriter writer =
        new ZendeskWriter(
            new Helpdesks.Zendesk(
                "",
                "http://127.0.0.1:" + zendesk.port(),
                "",
                "agent@acme.example",
                "zd-token",
                "",
                Duration.ofDays(1)),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(5),
            clock);
    WriteBackListener listener =
        new WriteBackListener() {
          @Override
          public void done(
              Handle h, OutboxRow row, Write write, WriteOutcome.Done done, Instant now) {
            told.add("done " + write.kind() + " " + done.id());
          }

          @Override
          public void ended(
              Handle h, OutboxRow row, Write write, WriteOutcome.Failure why, Instant now) {
            told.add("ended " + write.kind() + " " + why.label());
          }
        };
    return new WriteBackDispatcher(
        db.jdbi(),
        Map.of("zendesk", writer),
        new RetryPolicy(maxAttempts, Duration.ofSeconds(2), Duration.ofMinutes(1), () -> 0.5),
        listener,
        clock,
        "test",
        metrics,
        Duration.ZERO);
  }

  private final TicketRef ticket =
      new TicketRef("35436", "https://acme.zendesk.com/agent/tickets/35436");

  private Write.Note note(String key) {
    return new Write.Note(key, ticket, "Closeloop survey — Dana: not fixed", null);
  }

  private long enqueue(Write w) {
    db.jdbi()
        .useTransaction(h -> WriteBackDispatcher.enqueue(h, "zendesk", w, null, clock.instant()));
    return row(w.key()).id();
  }

  private OutboxRow row(String key) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM outbox WHERE msg_key = :k")
                    .bind("k", key)
                    .mapTo(OutboxRow.class)
                    .one());
  }

  private void answerPut(int status, String retryAfter) {
    var response = aResponse().withStatus(status).withBody("{\"error\":\"Forbidden\"}");
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }
    zendesk.stubFor(put(urlPathEqualTo(TICKET)).willReturn(response));
  }

  private void answerPutOk() {
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .willReturn(
                okJson(
                    """
                    {"ticket":{"id":35436},"audit":{"events":[{"id":2011,"type":"Comment"}]}}
                    """)));
  }

  private void commentsHold(String body) {
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .willReturn(okJson("{\"comments\":[{\"id\":2011,\"body\":\"" + body + "\"}]}")));
  }

  private int puts() {
    return zendesk.findAll(putRequestedFor(urlPathEqualTo(TICKET))).size();
  }

  private double count(String outcome) {
    var c =
        metrics
            .find("closeloop_writeback_total")
            .tags("system", "zendesk", "kind", "note", "outcome", outcome)
            .counter();
    return c == null ? 0 : c.count();
  }

  @Test
  @DisplayName("401 and 403: dead at once, with the reason naming what is missing")
  void deniedIsDeadAtOnce() {
    answerPut(403, null);
    enqueue(note("n-403"));

    dispatcher.drain(Duration.ofSeconds(10));

    OutboxRow row = row("n-403");
    assertThat(row.state()).isEqualTo(OutboxRow.DEAD);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.lastError()).startsWith("denied: ").contains("agent");
    assertThat(told).containsExactly("ended note denied");
    assertThat(count("denied")).isEqualTo(1);

    zendesk.resetAll();
    answerPut(401, null);
    enqueue(note("n-401"));
    clock.advance(Duration.ofHours(1));
    dispatcher.drain(Duration.ofSeconds(10));
    assertThat(row("n-401").state()).isEqualTo(OutboxRow.DEAD);
    assertThat(row("n-401").lastError()).startsWith("denied: ");
    assertThat(puts()).as("the dead 403 row is not tried again").isEqualTo(1);
  }

  @Test
  @DisplayName("404: the write ends quietly (not dead), the reason kept")
  void goneEndsQuietly() {
    answerPut(404, null);
    enqueue(note("n-404"));

    dispatcher.drain(Duration.ofSeconds(10));

    OutboxRow row = row("n-404");
    assertThat(row.state()).isEqualTo(OutboxRow.SENT);
    assertThat(row.lastError()).startsWith("gone: ");
    assertThat(told).containsExactly("ended note gone");
    assertThat(count("gone")).isEqualTo(1);
  }

  @Test
  @DisplayName("429: waits the helpdesk's Retry-After, and the lane pauses meanwhile")
  void rateLimitedWaitsRetryAfter() {
    answerPut(429, "30");
    enqueue(note("n-a"));
    enqueue(note("n-b"));

    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(puts()).as("the second write waits for the pause too").isEqualTo(1);
    OutboxRow a = row("n-a");
    assertThat(a.state()).isEqualTo(OutboxRow.PENDING);
    assertThat(a.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(row("n-b").state()).isEqualTo(OutboxRow.PENDING);

    answerPutOk();
    clock.advance(Duration.ofSeconds(29));
    dispatcher.drain(Duration.ofSeconds(10));
    assertThat(puts()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    dispatcher.drain(Duration.ofSeconds(10));
    assertThat(row("n-a").state()).isEqualTo(OutboxRow.SENT);
    assertThat(row("n-b").state()).isEqualTo(OutboxRow.SENT);
    assertThat(told).containsExactly("done note 2011", "done note 2011");
  }

  @Test
  @DisplayName("429 with a Retry-After in 2099: the lane waits an hour, not 73 years")
  void retryAfterInTheFarFutureWaitsAnHourAtMost() {
    answerPut(429, "Thu, 01 Jan 2099 00:00:00 GMT");
    enqueue(note("n-a"));
    enqueue(note("n-b"));

    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(puts()).isEqualTo(1);
    // before: next attempt and the lane's pause both in 2099
    assertThat(row("n-a").nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

    answerPutOk();
    clock.advance(Duration.ofHours(1));
    dispatcher.drain(Duration.ofSeconds(10));
    assertThat(row("n-a").state()).isEqualTo(OutboxRow.SENT);
    assertThat(row("n-b").state()).isEqualTo(OutboxRow.SENT);
  }

  @Test
  @DisplayName("5xx: unconfirmed, looked up before the next attempt; not found → written again")
  void serverErrorIsLookedUpThenRetried() {
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("up"));
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(
                okJson(
                    "{\"ticket\":{\"id\":35436},\"audit\":{\"events\":[{\"id\":7,\"type\":\"Comment\"}]}}")));
    commentsHold("something else");
    enqueue(note("n-502"));

    dispatcher.drain(Duration.ofSeconds(10));
    assertThat(row("n-502").state()).isEqualTo(OutboxRow.UNCONFIRMED);
    assertThat(row("n-502").lastError()).contains("look it up");

    clock.advance(Duration.ofSeconds(2));
    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(
            zendesk.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(COMMENTS))))
        .hasSize(1);
    assertThat(puts()).isEqualTo(2);
    assertThat(row("n-502").state()).isEqualTo(OutboxRow.SENT);
    assertThat(told).containsExactly("done note 7");
  }

  @Test
  @DisplayName("5xx after the helpdesk did take it: found by its marker, never written twice")
  void serverErrorButWrittenIsFoundNotRewritten() {
    answerPut(500, null);
    Write.Note n = note("n-500");
    enqueue(n);
    dispatcher.drain(Duration.ofSeconds(10));
    assertThat(row("n-500").state()).isEqualTo(OutboxRow.UNCONFIRMED);

    commentsHold("Closeloop survey\\n\\n(" + n.marker() + ")");
    clock.advance(Duration.ofSeconds(2));
    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(puts()).isEqualTo(1);
    assertThat(row("n-500").state()).isEqualTo(OutboxRow.SENT);
    assertThat(told).containsExactly("done note 2011");
    assertThat(count("found")).isEqualTo(1);
  }

  @Test
  @DisplayName("5xx every time: dead after delivery.maxAttempts, with the last reason")
  void deadAfterMaxAttempts() {
    dispatcher = dispatcher(2);
    answerPut(503, null);
    commentsHold("nothing of ours");
    enqueue(note("n-503"));

    for (int i = 0; i < 4; i++) {
      dispatcher.drain(Duration.ofSeconds(10));
      clock.advance(Duration.ofMinutes(1));
    }

    OutboxRow row = row("n-503");
    assertThat(row.state()).isEqualTo(OutboxRow.DEAD);
    assertThat(row.lastError()).contains("gave up after 2 attempts");
    assertThat(puts()).isEqualTo(2);
    assertThat(told).containsExactly("ended note rejected");
  }

  @Test
  @DisplayName("A row left in flight by a crash is looked up: written → recorded, not rewritten")
  void inflightAfterCrashIsLookedUpFirst() {
    Write.Note written = note("n-crash-written");
    Write.Note lost = note("n-crash-lost");
    long a = enqueue(written);
    long b = enqueue(lost);
    db.jdbi()
        .useTransaction(
            h -> {
              new Outbox(h).claim(a, "dead-process", T0);
              new Outbox(h).claim(b, "dead-process", T0);
            });
    commentsHold("survey\\n\\n(" + written.marker() + ")");
    answerPutOk();

    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(puts()).as("only the write the helpdesk does not have").isEqualTo(1);
    assertThat(zendesk.findAll(putRequestedFor(urlPathEqualTo(TICKET))).get(0).getBodyAsString())
        .contains(lost.marker())
        .doesNotContain(written.marker());
    assertThat(row("n-crash-written").state()).isEqualTo(OutboxRow.SENT);
    assertThat(row("n-crash-lost").state()).isEqualTo(OutboxRow.SENT);
    assertThat(row("n-crash-lost").attempts()).isEqualTo(1);
  }

  @Test
  @DisplayName("A write to a helpdesk no longer configured is dead with the reason")
  void unconfiguredHelpdeskIsDead() {
    db.jdbi()
        .useTransaction(
            h -> WriteBackDispatcher.enqueue(h, "jira", note("n-jira"), null, clock.instant()));

    dispatcher.drain(Duration.ofSeconds(10));

    assertThat(row("n-jira").state()).isEqualTo(OutboxRow.DEAD);
    assertThat(row("n-jira").lastError()).contains("connectors.jira");
  }
}
