package dev.closeloop.bench;

import java.util.Arrays;

/**
 * Footprint: {@code java -jar closeloop.jar run} with no JVM flags, Slack and Discord configured
 * against the fakes (behind the limiters): time from process start to the ready line, and resident
 * memory (VmRSS) once idle. Repeated {@code --runs} times on a fresh store (Flyway creates the
 * schema), or with {@code --store restart} on a store an earlier start of the same jar created and
 * stopped (the usual restart); medians reported.
 */
final class FootprintBench {
  /** Medians. */
  record Result(double readyMillis, double rssIdleMiB, String readyLine) {}

  private FootprintBench() {}

  static Result run(Bench.Args a) throws Exception {
    int runs = a.i("runs", 3);
    int idleSeconds = a.i("idle", 15);
    boolean restart = a.s("store", "fresh").equals("restart");
    double[] ready = new double[runs];
    double[] rss = new double[runs];
    String line = null;
    for (int r = 0; r < runs; r++) {
      try (Rig rig = new Rig(Bench.workDir("footprint"))) {
        java.nio.file.Path config = rig.writeConfig();
        if (restart) {
          try (Jar first = Jar.app(config, rig.dir.resolve("first.log")).awaitReady(120)) {
            Bench.say("footprint run %d: store created by a first start", r + 1);
          }
        }
        try (Jar jar = Jar.app(config, rig.dir.resolve("app.log")).awaitReady(120)) {
          ready[r] = jar.readyMillis();
          line = jar.readyLine();
          Thread.sleep(idleSeconds * 1000L);
          rss[r] = jar.rssMiB();
          Bench.say(
              "footprint run %d: %s after %.0f ms (%.1f CPU s by then); RSS after %d s idle %.0f MiB",
              r + 1, line, ready[r], jar.readyCpuSeconds(), idleSeconds, rss[r]);
        }
      }
    }
    Arrays.sort(ready);
    Arrays.sort(rss);
    Result res = new Result(ready[runs / 2], rss[runs / 2], line);
    Bench.say(
        "  median ready %.0f ms (target <= 2000); median RSS idle %.0f MiB (target <= 192); JVM flags: none",
        res.readyMillis(), res.rssIdleMiB());
    return res;
  }
}
