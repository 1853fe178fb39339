package dev.closeloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark harness: {@code Bench intake|delivery|digest|footprint|scaling [--key value ...]}.
 * Each benchmark measures the built jar ({@code -Dcloseloop.jar}, default {@code
 * target/closeloop.jar}) from the outside, beside a baseline or a limit measured in the same run.
 * See bench/README.md.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.println("usage: Bench intake|delivery|digest|footprint|scaling [--key value ...]");
      System.exit(2);
    }
    Args a = Args.parse(argv);
    waitQuiet(a.i("wait-quiet", 0));
    switch (argv[0]) {
      case "intake" -> IntakeBench.run(a);
      case "delivery" -> DeliveryBench.run(a);
      case "digest" -> DigestBench.run(a);
      case "footprint" -> FootprintBench.run(a);
      case "scaling" -> ScalingBench.run(a);
      default -> {
        System.err.println("unknown benchmark " + argv[0]);
        System.exit(2);
      }
    }
    System.exit(0);
  }

  /** {@code --key value} pairs. */
  record Args(Map<String, String> values) {
    static Args parse(String[] argv) {
      Map<String, String> m = new HashMap<>();
      for (int i = 1; i + 1 < argv.length; i += 2) {
        m.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
      }
      return new Args(m);
    }

    static Args of(String... kv) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i + 1 < kv.length; i += 2) {
        m.put(kv[i], kv[i + 1]);
      }
      return new Args(m);
    }

    int i(String key, int dflt) {
      return values.containsKey(key) ? Integer.parseInt(values.get(key)) : dflt;
    }

    double d(String key, double dflt) {
      return values.containsKey(key) ? Double.parseDouble(values.get(key)) : dflt;
    }

    String s(String key, String dflt) {
      return values.getOrDefault(key, dflt);
    }
  }

  /** A fresh working directory under target/bench (H2 files, configs, logs). */
  static Path workDir(String name) throws Exception {
    Path root = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    Files.createDirectories(root);
    return Files.createTempDirectory(root, name + "-");
  }

  /**
   * Waits up to {@code seconds} for the 1-minute load average to fall under 1.5 (other work on the
   * machine skews every figure), then goes on either way and says which.
   */
  static void waitQuiet(int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (seconds > 0 && System.nanoTime() < end) {
      if (oneMinuteLoad() < 1.5) {
        say("machine quiet: load %s", loadAverage());
        return;
      }
      Thread.sleep(5_000);
    }
    if (seconds > 0) {
      say(
          "machine NOT quiet after %d s: load %s (figures of this run are suspect)",
          seconds, loadAverage());
    }
  }

  private static double oneMinuteLoad() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return 0;
    }
  }

  /** The 1-, 5- and 15-minute load averages (the machine must be quiet for a figure to count). */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "?";
    }
  }

  static void say(String fmt, Object... args) {
    System.out.println(String.format(fmt, args));
    System.out.flush();
  }
}
