package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.Statements;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations kit (docs/operations/) watches metrics the app really exposes, the reference lists
 * every Closeloop metric, and a scrape costs the store one query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsKitTest {
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:closeloop|jvm|process|system)_[a-z0-9_]+)\\b");

  @TempDir static Path dir;
  private MutableClock clock;
  private TestApp app;

  @BeforeAll
  void appWithSomeActivity() {
    clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    app =
        TestApp.start(
            dir,
            "sandbox: { enabled: true }\nsurvey: { delay: PT0S, quietHours: \"\", weekends: true }",
            clock);
    app.webhook(TestApp.closed("INC-1", clock.instant(), "{\"email\":\"dana@example.com\"}"));
    app.tick();
    app.deliver();
    app.postJson("/hooks/tickets", "{}");
    app.postJson("/hooks/tickets/", "{}"); // a trailing slash is the same route, counted as it
    app.admin("POST", "/admin/digest", null);
    app.deliver();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private String scrape() {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))).build()).body();
  }

  private static Set<String> exposed(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape
        .lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    return names;
  }

  private static Set<String> named(Path file) throws Exception {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(Files.readString(file));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void dashboardAndAlertsNameOnlyMetricsTheAppExposes() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("jvm_memory_used_bytes"));
    Set<String> exposed = exposed(scrape());
    Set<String> dashboard = named(Path.of("docs/operations/grafana-dashboard.json"));
    Set<String> alerts = named(Path.of("docs/operations/prometheus-alerts.yml"));
    assertThat(dashboard).hasSizeGreaterThan(6);
    assertThat(alerts)
        .contains(
            "closeloop_outbox_rows",
            "closeloop_digest_last_posted_timestamp_seconds",
            "closeloop_webhook_responses_total",
            "closeloop_surveys_sent_7d",
            "closeloop_surveys_answered_7d");
    assertThat(exposed).containsAll(dashboard).containsAll(alerts);
  }

  @Test
  void theReferenceListsEveryCloseloopMetric() throws Exception {
    String reference = Files.readString(Path.of("docs/reference.md"));
    assertThat(exposed(scrape()).stream().filter(n -> n.startsWith("closeloop_")))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(reference).contains("`" + n + "`"));
  }

  @Test
  void storeFiguresAreCurrent() {
    String scrape = scrape();
    assertThat(scrape)
        .contains("closeloop_surveys_sent_7d 1.0")
        .contains("closeloop_surveys_answered_7d 0.0")
        .contains("closeloop_outbox_rows{state=\"dead\"} 0.0")
        .contains(
            "closeloop_digest_last_posted_timestamp_seconds "
                + (double) clock.instant().getEpochSecond())
        .containsPattern("closeloop_webhook_responses_total\\{source=\"generic\",status=\"202\"} 1")
        .containsPattern("closeloop_webhook_responses_total\\{source=\"generic\",status=\"401\"} 2")
        .containsPattern(
            "closeloop_outbox_total\\{outcome=\"sent\",platform=\"sandbox\",purpose=\"survey_dm\"} 1");
  }

  @Test
  void aScrapeCostsTheStoreOneQuery() {
    scrape();
    AtomicInteger statements = Statements.counted(app.app.db().jdbi());
    scrape();
    assertThat(statements).hasValue(1);
  }
}
