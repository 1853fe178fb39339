package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.Statements;
import dev.closeloop.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What leaks out by the side: webhook tokens into logs, and the store's work per scrape. */
class SmallLeaksTest {
  static final String TOKEN = "SUPERSECRET-4711";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  TestApp app;

  @BeforeEach
  void start() {
    app =
        TestApp.start(
            dir,
            "connectors: { servicenow: { secret: "
                + TOKEN
                + " }, freshservice: { secret: "
                + TOKEN
                + " } }\nsandbox: { enabled: true }",
            clock);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aWebhookTokenNeverAppearsInAnyLogLineEvenWithServerDebugLogging() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%logger %msg%n"); // %msg as the log set-up defines it (logback-test.xml)
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger jetty = context.getLogger("org.eclipse.jetty.server");
    Level before = jetty.getLevel();
    root.addAppender(appender);
    jetty.setLevel(Level.DEBUG);
    try {
      for (String path :
          new String[] {
            "/hooks/tickets/servicenow?token=" + TOKEN,
            "/hooks/tickets/freshservice?x=1&token=" + TOKEN + "-wrong",
            "/hooks/tickets/servicenow?token=" + TOKEN + "&bad=1"
          }) {
        app.send(
            HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json")
                .header("X-Closeloop-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"6\"}"))
                .build());
      }
    } finally {
      jetty.setLevel(before);
      root.detachAppender(appender);
      appender.stop();
    }
    String logged = out.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("/hooks/tickets/servicenow"); // the requests were logged...
    assertThat(logged).doesNotContain(TOKEN); // ...without the token
  }

  @Test
  void theShippedLoggingConfigMasksEveryMessage() throws Exception {
    // the shipped set-up is LogSetup (its lines go through the converter: LogSetupTest), found by
    // logback as a service; no logback.xml that logback could read instead
    try (InputStream in =
        App.class.getResourceAsStream(
            "/META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(LogSetup.class.getName());
    }
    assertThat(App.class.getResource("/logback.xml")).isNull();
    assertThat(RedactingMessageConverter.redact("GET /hooks/tickets/glpi?a=1&token=abc def"))
        .isEqualTo("GET /hooks/tickets/glpi?a=1&token=*** def");
    assertThat(
            RedactingMessageConverter.redact("Authorization: Bearer tok-1, X-Closeloop-Token: t2"))
        .doesNotContain("tok-1")
        .doesNotContain("t2");
  }

  @Test
  void aMetricsScrapeCostsOneQueryHoweverManyIncidentsAreOpen() {
    AtomicInteger statements = Statements.counted(app.app.db().jdbi());
    String first = app.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))).build()).body();
    int perScrape = statements.getAndSet(0);
    app.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))).build());

    assertThat(perScrape).isEqualTo(1);
    assertThat(statements.get()).isEqualTo(1);
    assertThat(first)
        .contains("closeloop_incidents_open 0.0")
        .contains("closeloop_outbox_rows{state=\"pending\"} 0.0")
        .contains("closeloop_outbox_rows{state=\"dead\"} 0.0");
  }
}
