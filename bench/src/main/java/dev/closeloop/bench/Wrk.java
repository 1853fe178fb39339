package dev.closeloop.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed loop run by wrk (Debian package {@code wrk}), an external load generator in C: a
 * second process on loopback, as a load test from outside would be. The requests are the same
 * pre-signed bytes {@link Load} sends ({@code bench/wrk/signed.lua} hands each out once).
 */
final class Wrk {
  private static final Pattern LINE =
      Pattern.compile(
          "WRK duration_us=(\\d+) requests=(\\d+) errors=(\\d+) ran_out=(\\d+) p50_us=(\\d+)"
              + " p99_us=(\\d+) p999_us=(\\d+) max_us=(\\d+) statuses=(\\S*)");

  private Wrk() {}

  /** Whether a {@code wrk} binary is on the PATH. */
  static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code wrk -t threads -c connections -d seconds}; {@code requests} signed requests are
   * prepared, enough that none is sent twice (a repeat would count as not accepted).
   */
  static Load.Result closedLoop(
      Load load,
      Path dir,
      int threads,
      int connections,
      double seconds,
      int from,
      int requests,
      IntFunction<String> body)
      throws IOException, InterruptedException {
    Path prefix = dir.resolve("wrk-requests-" + from);
    List<Path> files = new ArrayList<>();
    for (int t = 1; t <= threads; t++) {
      Path file = Path.of(prefix + "-" + t);
      files.add(file);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        // thread t sends requests t-1, t-1+threads, ...: every index once, whichever thread
        for (int k = t - 1; k < requests; k += threads) {
          byte[] r = load.rawRequest(body.apply(from + k));
          out.write((r.length + "\n").getBytes(StandardCharsets.US_ASCII));
          out.write(r);
        }
      }
    }
    Path script = Path.of(System.getProperty("bench.wrk.script", "bench/wrk/signed.lua"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t",
                Integer.toString(threads),
                "-c",
                Integer.toString(connections),
                "-d",
                Math.max(1, Math.round(seconds)) + "s",
                "--timeout",
                "30s",
                "-s",
                script.toAbsolutePath().toString(),
                "http://127.0.0.1:" + load.port() + "/hooks/tickets",
                "--",
                prefix.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    Matcher m = LINE.matcher(output);
    if (!m.find()) {
      throw new IOException("wrk gave no result line:\n" + output);
    }
    if (Long.parseLong(m.group(4)) > 0) {
      Bench.say("  wrk ran out of prepared requests (%s repeats): raise the estimate", m.group(4));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (String kv : m.group(9).split(",")) {
      if (!kv.isEmpty()) {
        String[] p2 = kv.split("=");
        statuses.put(Integer.parseInt(p2[0]), Integer.parseInt(p2[1]));
      }
    }
    int sent = Integer.parseInt(m.group(2));
    int accepted = statuses.getOrDefault(202, 0);
    double secs = Long.parseLong(m.group(1)) / 1e6;
    Stats latency =
        Stats.reported(
            Long.parseLong(m.group(5)) / 1e3,
            Long.parseLong(m.group(6)) / 1e3,
            Long.parseLong(m.group(7)) / 1e3,
            Long.parseLong(m.group(8)) / 1e3,
            sent);
    return new Load.Result(sent, accepted, statuses, secs, latency);
  }
}
