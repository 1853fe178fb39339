package dev.closeloop.app;

import static dev.closeloop.app.Cli.FAILED;
import static dev.closeloop.app.Cli.OK;
import static dev.closeloop.app.Cli.USAGE;

import dev.closeloop.app.Cli.Failure;
import dev.closeloop.config.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs that move or remove the data: export, purge, erase-user, backup, restore. */
final class CliDataVerbs {
  private CliDataVerbs() {}

  @Command(name = "export", description = "Export surveys and answers (stdout).")
  static final class Export extends CliVerb {
    @Option(
        names = "--format",
        required = true,
        paramLabel = "csv|json",
        description = "csv or json")
    String format;

    @Option(
        names = "--user",
        paramLabel = "EMAIL_OR_ID",
        description = "only this person (email or platform id)")
    String user;

    @Override
    public Integer call() throws Exception {
      if (!format.equals("csv") && !format.equals("json")) {
        err().println("--format must be csv or json");
        return USAGE;
      }
      String q =
          "?format="
              + format
              + (user == null
                  ? ""
                  : "&user=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8));
      // streamed page by page to stdout (constant memory), a progress bar on stderr for a person
      Config config = config();
      Integer port = appPort(config);
      try (Progress p = Progress.start("export", -1)) {
        if (port == null) {
          try (App app = new App(config, Clock.systemUTC(), Map.of())) {
            app.admin.export(format, user, out());
          }
          out().flush();
          return OK;
        }
        HttpResponse<java.io.InputStream> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/admin/export" + q))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + config.admin().token())
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = r.body()) {
          if (r.statusCode() >= 300) {
            throw new Failure(
                r.statusCode() == 400 ? USAGE : FAILED,
                "the app answered "
                    + r.statusCode()
                    + ": "
                    + new String(body.readNBytes(4096), StandardCharsets.UTF_8));
          }
          new java.io.InputStreamReader(body, StandardCharsets.UTF_8).transferTo(out());
        }
      }
      out().flush();
      return OK;
    }
  }

  @Command(name = "purge", description = "Remove data older than retention.keep.")
  static final class Purge extends CliVerb {
    @Override
    public Integer call() throws Exception {
      return withProgress(
          "purge",
          config(),
          "POST",
          "/admin/purge",
          null,
          app -> Map.of("removed", app.retention.purge()));
    }
  }

  @Command(name = "erase-user", description = "Erase everything about a person.")
  static final class EraseUser extends CliVerb {
    @Parameters(index = "0", paramLabel = "EMAIL_OR_ID")
    String user;

    @Override
    public Integer call() throws Exception {
      if (user == null || user.isBlank()) {
        err().println("erase-user needs EMAIL_OR_ID: the person's email, Slack id or Discord id");
        return USAGE;
      }
      String body = Json.MAPPER.writeValueAsString(Map.of("user", user));
      return viaAppOrStore(
          config(),
          "POST",
          "/admin/erase-user",
          body,
          app -> {
            if (!app.retention.eraseUser(user)) {
              throw new IllegalStateException("no such user");
            }
            return Map.of("erased", true);
          });
    }
  }

  @Command(
      name = "backup",
      description = "Online backup of the H2 store to NAME (zip) in backup.dir.")
  static final class Backup extends CliVerb {
    @Parameters(index = "0", paramLabel = "NAME")
    String file;

    @Override
    public Integer call() throws Exception {
      Config config = config();
      if (!Backups.isFileName(file)) {
        err().println("backup writes to backup.dir: give a file name (no /, \\ or ..)");
        return USAGE;
      }
      Path target;
      try {
        target = Backups.target(config.backup(), config.storage(), file);
      } catch (IllegalArgumentException e) {
        err().println(e.getMessage());
        return USAGE;
      }
      String body = Json.MAPPER.writeValueAsString(Map.of("file", file));
      return withProgress(
          "backup",
          config,
          "POST",
          "/admin/backup",
          body,
          app -> Map.of("file", app.db().backup(target).toString()));
    }
  }

  @Command(
      name = "restore",
      description = "Restore the H2 store from a backup FILE (app must be stopped).")
  static final class Restore extends CliVerb {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      Config config = config();
      if (runningPort(config) != null) {
        err().println("the app is running: stop it before restore");
        return FAILED;
      }
      String url = config.storage().url();
      if (!url.startsWith("jdbc:h2:file:")) {
        err().println("restore works on an H2 file store; for PostgreSQL use pg_restore");
        return USAGE;
      }
      if (!Files.isReadable(file)) {
        err().println("cannot read " + file);
        return USAGE;
      }
      Path db = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath();
      String notABackup = notABackupOf(file, db.getFileName().toString());
      if (notABackup != null) {
        err().println(notABackup);
        return USAGE;
      }
      // whatever server.port / portFile say: the store itself knows whether a process holds it
      var busy = Backups.inUse(db, config.storage());
      if (busy.isPresent()) {
        err().println(busy.get());
        return FAILED;
      }
      Path dir = db.getParent();
      try (Progress p = Progress.start("restore", -1)) {
        org.h2.tools.Restore.execute(file.toString(), dir.toString(), db.getFileName().toString());
      }
      out().println("restored " + db + " from " + file);
      return OK;
    }

    /**
     * Why {@code file} is not a backup of the store named {@code name} (a zip holding {@code
     * name.mv.db}, as {@code backup} writes it), or null when it is: a directory, a device or a
     * text file given by mistake is bad usage, said plainly, not H2's "IO Exception ... [90031]".
     */
    static String notABackupOf(Path file, String name) {
      if (!Files.isRegularFile(file)) {
        return file + " is not a file: give the zip that `backup` wrote";
      }
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
        if (zip.getEntry(name + ".mv.db") == null) {
          return file
              + " is not a backup of this store (it holds no "
              + name
              + ".mv.db): give the zip that `backup` wrote";
        }
        return null;
      } catch (java.io.IOException e) {
        return file + " is not a backup (not a zip file): give the zip that `backup` wrote";
      }
    }
  }
}
