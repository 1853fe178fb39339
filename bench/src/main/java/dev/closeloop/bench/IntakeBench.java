package dev.closeloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Intake: signed generic webhooks at the running jar, closed-loop at a concurrency and open-loop at
 * a fixed rate, beside the really bare baseline ({@code bench/bare/BareServer.java}: Jetty 12 + H2,
 * the HMAC check and the insert, nothing else) measured in the same run, by the same generator.
 */
final class IntakeBench {
  static final String SECRET = "bench-secret";

  /**
   * One server's figures: closed loop, open loop, its CPU per request in the closed loop, and the
   * share of that CPU its JIT compiler threads used (still compiling means not yet warm).
   */
  record Side(
      String name,
      Load.Result closed,
      Load.Result rate,
      double cpuMicrosPerRequest,
      double jitShare) {}

  /** Every side measured; the first is the baseline, the last the app. */
  record Result(List<Side> sides) {
    Side bareSide() {
      return sides.get(0);
    }

    Side appSide() {
      return sides.get(sides.size() - 1);
    }

    Load.Result bare() {
      return bareSide().closed();
    }

    Load.Result app() {
      return appSide().closed();
    }

    Load.Result appRate() {
      return appSide().rate();
    }

    double ratio() {
      return app().acceptedPerSecond() / bare().acceptedPerSecond();
    }

    double p99Ratio() {
      return appRate().latency().pMillis(0.99) / bareSide().rate().latency().pMillis(0.99);
    }
  }

  /** Starts one server and waits for its ready line. */
  private interface Starter {
    Jar start(Path dir) throws Exception;
  }

  private IntakeBench() {}

  static Result run(Bench.Args a) throws Exception {
    Params p = Params.of(a);
    Path dir = Bench.workDir("intake");
    Bench.say(
        "intake: generator=%s concurrency=%d %s warmup=%d%s, then %d req/s for %.0f s; load %s;"
            + " dir %s",
        p.generator(),
        p.concurrency(),
        p.generator().equals("wrk") ? "for " + p.seconds() + " s" : "count=" + p.count(),
        p.warmup(),
        p.warmSeconds() > 0 ? " and " + p.warmSeconds() + " s closed loop not counted" : "",
        p.rate(),
        p.rateSeconds(),
        Bench.loadAverage(),
        dir);

    List<Side> sides = new ArrayList<>();
    sides.add(
        side(
            "bare Jetty 12",
            d ->
                Jar.bare(
                    d.resolve("bare.log"),
                    d.resolve("bare").toString(),
                    d.resolve("bare.port").toString(),
                    SECRET),
            dir,
            p));
    for (String extra : a.s("baselines", "").split(",")) {
      if (extra.equals("javalin")) {
        sides.add(
            side(
                "bare Javalin 6",
                d ->
                    Jar.main(
                        JavalinBareServer.class,
                        d.resolve("javalin.log"),
                        d.resolve("javalin").toString(),
                        d.resolve("javalin.port").toString()),
                dir,
                p));
      }
    }
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
    sides.add(side("closeloop", d -> Jar.app(config, d.resolve("app.log")), dir, p));
    Result r = new Result(sides);
    Bench.say(
        "  ratio closeloop/bare throughput = %.2f (target >= 0.80); p99 @%d/s closeloop %.2f ms vs"
            + " bare %.2f ms = %.2fx (target <= 1.5); load %s",
        r.ratio(),
        p.rate(),
        r.appRate().latency().pMillis(0.99),
        r.bareSide().rate().latency().pMillis(0.99),
        r.p99Ratio(),
        Bench.loadAverage());
    return r;
  }

  /** The run's options, read once. */
  record Params(
      int concurrency,
      int count,
      int warmup,
      int rate,
      double rateSeconds,
      String generator,
      double seconds,
      int wrkThreads,
      double warmSeconds) {
    static Params of(Bench.Args a) {
      return new Params(
          a.i("concurrency", 16),
          a.i("count", 20_000),
          a.i("warmup", 3_000),
          a.i("rate", 500),
          a.d("rate-seconds", 20),
          IntakeBench.generator(a),
          a.d("seconds", 10),
          a.i("wrk-threads", 2),
          a.d("warm-seconds", 0));
    }
  }

  /**
   * Signed requests to prepare for a wrk run of {@code seconds} at about {@code perSecond}: 3x that
   * once the server is warm, 12x while its rate may still climb (a repeat would be a duplicate, not
   * accepted).
   */
  private static int prepared(double perSecond, double seconds, boolean warmed) {
    return (int) Math.max(30_000, (warmed ? 3 : 12) * perSecond * seconds);
  }

  /** {@code --generator wrk|raw|httpclient}; by default wrk when it is installed, else raw. */
  static String generator(Bench.Args a) {
    return a.s("generator", Wrk.available() ? "wrk" : "raw");
  }

  private static Side side(String name, Starter starter, Path dir, Params p) throws Exception {
    int concurrency = p.concurrency();
    int count = p.count();
    int warmup = p.warmup();
    int rate = p.rate();
    double rateSeconds = p.rateSeconds();
    String generator = p.generator();
    double seconds = p.seconds();
    int wrkThreads = p.wrkThreads();
    try (Jar j = starter.start(dir).awaitReady(60)) {
      Load.Generator gen =
          generator.equals("httpclient") ? Load.Generator.HTTPCLIENT : Load.Generator.RAW;
      Load load = new Load(j.port(), SECRET, gen);
      String run = name.substring(0, 1).toUpperCase() + System.currentTimeMillis();
      IntFunction<String> body =
          i -> Load.closed(run, i, Instant.now(), Load.emailRequester(run, i));
      Load.Result warm = load.closedLoop(concurrency, 0, warmup, body);
      long pid = j.process.pid();
      int from = warmup;
      double perSecond = warm.acceptedPerSecond();
      // after a short in-process warm-up alone, on a JIT still cold, wrk took the jar to 6x its
      // warm-up rate (3,828 vs 640/s), and a repeat is a duplicate, so prepare plenty; after a
      // warm-up of half a minute or more (a long --warmup, or a wrk slice) the rate holds
      boolean warmed = warm.seconds() >= 30;
      if (generator.equals("wrk")) {
        // not counted: the same closed loop until the server's JIT has compiled what it runs (the
        // app's compiler threads were still busy 50 s into a closed loop), in slices of 10 s so
        // that each slice's prepared requests follow the rate of the slice before
        for (double left = p.warmSeconds(); left > 0; left -= 10) {
          double slice = Math.min(10, left);
          int requests = prepared(perSecond, slice, warmed);
          Load.Result r =
              Wrk.closedLoop(load, dir, wrkThreads, concurrency, slice, from, requests, body);
          from += requests;
          perSecond = r.acceptedPerSecond();
          warmed = true;
          Bench.say("  %-16s warming: %.0f accepted/s", name, perSecond);
        }
      }
      double cpu0 = Jar.cpuSeconds(pid);
      double jit0 = Jar.compilerCpuSeconds(pid);
      Load.Result closed;
      int used = count;
      if (generator.equals("wrk")) {
        int requests = prepared(perSecond, seconds, warmed);
        used = requests;
        closed = Wrk.closedLoop(load, dir, wrkThreads, concurrency, seconds, from, requests, body);
      } else {
        closed = load.closedLoop(concurrency, from, count, body);
      }
      double cpu = Jar.cpuSeconds(pid) - cpu0;
      double jitShare = (Jar.compilerCpuSeconds(pid) - jit0) / cpu;
      double cpuPerRequest = cpu / closed.sent() * 1e6;
      Bench.say(
          "  %-16s: %s; server CPU %.0f µs/request, %.0f %% of it the JIT compiling",
          name, closed.line(), cpuPerRequest, 100 * jitShare);
      from += used;
      Load.Result atRate = load.fixedRate(rate, rateSeconds, from, body);
      Bench.say("  %-16s @%d/s: %s", name, rate, atRate.line());
      return new Side(name, closed, atRate, cpuPerRequest, jitShare);
    }
  }
}
