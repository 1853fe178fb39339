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
    public Integer call() throws Exception {
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
      String name = db.getFileName().toString();
      try (Progress p = Progress.start("restore", -1)) {
        Files.createDirectories(dir);
        // the backup's store is taken out and opened aside first: H2's Restore wrote a tampered
        // one (garbage, cut short, another program's) straight over the live store, which then
        // could not be opened, and said nothing
        Path aside = Files.createTempDirectory(dir, "." + name + "-restore-");
        try {
          Path store = aside.resolve(name + ".mv.db");
          String tooLarge = takeOut(file, name + ".mv.db", store);
          if (tooLarge != null) {
            err().println(file + " " + tooLarge + ": the store is left as it was");
            return USAGE;
          }
          String unusable = notAStore(aside.resolve(name), config.storage());
          if (unusable != null) {
            err()
                .println(
                    file
                        + " is not a Closeloop store H2 can open ("
                        + unusable
                        + "): the store is left as it was; give the zip that `backup` wrote");
            return USAGE;
          }
          Files.move(
              store,
              db.resolveSibling(name + ".mv.db"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
          deleteTree(aside);
        }
      }
      out().println("restored " + db + " from " + file);
      return OK;
    }

    /** Disk space a restore leaves free beside the store: it never fills the disk to the end. */
    static final long DISK_RESERVE = 64L << 20;

    /**
     * Copies the zip's {@code entry} to {@code to}, or says why not (null when copied). A zip says
     * how large each entry is, but inflating it is what tells: a few kilobytes of zip could inflate
     * to any size (a zip bomb) and fill the disk the live store is on. So the copy stops at the
     * size the zip declares, and that size must fit in the free space of {@code to}'s disk, keeping
     * {@link #DISK_RESERVE}.
     */
    static String takeOut(Path file, String entry, Path to) throws java.io.IOException {
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
        java.util.zip.ZipEntry e = zip.getEntry(entry);
        long declared = e.getSize();
        long free = Files.getFileStore(to.getParent()).getUsableSpace();
        if (declared < 0 || declared > free - DISK_RESERVE) {
          return "holds a store of "
              + (declared < 0 ? "unknown size" : declared + " bytes")
              + ", more than the "
              + Math.max(0, free - DISK_RESERVE)
              + " bytes free beside the store (keeping "
              + (DISK_RESERVE >> 20)
              + " MiB)";
        }
        try (java.io.InputStream in = zip.getInputStream(e);
            java.io.OutputStream out = Files.newOutputStream(to)) {
          byte[] buffer = new byte[64 * 1024];
          long copied = 0;
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > declared) {
              return "is not a backup `backup` wrote: its "
                  + entry
                  + " inflates past the "
                  + declared
                  + " bytes the zip says it holds";
            }
            out.write(buffer, 0, n);
          }
        }
        return null;
      }
    }

    /**
     * Why the H2 store at {@code store} (a name, without {@code .mv.db}) is not one Closeloop can
     * run on, or null: it must open with the configured credentials and hold Closeloop's schema
     * history.
     */
    static String notAStore(Path store, Config.Storage storage) {
      // the store's own settings (a CIPHER, say) as configured, but no server or lock of its own
      StringBuilder options = new StringBuilder();
      String[] parts = storage.url().split(";");
      for (int i = 1; i < parts.length; i++) {
        String key = parts[i].split("=", 2)[0].strip().toUpperCase(java.util.Locale.ROOT);
        if (!key.isEmpty()
            && !java.util.Set.of("IFEXISTS", "FILE_LOCK", "AUTO_SERVER", "AUTO_SERVER_PORT")
                .contains(key)) {
          options.append(';').append(parts[i]);
        }
      }
      String url =
          "jdbc:h2:file:"
              + store.toString().replace('\\', '/')
              + options
              + ";IFEXISTS=TRUE;FILE_LOCK=NO";
      try (var c = java.sql.DriverManager.getConnection(url, storage.user(), storage.password());
          var s = c.createStatement()) {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (var r =
            s.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
          while (r.next()) {
            tables.add(r.getString(1));
          }
        }
        if (tables.stream().noneMatch("flyway_schema_history"::equalsIgnoreCase)) {
          return "it has no Closeloop schema";
        }
        // every row read once: a store cut short can open on an older chunk and still miss pages
        for (String table : tables) {
          try (var r = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            while (r.next()) {
              for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                r.getObject(i);
              }
            }
          }
        }
        return null;
      } catch (java.sql.SQLException e) {
        return "H2: " + HttpApi.cut(e.getMessage().lines().findFirst().orElse(""));
      }
    }

    private static void deleteTree(Path root) {
      try (var paths = Files.walk(root)) {
        paths
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(
                f -> {
                  try {
                    Files.deleteIfExists(f);
                  } catch (java.io.IOException e) {
                    // a leftover in the store's directory, harmless
                  }
                });
      } catch (java.io.IOException e) {
        // nothing to clean
      }
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
