package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and outputs of the CLI verbs that work without a running app. */
class CliTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CliRunner.Captured c = CliRunner.captured(args);
    return new Run(c.code(), c.out(), c.err());
  }

  @Test
  void checkConfigPrintsRedactedConfig() throws Exception {
    Run r = checkConfig("intake: { secret: hunter2 }\nserver: { port: 0 }\n");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("config OK")
        .contains("secret: \"${CLOSELOOP_INTAKE_SECRET}\"")
        .doesNotContain("hunter2");
  }

  @Test
  void checkConfigNotesSecretsShortEnoughToGuessAndStillPasses() throws Exception {
    Run weak =
        checkConfig(
            "admin: { token: adm }\nintake: { secret: hunter2 }\n"
                + "connectors: { zammad: { secret: abc } }\nserver: { port: 0 }\n");
    assertThat(weak.code()).isZero();
    assertThat(weak.err())
        .contains("note: admin.token is 3 characters long: short enough to guess")
        .contains("note: intake.secret is 7 characters long")
        .contains("note: connectors.zammad.secret is 3 characters long")
        .doesNotContain("hunter2");
    Run strong =
        checkConfig(
            "admin: { token: 6f1c0e9a2b7d4c3e8f5a1b2c3d4e5f60 }\nintake: { secret: '' }\n"
                + "server: { port: 0 }\n");
    assertThat(strong.code()).isZero();
    assertThat(strong.err()).as("long or empty (off): no note").doesNotContain("short enough");
  }

  @Test
  void invalidConfigExitsTwoNamingTheKey() throws Exception {
    Run r = checkConfig("survey: { cooldown: forever }\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("survey.cooldown");
  }

  @Test
  void aNumberWhereADurationOrADayGoesExitsTwoNamingTheKeyInsteadOfBeingReadAsSomethingElse()
      throws Exception {
    // 'delay: 15' ran with a 15-second delay (the time module reads a number as seconds) and
    // 'day: 1' posted the weekly summary on Tuesday (the enum's index); both exited 0
    String[][] refused = {
      {"survey: { delay: 15 }\n", "survey.delay: must be an ISO-8601 duration", "\"15\""},
      {"survey: { reminderAfter: 0 }\n", "survey.reminderAfter: must be an ISO-8601", "\"0\""},
      {"delivery: { backoff: 2.5 }\n", "delivery.backoff: must be an ISO-8601", "\"2.5\""},
      {"digest: { weekly: { day: 1 } }\n", "digest.weekly.day: must be one of MONDAY", "\"1\""},
    };
    for (String[] c : refused) {
      Run r = checkConfig(c[0]);
      assertThat(r.code()).as(c[0]).isEqualTo(2);
      assertThat(r.err().strip()).as(c[0]).doesNotContain("\n").contains(c[1], c[2]);
    }
    // as text (what ${VAR} gives) they read as before
    assertThat(checkConfig("survey: { delay: \"PT15M\", reminderAfter: PT0S }\n").code()).isZero();
    assertThat(checkConfig("digest: { weekly: { day: \"MONDAY\" } }\n").code()).isZero();
  }

  @Test
  void aConfigFileGivenButMissingExitsTwoInsteadOfRunningOnDefaults() {
    String missing = dir.resolve("closeloop.yaml").toString();
    for (String verb : new String[] {"check-config", "stats", "run"}) {
      Run r = run(verb, "--config", missing);
      assertThat(r.code()).as(verb).isEqualTo(2);
      assertThat(r.err().strip())
          .as(verb)
          .isEqualTo("invalid config: --config: no such file " + missing);
    }
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void aYamlSyntaxErrorIsOneLineWithWhereItIs() throws Exception {
    Run r = checkConfig("server:\n  port: 8080\nsurvey: [1, 2\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains(checkedConfig().toString(), "not valid YAML", "line 4");
  }

  /** The file {@link #checkConfig} writes. */
  private Path checkedConfig() {
    return dir.resolve("checked.yml");
  }

  /** {@code check-config} on a config file holding {@code yaml}. */
  private Run checkConfig(String yaml) throws Exception {
    Files.writeString(checkedConfig(), yaml);
    return run("check-config", "--config", checkedConfig().toString());
  }

  @Test
  void runOnAPortAlreadyInUseExitsOneNamingServerPort() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
      taken.bind(new java.net.InetSocketAddress("0.0.0.0", 0));
      Path cfg = dir.resolve("c.yml");
      String db = dir.resolve("db").toAbsolutePath().toString().replace("\\", "/");
      Files.writeString(
          cfg,
          "server: { port: "
              + taken.getLocalPort()
              + " }\nstorage: { url: \"jdbc:h2:file:"
              + db
              + "\" }\n");
      Run r = run("run", "--config", cfg.toString());
      assertThat(r.code()).isEqualTo(1);
      // before: Javalin's own words ("Port already in use. Make sure no other process is using
      // port N and try again."), naming no setting
      assertThat(r.err()).contains("server.port " + taken.getLocalPort() + " is already in use");
    }
  }

  @Test
  void aStoreHeldByAnotherProcessIsNamedInOneLine() throws Exception {
    Path cfg = dir.resolve("c.yml");
    String db = dir.resolve("db").toAbsolutePath().toString().replace("\\", "/");
    Files.writeString(cfg, "server: { port: 0 }\nstorage: { url: \"jdbc:h2:file:" + db + "\" }\n");
    assertThat(run("purge", "--config", cfg.toString()).code()).isZero(); // creates the store
    // the lock H2 takes on its file, held here as another process holds it
    try (var channel =
            java.nio.channels.FileChannel.open(
                dir.resolve("db.mv.db"), java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      Run r = run("stats", "--config", cfg.toString());
      assertThat(r.code()).isEqualTo(1);
      // before: "error: Failed to initialize pool: Database may be already in use: ... use the
      // server mode [90020-232]"
      assertThat(r.err().strip())
          .startsWith("error: the store jdbc:h2:file:" + db + " is open in another process")
          .contains("server.port")
          .doesNotContain("90020")
          .doesNotContain("\n");
    }
  }

  @Test
  void statsWithUntilBeforeSinceExitsTwo() throws Exception {
    Path cfg = dir.resolve("c.yml");
    String db = dir.resolve("db").toAbsolutePath().toString().replace("\\", "/");
    Files.writeString(cfg, "server: { port: 0 }\nstorage: { url: \"jdbc:h2:file:" + db + "\" }\n");
    Run r =
        run("stats", "--since", "2026-12-31", "--until", "2026-12-01", "--config", cfg.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("--until must not be before --since");
  }

  @Test
  void aDateThatIsNotOneIsNamedInWordsNotJavaTypes() {
    Run r = run("stats", "--since", "2026-13-01", "--config", dir.resolve("none.yml").toString());
    assertThat(r.code()).isEqualTo(2);
    // before: "cannot convert '2026-13-01' to class java.time.LocalDate
    // (java.time.format.DateTimeParseException: ...)"
    assertThat(r.err())
        .startsWith("Invalid value for option '--since': '2026-13-01' is not a date YYYY-MM-DD")
        .doesNotContain("java.");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(
            run("export", "--format", "xml", "--config", dir.resolve("none.yml").toString()).code())
        .isEqualTo(2);
    // no one to erase is bad usage (the admin API's 400), not "no such user"
    Run blank = run("erase-user", " ", "--config", dir.resolve("none.yml").toString());
    assertThat(blank.code()).isEqualTo(2);
    assertThat(blank.err()).contains("EMAIL_OR_ID");
  }

  @Test
  void storeVerbsWorkWithoutARunningApp() throws Exception {
    Path cfg = dir.resolve("c.yml");
    String db = dir.resolve("db").toAbsolutePath().toString().replace("\\", "/");
    Files.writeString(
        cfg,
        "server: { port: 0 }\nstorage: { url: \"jdbc:h2:file:"
            + db
            + "\" }\nbackup: { dir: \""
            + dir.toAbsolutePath().toString().replace("\\", "/")
            + "\" }\n");
    Run stats = run("stats", "--json", "--config", cfg.toString());
    assertThat(stats.code()).isZero();
    assertThat(stats.out()).contains("\"csat\"", "\"responseRate\"");
    Path links = dir.resolve("links.csv");
    Files.writeString(links, "email,discordId\ndana@example.com,123456789012345678\n");
    Run link = run("link", "import", links.toString(), "--config", cfg.toString());
    assertThat(link.code()).isZero();
    assertThat(link.out()).contains("\"linked\" : 1");
    Run backup = run("backup", "b.zip", "--config", cfg.toString());
    assertThat(backup.code()).isZero();
    assertThat(dir.resolve("b.zip")).exists();
    assertThat(run("erase-user", "nobody@example.com", "--config", cfg.toString()).code())
        .isEqualTo(1);
  }

  @Test
  void linkImportOfAFileThatIsNotUtf8ExitsTwoNamingTheLine() throws Exception {
    // before: exit 1, "error: Input length = 1"
    Path cfg = dir.resolve("c8.yml");
    String db = dir.resolve("db8").toAbsolutePath().toString().replace("\\", "/");
    Files.writeString(cfg, "server: { port: 0 }\nstorage: { url: \"jdbc:h2:file:" + db + "\" }\n");
    Path links = dir.resolve("latin1.csv");
    Files.write(
        links,
        "email,discordId\nJos\u00e9@example.com,123456789012345678\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Run link = run("link", "import", links.toString(), "--config", cfg.toString());
    assertThat(link.code()).isEqualTo(2);
    assertThat(link.err()).contains("line 2 is not UTF-8");
  }

  /**
   * Files named on the command line are read within a bound: before, a 3 GB links file, a config
   * that was /dev/zero or a huge file ended in an OutOfMemoryError and its stack trace (exit 1), a
   * directory in "error: Is a directory" (exit 1), and restoring a text file or a directory in H2's
   * "IO Exception: ... [90031-232]" (exit 1). Each is now a one-line reason naming the file, exit
   * 2.
   */
  @Test
  void hostileFilesAreRefusedNamingThemNotReadIntoAStackTrace() throws Exception {
    Path cfg = dir.resolve("h.yml");
    String db = dir.resolve("hdb").toAbsolutePath().toString().replace("\\", "/");
    Files.writeString(cfg, "server: { port: 0 }\nstorage: { url: \"jdbc:h2:file:" + db + "\" }\n");
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Path big = dir.resolve("big.csv");
    byte[] line = "dana@example.com,123456789012345678\n".getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (int written = 0; written <= 4 * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }

    Run huge = run("link", "import", big.toString(), "--config", cfg.toString());
    assertThat(huge.code()).isEqualTo(2);
    assertThat(huge.err()).contains(big.toString(), "is over 4 MiB").doesNotContain("\tat ");
    Run directory = run("link", "import", folder.toString(), "--config", cfg.toString());
    assertThat(directory.code()).isEqualTo(2);
    assertThat(directory.err()).contains(folder + " is a directory");

    Run bigConfig = run("check-config", "--config", big.toString());
    assertThat(bigConfig.code()).isEqualTo(2);
    assertThat(bigConfig.err()).contains("is over 1 MiB").doesNotContain("\tat ");
    Run folderConfig = run("check-config", "--config", folder.toString());
    assertThat(folderConfig.code()).isEqualTo(2);
    assertThat(folderConfig.err()).contains("is a directory");

    Path text = dir.resolve("notes.zip");
    Files.writeString(text, "not a zip");
    Run notZip = run("restore", text.toString(), "--config", cfg.toString());
    assertThat(notZip.code()).isEqualTo(2);
    assertThat(notZip.err()).contains(text + " is not a backup").doesNotContain("90031");
    Run folderRestore = run("restore", folder.toString(), "--config", cfg.toString());
    assertThat(folderRestore.code()).isEqualTo(2);
    assertThat(folderRestore.err()).contains("is not a file");
  }

  @Test
  void anUnexpectedFailureWithoutAMessageIsNamedNotPrintedAsNull() {
    // before: "error: null"
    assertThat(Cli.describe(new NullPointerException()))
        .isEqualTo(
            "unexpected NullPointerException (a bug: please report it with the command you ran)");
    assertThat(
            Cli.describe(new IllegalStateException(null, new java.io.IOException("disk full  "))))
        .isEqualTo("disk full");
    assertThat(Cli.describe(new IllegalStateException("store closed"))).isEqualTo("store closed");
  }
}
