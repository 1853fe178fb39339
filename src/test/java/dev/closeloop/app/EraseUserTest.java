package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /admin/erase-user} erases everything about a person, whatever the app knows them by:
 * a person known only by an imported email → Discord id link is still someone (200), and after the
 * erase nothing of them is left (a second erase is 404).
 */
class EraseUserTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);
  TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  HttpResponse<String> importLinks(String csv) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.url("/admin/links")))
            .header("Authorization", "Bearer " + TestApp.TOKEN)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build());
  }

  HttpResponse<String> erase(String user) {
    return app.admin("POST", "/admin/erase-user", "{\"user\":\"" + user + "\"}");
  }

  @Test
  void aPersonKnownOnlyByAnImportedLinkIsErasedLinkAndAll() {
    app = TestApp.start(dir, "", clock);
    assertThat(importLinks("email,discordId\nkim@example.com,123456789012345678\n").body())
        .contains("\"linked\":1");

    // the link names the person (their address and their Discord account): it is theirs to erase
    HttpResponse<String> first = erase("kim@example.com");
    assertThat(first.statusCode()).isEqualTo(200);
    // and it is gone: nothing is left to erase, by the address or by the Discord id
    assertThat(erase("kim@example.com").statusCode()).isEqualTo(404);
    assertThat(erase("123456789012345678").statusCode()).isEqualTo(404);
  }

  @Test
  void erasingByTheDiscordIdRemovesTheLinkToo() {
    app = TestApp.start(dir, "", clock);
    importLinks("lee@example.com,223456789012345678\n");

    assertThat(erase("223456789012345678").statusCode()).isEqualTo(200);
    assertThat(erase("lee@example.com").statusCode()).isEqualTo(404);
  }

  @Test
  void someoneNeverSeenIsStillA404() {
    app = TestApp.start(dir, "", clock);

    assertThat(erase("nobody@example.com").statusCode()).isEqualTo(404);
  }
}
