package dev.closeloop.bench;

import dev.closeloop.app.ConfigLoader;
import dev.closeloop.config.Config;
import dev.closeloop.language.Catalog;
import dev.closeloop.store.Database;
import dev.closeloop.survey.FatiguePolicy;
import dev.closeloop.survey.SendWindow;
import dev.closeloop.survey.usecase.Notifier;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.usecase.IntakeResult;
import dev.closeloop.ticket.usecase.IntakeService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Delivery: N surveys due at once, sent by the real jar to FakeSlack and FakeDiscord behind {@link
 * LimitProxy}. The surveys are taken in by the app's own {@link IntakeService} into the store
 * before the jar starts (so intake speed does not pace the run); the clock starts at the ready line
 * and stops at the last survey message accepted. Then every requester's DM is counted: exactly one
 * each (0 lost, 0 duplicated).
 */
final class DeliveryBench {
  /** What one run measured. */
  record Result(
      int slackSurveys,
      int discordSurveys,
      double seconds,
      double minimum,
      double slackSeconds,
      double slackMinimum,
      double discordSeconds,
      double discordMinimum,
      int calls,
      int limited,
      int lost,
      int duplicated,
      double readyMillis,
      double rssAfter) {}

  private DeliveryBench() {}

  static Result run(Bench.Args a) throws Exception {
    int n = a.i("surveys", 10_000);
    int nSlack = a.i("slack", n / 2);
    int nDiscord = n - nSlack;
    int timeout = a.i("timeout", 3600);
    LimitProxy.Model model = LimitProxy.Model.of(a.s("limiter", "window"));
    Path dir = Bench.workDir("delivery");
    Bench.say(
        "delivery: %d surveys (%d Slack, %d Discord), limits as %s; load %s; dir %s",
        n, nSlack, nDiscord, model, Bench.loadAverage(), dir);
    try (Rig rig = new Rig(dir, model)) {
      String run = "D" + System.currentTimeMillis() % 100000;
      for (int i = 0; i < nSlack; i++) {
        rig.slack.user(slackId(i), null, "User " + i, "UTC");
      }
      long seedStart = System.nanoTime();
      seed(rig, run, nSlack, nDiscord);
      Bench.say(
          "  seeded %d due surveys through IntakeService in %.1f s",
          n, (System.nanoTime() - seedStart) / 1e9);

      try (Jar jar = Jar.app(rig.writeConfig(), dir.resolve("app.log")).awaitReady(120)) {
        long t0 = System.nanoTime();
        double kick = a.d("kick-at", 0);
        if (kick > 0) {
          rig.discordProxy.kickAt(t0 + (long) (kick * 1e9));
          Bench.say("  %d global 429s forced on Discord at t=%.0fs", LimitProxy.KICKS, kick);
        }
        Bench.say("  %s after %.0f ms", jar.readyLine(), jar.readyMillis());
        long deadline = t0 + timeout * 1_000_000_000L;
        long slackDone = 0;
        long discordDone = 0;
        int lastReport = -1;
        while (System.nanoTime() < deadline) {
          int s = rig.slackProxy.ok("chat.postMessage");
          int d = rig.discordProxy.ok("POST channels/{id}/messages");
          if (s >= nSlack && slackDone == 0) {
            slackDone = rig.slackProxy.lastOkNanos;
          }
          if (d >= nDiscord && discordDone == 0) {
            discordDone = rig.discordProxy.lastOkNanos;
          }
          if (slackDone != 0 && discordDone != 0) {
            break;
          }
          int secs = (int) ((System.nanoTime() - t0) / 1e9);
          if (secs / 30 != lastReport) {
            lastReport = secs / 30;
            Bench.say(
                "  t=%ds slack %d/%d discord %d/%d, 429s %d + %d",
                secs,
                s,
                nSlack,
                d,
                nDiscord,
                rig.slackProxy.limited.get(),
                rig.discordProxy.limited.get());
          }
          Thread.sleep(100);
        }
        Thread.sleep(2000); // let stragglers (duplicates) arrive before counting
        double rssAtEnd = jar.rssMiB();
        int idle = a.i("idle", 20);
        // RSS every second while idle: one reading may land on a passing rise (the JIT's and the
        // C library's memory before the next trim); the spread says where the floor is
        List<Double> perSecond = new ArrayList<>();
        long idleStart = System.nanoTime();
        for (int s = 1; s <= idle; s++) {
          long wake = idleStart + s * 1_000_000_000L;
          Thread.sleep(Math.max(0, (wake - System.nanoTime()) / 1_000_000));
          perSecond.add(jar.rssMiB());
        }
        double rssAfter = perSecond.isEmpty() ? jar.rssMiB() : perSecond.get(perSecond.size() - 1);
        Bench.say(
            "  RSS at the end of the run %.0f MiB, after %d s idle %.0f MiB",
            rssAtEnd, idle, rssAfter);
        if (perSecond.size() >= 2) {
          List<Double> sorted = new ArrayList<>(perSecond);
          Collections.sort(sorted);
          List<Double> lastHalf = perSecond.subList(perSecond.size() / 2, perSecond.size());
          Bench.say(
              "  RSS each second of the idle %d s: min %.0f, median %.0f, max %.0f MiB; in its"
                  + " second half max %.0f MiB, above 256 MiB in %d of %d readings",
              idle,
              sorted.get(0),
              sorted.get(sorted.size() / 2),
              sorted.get(sorted.size() - 1),
              Collections.max(lastHalf),
              lastHalf.stream().filter(v -> v > 256).count(),
              lastHalf.size());
        }
        double slackSecs = slackDone == 0 ? Double.NaN : (slackDone - t0) / 1e9;
        double discordSecs = discordDone == 0 ? Double.NaN : (discordDone - t0) / 1e9;
        // the limit-bound minimum: Slack 10 posts/s workspace-wide (burst 10); Discord a DM is
        // open DM channel + create message, 2 requests, at 50/s (burst 50)
        double slackMin = Math.max(0, (nSlack - 10) / 10.0);
        double discordMin = Math.max(0, (2.0 * nDiscord - 50) / 50.0);
        int lost = 0;
        int dup = 0;
        for (int i = 0; i < nSlack; i++) {
          int got = rig.slack.messages(rig.slack.dmChannel(slackId(i))).size();
          lost += got == 0 ? 1 : 0;
          dup += Math.max(0, got - 1);
        }
        for (int i = 0; i < nDiscord; i++) {
          int got = rig.discord.dmMessages(discordId(i)).size();
          lost += got == 0 ? 1 : 0;
          dup += Math.max(0, got - 1);
        }
        int calls = rig.slackProxy.calls.get() + rig.discordProxy.calls.get();
        int limited = rig.slackProxy.limited.get() + rig.discordProxy.limited.get();
        Result r =
            new Result(
                nSlack,
                nDiscord,
                Math.max(nz(slackSecs), nz(discordSecs)),
                Math.max(slackMin, discordMin),
                slackSecs,
                slackMin,
                discordSecs,
                discordMin,
                calls,
                limited,
                lost,
                dup,
                jar.readyMillis(),
                rssAfter);
        Bench.say("  slack  : %s", rig.slackProxy.summary());
        Bench.say("  discord: %s", rig.discordProxy.summary());
        Bench.say(
            "  slack   %d surveys in %.1f s, limit-bound minimum %.1f s (%.2fx)",
            nSlack, slackSecs, slackMin, slackSecs / slackMin);
        Bench.say(
            "  discord %d surveys in %.1f s, limit-bound minimum %.1f s (%.2fx)",
            nDiscord, discordSecs, discordMin, discordSecs / discordMin);
        Bench.say(
            "  total %.1f s vs minimum %.1f s = %.2fx (target <= 1.05); 429s %d of %d calls = %.2f%% (target < 1%%);"
                + " lost %d, duplicated %d; RSS after %.0f MiB",
            r.seconds(),
            r.minimum(),
            r.seconds() / r.minimum(),
            limited,
            calls,
            100.0 * limited / calls,
            lost,
            dup,
            rssAfter);
        return r;
      }
    }
  }

  private static double nz(double d) {
    return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
  }

  static String slackId(int i) {
    return String.format("UB%07d", i);
  }

  static String discordId(int i) {
    return Long.toString(300_000_000_000_000_000L + i);
  }

  /** Takes in the closes through the app's IntakeService, into the store the jar will open. */
  static void seed(Rig rig, String run, int nSlack, int nDiscord) {
    Config config = new ConfigLoader(name -> null).loadString(rig.yaml());
    try (Database db = Database.open(rig.storageUrl(), "", "")) {
      var s = config.survey();
      FatiguePolicy policy =
          new FatiguePolicy(
              s.delay(),
              s.cooldown(),
              s.reminderAfter(),
              s.expireAfter(),
              new SendWindow(s.quietHours(), s.weekends()));
      IntakeService intake =
          new IntakeService(
              db.jdbi(),
              config,
              policy,
              Clock.systemUTC(),
              () -> 0.0,
              new Notifier(
                  Catalog.requester(s.words()),
                  s.locale(),
                  java.time.ZoneId.of(config.digest().zone())));
      Instant closedAt = Instant.now();
      // Slack and Discord closes interleaved (as they would come from one helpdesk), in a fixed
      // order
      List<Boolean> order = new ArrayList<>(Collections.nCopies(nSlack, true));
      order.addAll(Collections.nCopies(nDiscord, false));
      Collections.shuffle(order, new Random(42));
      int slackSeen = 0;
      for (int i = 0; i < nSlack + nDiscord; i++) {
        boolean slack = order.get(i);
        int k = slack ? slackSeen++ : i - slackSeen;
        TicketEvent.Requester r =
            new TicketEvent.Requester(
                null,
                "User " + i,
                slack ? slackId(k) : null,
                slack ? null : discordId(k),
                "UTC",
                "en");
        IntakeResult res =
            intake.accept(
                new TicketEvent(
                    "generic",
                    TicketEvent.Kind.CLOSED,
                    new TicketEvent.Ticket(
                        run + "-" + i,
                        "VPN drops every hour",
                        "https://help.example.com/t/" + i,
                        "Alex",
                        "network"),
                    r,
                    closedAt));
        if (!(res instanceof IntakeResult.Accepted)) {
          throw new IllegalStateException("seed " + i + ": " + res);
        }
      }
      // its writer keeps a connection: given back before the store closes, so the jar can open it
      intake.close();
    }
  }
}
