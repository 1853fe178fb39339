package dev.closeloop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java process started as an operator would: {@code java -jar closeloop.jar run --config FILE}
 * with no JVM options (or, for the baseline, {@code java -cp ... Main}). Its output goes to a log
 * file; {@link #readyMillis()} is the time from process start to the ready line.
 */
final class Jar implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("closeloop ready on port (\\d+)(.*)");

  final Process process;
  final Path log;
  private final long startNanos;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile long readyNanos;
  private volatile int port = -1;
  private volatile String readyLine;
  private volatile double readyCpuSeconds = Double.NaN;

  private Jar(List<String> command, Path log) throws IOException {
    this.log = log;
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("_JAVA_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    startNanos = System.nanoTime();
    process = pb.start();
    Thread t = new Thread(this::pump, "jar-output");
    t.setDaemon(true);
    t.start();
  }

  /** Finds the app jar: -Dcloseloop.jar, else target/closeloop.jar. */
  static Path jarPath() {
    return Path.of(System.getProperty("closeloop.jar", "target/closeloop.jar")).toAbsolutePath();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -jar closeloop.jar run --config config} — no JVM flags. */
  static Jar app(Path config, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(profilingOptions());
    cmd.addAll(List.of("-jar", jarPath().toString(), "run", "--config", config.toString()));
    return new Jar(cmd, log);
  }

  /**
   * JVM options from {@code BENCH_PROFILE_OPTS} (space-separated), for profiling a run only, e.g.
   * {@code -Xlog:class+load:file=/tmp/cl.txt:uptime}. Empty by default: no figure in the README was
   * measured with any.
   */
  static List<String> profilingOptions() {
    String opts = System.getenv("BENCH_PROFILE_OPTS");
    return opts == null || opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
  }

  /**
   * {@code java -cp closeloop.jar:<bench classes> mainClass args} — the baseline, also with no JVM
   * flags.
   */
  static Jar main(Class<?> mainClass, Path log, String... args) throws IOException {
    String benchClasses =
        Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java(),
                "-cp",
                jarPath() + java.io.File.pathSeparator + benchClasses,
                mainClass.getName()));
    cmd.addAll(List.of(args));
    return new Jar(cmd, log);
  }

  /**
   * The Jetty 12 baseline, {@code bench/bare/BareServer.java}, run by the JDK's source launcher on
   * the jars the {@code bench-bare} Maven execution copies to {@code target/bench-bare-lib} — no
   * JVM flags either.
   */
  static Jar bare(Path log, String... args) throws IOException {
    Path source =
        Path.of(System.getProperty("bench.bare.source", "bench/bare/BareServer.java"))
            .toAbsolutePath();
    Path lib =
        Path.of(System.getProperty("bench.bare.lib", "target/bench-bare-lib")).toAbsolutePath();
    if (!Files.isRegularFile(source) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "the Jetty 12 baseline needs "
              + source
              + " and "
              + lib
              + " (./mvnw -q dependency:copy@bench-bare)");
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(java(), "-cp", lib + java.io.File.separator + "*", source.toString()));
    cmd.addAll(List.of(args));
    return new Jar(cmd, log);
  }

  private void pump() {
    try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        w.write(line);
        w.newLine();
        w.flush();
        if (readyLine == null) {
          Matcher m = READY.matcher(line);
          if (m.find()) {
            readyNanos = System.nanoTime();
            readyCpuSeconds = cpuSeconds(process.pid());
            readyLine = line.substring(m.start());
            port = Integer.parseInt(m.group(1));
            ready.countDown();
          }
        }
      }
    } catch (IOException e) {
      // process gone
    }
  }

  /** Waits for the ready line; fails with the log's tail when it does not come. */
  Jar awaitReady(long seconds) throws Exception {
    if (!ready.await(seconds, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException(
          "no ready line within " + seconds + " s; log " + log + ":\n" + tail());
    }
    return this;
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  int port() {
    return port;
  }

  String readyLine() {
    return readyLine;
  }

  double readyMillis() {
    return (readyNanos - startNanos) / 1e6;
  }

  /** CPU time (user + system, all threads) the process had used when it printed the ready line. */
  double readyCpuSeconds() {
    return readyCpuSeconds;
  }

  /**
   * User + system CPU seconds of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks
   * of 1/100 s).
   */
  static double cpuSeconds(long pid) {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** User + system clock ticks from the text of a /proc stat file (a process's or a thread's). */
  private static long cpuTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * CPU seconds used so far by the process's JIT compiler threads (the tasks HotSpot names "C1
   * CompilerThread…" and "C2 CompilerThread…"), from /proc/PID/task/TID/stat; NaN when unknown. A
   * compiler thread that has already ended is not counted.
   */
  static double compilerCpuSeconds(long pid) {
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      long ticks = 0;
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          ticks += cpuTicks(stat);
        }
      }
      return ticks / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Resident set size in MiB, from /proc/PID/status (VmRSS). */
  double rssMiB() {
    return rssMiB(process.pid());
  }

  static double rssMiB(long pid) {
    return statusMiB(pid, "VmRSS:");
  }

  /** A size field of /proc/PID/status in MiB (VmRSS, VmHWM: the peak resident set). */
  static double statusMiB(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // not Linux, or gone
    }
    return Double.NaN;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
