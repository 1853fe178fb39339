package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online backup of the H2 store while the app runs, and restore with the CLI once it is stopped.
 */
class BackupRestoreTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;

  @Test
  void restoreBringsBackTheStoreAsItWasAtTheBackup() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Path backup = dir.resolve("backup.zip");
    try (TestApp app = TestApp.start(dir, "", clock)) {
      assertThat(
              app.webhook(TestApp.closed("INC-1", T0, "{\"email\":\"a@example.com\"}"))
                  .statusCode())
          .isEqualTo(202);
      var r =
          app.admin(
              "POST",
              "/admin/backup",
              "{\"file\":\"" + backup.toString().replace("\\", "/") + "\"}");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains(backup.getFileName().toString());
      assertThat(
              app.webhook(TestApp.closed("INC-2", T0, "{\"email\":\"b@example.com\"}"))
                  .statusCode())
          .isEqualTo(202);
    }
    assertThat(Files.size(backup)).isPositive();
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(config, TestApp.baseYaml(dir));
    assertThat(
            Cli.execute(new String[] {"restore", backup.toString(), "--config", config.toString()}))
        .isZero();

    try (TestApp app = TestApp.start(dir, "", clock)) {
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-1", null).statusCode()).isEqualTo(200);
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-2", null).statusCode()).isEqualTo(404);
    }
  }
}
