package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Online backup of the H2 store while the app runs, and restore with the CLI once it is stopped.
 */
class BackupRestoreTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;

  @Test
  void restoreBringsBackTheStoreAsItWasAtTheBackup() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Path backups = dir.resolve("backups");
    Path backup = backups.resolve("backup.zip");
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    try (TestApp app = TestApp.start(dir, config, clock)) {
      assertThat(
              app.webhook(TestApp.closed("INC-1", T0, "{\"email\":\"a@example.com\"}"))
                  .statusCode())
          .isEqualTo(202);
      var r = app.admin("POST", "/admin/backup", "{\"file\":\"backup.zip\"}");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains(backup.toAbsolutePath().toString().replace("\\", "/"));
      assertThat(
              app.webhook(TestApp.closed("INC-2", T0, "{\"email\":\"b@example.com\"}"))
                  .statusCode())
          .isEqualTo(202);
    }
    assertThat(Files.size(backup)).isPositive();
    Path configFile = dir.resolve("closeloop.yml");
    Files.writeString(configFile, TestApp.baseYaml(dir));
    assertThat(
            Cli.execute(
                new String[] {"restore", backup.toString(), "--config", configFile.toString()}))
        .isZero();

    try (TestApp app = TestApp.start(dir, "", clock)) {
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-1", null).statusCode()).isEqualTo(200);
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-2", null).statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x.zip",
        "../../etc/cron.d/x",
        "/tmp/x.zip",
        "a/b.zip",
        "..\\x.zip",
        "..",
        ".",
        "\u202Epiz.exe",
        " x.zip",
        "x.zip "
      })
  void aBackupGoesToTheBackupDirectoryByFileNameOnly(String name) throws Exception {
    Path backups = dir.resolve("backups");
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    try (TestApp app = TestApp.start(dir.resolve("app"), config, new MutableClock(T0))) {
      String body = new ObjectMapper().createObjectNode().put("file", name).toString();
      var r = app.admin("POST", "/admin/backup", body);
      assertThat(r.statusCode()).isEqualTo(400);
      // a right-to-left override is refused as every admin field refuses control characters
      assertThat(r.body()).containsAnyOf("file name", "file contains control characters");
    }
    assertThat(dir.resolve("x.zip")).doesNotExist();
    assertThat(Path.of("/tmp/x.zip")).doesNotExist();
    assertThat(dir.resolve("backups/a")).doesNotExist();
  }

  /**
   * Backups asked at once queued inside H2, each holding a pooled connection: sixteen held all
   * eight for over a minute, and webhooks and /health/ready answered 503 meanwhile. A backup asked
   * while another runs is now 409 at once (the held permit stands for the one running).
   */
  @Test
  void aBackupAskedWhileAnotherRunsIs409AndWaitsForNothing() throws Exception {
    Path backups = dir.resolve("busy");
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    try (TestApp app = TestApp.start(dir.resolve("busy-app"), config, new MutableClock(T0))) {
      app.app.db().backupPermit.acquire();
      try {
        var r = app.admin("POST", "/admin/backup", "{\"file\":\"second.zip\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("a backup is already running");
        assertThat(backups.resolve("second.zip")).doesNotExist();
      } finally {
        app.app.db().backupPermit.release();
      }
      assertThat(app.admin("POST", "/admin/backup", "{\"file\":\"second.zip\"}").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aNameThatIsADirectoryInTheBackupDirectoryIs400NotA500() throws Exception {
    Path backups = dir.resolve("dirs");
    Files.createDirectories(backups.resolve("taken"));
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    try (TestApp app = TestApp.start(dir.resolve("dir-app"), config, new MutableClock(T0))) {
      var r = app.admin("POST", "/admin/backup", "{\"file\":\"taken\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("taken").contains("directory");
    }
  }

  /**
   * Whoever can write in backup.dir can leave a symbolic link there under the name the next backup
   * will take. H2's BACKUP TO opened the name and wrote through the link: the file it points to (a
   * config, the store itself, anything the app may write) was replaced by a zip. A backup is now
   * written under a name of its own and moved into place, which replaces the link, not its target.
   */
  @Test
  void aLinkPlantedInTheBackupDirectoryIsReplacedNotWrittenThrough() throws Exception {
    Path backups = Files.createDirectories(dir.resolve("planted"));
    Path victim = Files.writeString(dir.resolve("victim.yml"), "server: { port: 8080 }\n");
    Files.createSymbolicLink(backups.resolve("nightly.zip"), victim);
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    try (TestApp app = TestApp.start(dir.resolve("link-app"), config, new MutableClock(T0))) {
      var r = app.admin("POST", "/admin/backup", "{\"file\":\"nightly.zip\"}");
      assertThat(r.statusCode()).isEqualTo(200);
    }
    assertThat(Files.readString(victim)).isEqualTo("server: { port: 8080 }\n");
    assertThat(Files.isSymbolicLink(backups.resolve("nightly.zip"))).isFalse();
    assertThat(CliDataVerbs.Restore.notABackupOf(backups.resolve("nightly.zip"), "db")).isNull();
    try (var files = Files.list(backups)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("nightly.zip");
    }
  }

  /**
   * With backup.dir set to the store's own directory, the store's file name was taken as a backup
   * name: BACKUP TO truncated the live store while reading it. A name that is one of the store's
   * own files is refused (400, exit 2), and the store keeps working.
   */
  @Test
  void aBackupNamedAfterTheStoresOwnFileIsRefused() throws Exception {
    Path home = dir.resolve("same");
    String config = "backup: { dir: \"" + home.toString().replace("\\", "/") + "\" }";
    try (TestApp app = TestApp.start(home, config, new MutableClock(T0))) {
      for (String name : new String[] {"db.mv.db", "db.trace.db", "db.lock.db", "db.mv.db.tmp"}) {
        var r = app.admin("POST", "/admin/backup", "{\"file\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(name).isEqualTo(400);
        assertThat(r.body()).as(name).contains("the store's own");
      }
      assertThat(
              app.webhook(TestApp.closed("INC-9", T0, "{\"email\":\"a@example.com\"}"))
                  .statusCode())
          .isEqualTo(202);
    }
    Path configFile = dir.resolve("same.yml");
    Files.writeString(configFile, TestApp.baseYaml(home) + config + "\n");
    assertThat(Cli.execute(new String[] {"backup", "db.mv.db", "--config", configFile.toString()}))
        .isEqualTo(2);
    try (TestApp app = TestApp.start(home, config, new MutableClock(T0))) {
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-9", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theCliBackupTakesAFileNameToo() throws Exception {
    Path configFile = dir.resolve("closeloop.yml");
    Files.writeString(
        configFile,
        TestApp.baseYaml(dir)
            + "backup: { dir: \""
            + dir.resolve("backups").toString().replace("\\", "/")
            + "\" }\n");
    assertThat(Cli.execute(new String[] {"backup", "../x.zip", "--config", configFile.toString()}))
        .isEqualTo(2);
    assertThat(Cli.execute(new String[] {"backup", "b.zip", "--config", configFile.toString()}))
        .isZero();
    assertThat(dir.resolve("backups/b.zip")).isNotEmptyFile();
  }

  /**
   * restore checked only that the zip held an entry named like the store, then H2's Restore wrote
   * it over the live store: a tampered backup (garbage, another program's H2 file) replaced a
   * working store with one that could not be opened, and restore said "restored" (exit 0). It now
   * opens the backup's store aside first and replaces the live one only with a Closeloop store H2
   * can read; else exit 2, naming why, and the live store as it was.
   */
  @ParameterizedTest
  @ValueSource(strings = {"garbage", "cut", "foreign"})
  void aTamperedBackupIsRefusedAndTheLiveStoreKept(String how) throws Exception {
    Path home = dir.resolve("live");
    Path backups = dir.resolve("tampered-backups");
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    byte[] store = storeOfAGoodBackup(home, config, backups, "INC-7");
    byte[] entry =
        switch (how) {
          case "garbage" -> "not a store at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          case "foreign" -> foreignStore(dir.resolve("foreign"));
          default -> store;
        };
    Path bad = dir.resolve(how + ".zip");
    if (how.equals("cut")) {
      // a copy cut short (a full disk, a broken transfer): already refused before this fix
      byte[] whole = Files.readAllBytes(backups.resolve("good.zip"));
      Files.write(bad, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
    } else {
      try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
        zip.putNextEntry(new java.util.zip.ZipEntry("db.mv.db"));
        zip.write(entry);
        zip.closeEntry();
      }
    }
    Path configFile = dir.resolve("tampered.yml");
    Files.writeString(configFile, TestApp.baseYaml(home));
    var run = CliRunner.captured("restore", bad.toString(), "--config", configFile.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains(bad.toString())
        .contains(how.equals("cut") ? "not a zip" : "not a Closeloop store");
    try (TestApp app = TestApp.start(home, config, new MutableClock(T0))) {
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-7", null).statusCode()).isEqualTo(200);
    }
    try (var files = Files.list(home)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.contains("restore")))
          .isEmpty();
    }
  }

  /**
   * restore inflated the backup's store beside the live one with no bound: a zip of a few kilobytes
   * can inflate to any size (a zip bomb, its header saying it holds little) and fill the disk the
   * live store is on, and an honest header could ask for more than the disk has. Now the copy stops
   * at the size the zip declares, that size must fit in the free space (keeping 64 MiB), and either
   * is exit 2 naming the file, with the live store as it was.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bomb", "huge"})
  void aBackupLargerThanItSaysOrThanTheDiskIsRefusedAndTheLiveStoreKept(String how)
      throws Exception {
    Path home = dir.resolve("live");
    Path backups = dir.resolve("large-backups");
    String config = "backup: { dir: \"" + backups.toString().replace("\\", "/") + "\" }";
    byte[] store = storeOfAGoodBackup(home, config, backups, "INC-8");
    // bomb: 64 MiB of zeros (some 64 KiB of zip) said to be 1 MiB; huge: the real store said to
    // be a pebibyte, more than any test machine has free
    byte[] entry = how.equals("bomb") ? new byte[64 << 20] : store;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("db.mv.db"));
      zip.write(entry);
      zip.closeEntry();
    }
    Path bad = dir.resolve(how + ".zip");
    Files.write(bad, declaredSize(bytes.toByteArray(), how.equals("bomb") ? 1L << 20 : 1L << 50));
    assertThat(Files.size(bad)).isLessThan(1L << 20);

    Path configFile = dir.resolve("large.yml");
    Files.writeString(configFile, TestApp.baseYaml(home));
    var run = CliRunner.captured("restore", bad.toString(), "--config", configFile.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains(bad.toString())
        .contains(how.equals("bomb") ? "inflates past the 1048576 bytes" : "bytes free beside")
        .contains("the store is left as it was");
    try (TestApp app = TestApp.start(home, config, new MutableClock(T0))) {
      assertThat(app.admin("GET", "/admin/surveys?ticket=INC-8", null).statusCode()).isEqualTo(200);
    }
    try (var files = Files.list(home)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.contains("restore")))
          .isEmpty();
    }
  }

  /**
   * The zip {@code zip} (one entry) with its central directory saying the entry inflates to {@code
   * size} bytes; past 4 GiB in a ZIP64 extra field, as zip tools write it.
   */
  private static byte[] declaredSize(byte[] zip, long size) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.wrap(zip.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int end = zip.length - 22;
    while (b.getInt(end) != 0x06054b50) {
      end--;
    }
    int cen = b.getInt(end + 16);
    if (size < 0xFFFFFFFFL) {
      b.putInt(cen + 24, (int) size);
      return b.array();
    }
    b.putInt(cen + 24, 0xFFFFFFFF);
    int extraAt = cen + 46 + b.getShort(cen + 28) + b.getShort(cen + 30);
    b.putShort(cen + 30, (short) (b.getShort(cen + 30) + 12));
    b.putInt(end + 12, b.getInt(end + 12) + 12);
    java.nio.ByteBuffer extra =
        java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    extra.putShort((short) 1).putShort((short) 8).putLong(size);
    byte[] out = new byte[zip.length + 12];
    System.arraycopy(b.array(), 0, out, 0, extraAt);
    System.arraycopy(extra.array(), 0, out, extraAt, 12);
    System.arraycopy(b.array(), extraAt, out, extraAt + 12, zip.length - extraAt);
    return out;
  }

  /** An H2 store of some other program: one table, no Closeloop schema. */
  private static byte[] foreignStore(Path at) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + at.resolve("other"));
        var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INT)");
    }
    return Files.readAllBytes(at.resolve("other.mv.db"));
  }

  /**
   * A server in another process (port 0, no portFile: nothing tells the CLI it runs) holds the H2
   * file; restore must see that and refuse rather than overwrite a live store.
   */
  @Test
  void restoreRefusesWhileAnotherProcessHoldsTheStore() throws Exception {
    Path backup = dir.resolve("old.zip");
    try (TestApp app = TestApp.start(dir.resolve("first"), "", new MutableClock(T0))) {
      app.app.db().backup(backup);
    }
    Path configFile = dir.resolve("closeloop.yml");
    Files.writeString(
        configFile,
        """
        server: { port: 0, portFile: null }
        storage: { url: "jdbc:h2:file:%s/db" }
        """
            .formatted(dir.toAbsolutePath().toString().replace("\\", "/")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.closeloop.app.Main",
                "run",
                "--config",
                configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.readString(dir.resolve("server.log")).contains("closeloop ready"));
      int code =
          Cli.execute(
              new String[] {"restore", backup.toString(), "--config", configFile.toString()});
      assertThat(code).isEqualTo(1);
      assertThat(server.isAlive()).isTrue();
    } finally {
      server.destroy();
      server.waitFor();
    }
    // the live store was left alone: it still opens and holds what the server wrote
    assertThat(dir.resolve("db.mv.db")).isNotEmptyFile();
  }

  /**
   * A store with one close, backed up as {@code good.zip} in {@code backups} ({@code config}'s
   * backup.dir): the bytes of the store file inside it (what the tampered and oversized backups are
   * made from).
   */
  private static byte[] storeOfAGoodBackup(Path home, String config, Path backups, String ticket)
      throws Exception {
    try (TestApp app = TestApp.start(home, config, new MutableClock(T0))) {
      assertThat(
              app.webhook(TestApp.closed(ticket, T0, "{\"email\":\"a@example.com\"}")).statusCode())
          .isEqualTo(202);
      assertThat(app.admin("POST", "/admin/backup", "{\"file\":\"good.zip\"}").statusCode())
          .isEqualTo(200);
    }
    try (var zip = new java.util.zip.ZipFile(backups.resolve("good.zip").toFile())) {
      return zip.getInputStream(zip.getEntry("db.mv.db")).readAllBytes();
    }
  }
}
