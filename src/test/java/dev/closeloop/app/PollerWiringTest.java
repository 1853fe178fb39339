package dev.closeloop.app;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import dev.closeloop.ticket.poll.Poller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's side of polling: pages become surveys once, and the cursor is kept in the store. */
class PollerWiringTest {
  @TempDir Path dir;

  private static String sample(String name) throws Exception {
    try (var in = PollerWiringTest.class.getResourceAsStream("/connectors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void jiraPagesBecomeSurveysOnceAndTheCursorIsStored() throws Exception {
    WireMockServer jira =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    jira.start();
    try {
      jira.stubFor(
          get(urlPathEqualTo("/rest/api/3/search/jql"))
              .withQueryParam("nextPageToken", absent())
              .willReturn(okJson(sample("jira/search-page1.json"))));
      jira.stubFor(
          get(urlPathEqualTo("/rest/api/3/search/jql"))
              .withQueryParam("nextPageToken", equalTo("CAEaAggD"))
              .willReturn(okJson(sample("jira/search-page2.json"))));
      MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
      String yaml =
          "connectors: { jira: { baseUrl: \"http://127.0.0.1:"
              + jira.port()
              + "\", email: ops@acme.example, "
              + "apiToken: t, jql: \"project = IT\", pollEvery: PT5M } }\n"
              + "survey: { delay: PT0S, quietHours: \"\", weekends: true, expireAfter: P30D }";
      try (TestApp app = TestApp.start(dir, yaml, clock)) {
        List<Poller> pollers = app.app.pollers();
        assertThat(pollers).extracting(Poller::name).containsExactly("jira");
        pollers.get(0).pollOnce();
        pollers.get(0).pollOnce();
        assertThat(app.admin("GET", "/admin/surveys?ticket=IT-1&source=jira", null).body())
            .contains("\"source\":\"jira\"")
            .contains("p1@example.com");
        int surveys =
            app.app
                .db()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT COUNT(*) FROM surveys WHERE source = 'jira'")
                            .mapTo(Integer.class)
                            .one());
        assertThat(surveys).as("a page seen twice adds nothing").isEqualTo(3);
        String cursor =
            app.app
                .db()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT val FROM settings WHERE name = 'poll.cursor.jira'")
                            .mapTo(String.class)
                            .one());
        assertThat(cursor).isEqualTo("2026-11-24T10:15:00Z");
      }
    } finally {
      jira.stop();
    }
  }
}
