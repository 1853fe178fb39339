package dev.closeloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Intake: signed generic webhooks at the running jar, closed-loop at a concurrency and open-loop at
 * a fixed rate, beside {@link BareServer} (same HTTP stack, same H2 insert, no logic) in the same
 * run.
 */
final class IntakeBench {
  static final String SECRET = "bench-secret";

  /** Both sides' figures. */
  record Result(Load.Result bare, Load.Result app, Load.Result bareRate, Load.Result appRate) {
    double ratio() {
      return app.acceptedPerSecond() / bare.acceptedPerSecond();
    }
  }

  private IntakeBench() {}

  static Result run(Bench.Args a) throws Exception {
    int concurrency = a.i("concurrency", 16);
    int count = a.i("count", 20_000);
    int warmup = a.i("warmup", 3_000);
    int rate = a.i("rate", 500);
    double rateSeconds = a.d("rate-seconds", 20);
    Path dir = Bench.workDir("intake");
    Bench.say(
        "intake: concurrency=%d count=%d warmup=%d, then %d req/s for %.0f s; dir %s",
        concurrency, count, warmup, rate, rateSeconds, dir);

    Load.Result bare;
    Load.Result bareRate;
    Path barePort = dir.resolve("bare.port");
    try (Jar j =
        Jar.main(
                BareServer.class,
                dir.resolve("bare.log"),
                dir.resolve("bare").toString(),
                barePort.toString())
            .awaitReady(60)) {
      Load load = new Load(j.port(), SECRET);
      String run = "B" + System.currentTimeMillis();
      load.closedLoop(
          concurrency,
          0,
          warmup,
          i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      bare =
          load.closedLoop(
              concurrency,
              warmup,
              count,
              i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      Bench.say("  bare baseline   : %s", bare.line());
      bareRate =
          load.fixedRate(
              rate,
              rateSeconds,
              warmup + count,
              i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      Bench.say("  bare @%d/s     : %s", rate, bareRate.line());
    }

    Load.Result app;
    Load.Result appRate;
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(
        config,
        """
        server: { port: 0, portFile: "%s" }
        storage: { url: "jdbc:h2:file:%s" }
        intake: { secret: "%s" }
        admin: { token: "bench-token" }
        """
            .formatted(dir.resolve("app.port"), dir.resolve("app/closeloop"), SECRET));
    try (Jar j = Jar.app(config, dir.resolve("app.log")).awaitReady(60)) {
      Load load = new Load(j.port(), SECRET);
      String run = "A" + System.currentTimeMillis();
      load.closedLoop(
          concurrency,
          0,
          warmup,
          i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      app =
          load.closedLoop(
              concurrency,
              warmup,
              count,
              i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      Bench.say("  closeloop       : %s", app.line());
      appRate =
          load.fixedRate(
              rate,
              rateSeconds,
              warmup + count,
              i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i)));
      Bench.say("  closeloop @%d/s: %s", rate, appRate.line());
    }
    Result r = new Result(bare, app, bareRate, appRate);
    Bench.say(
        "  ratio closeloop/bare throughput = %.2f (target >= 0.50); closeloop p99 @%d/s = %.2f ms (target < 25)",
        r.ratio(), rate, appRate.latency().pMillis(0.99));
    return r;
  }
}
