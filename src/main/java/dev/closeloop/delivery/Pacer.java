package dev.closeloop.delivery;

import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps sends within the platforms' published limits so that 429s stay rare: even pacing per
 * platform and method class (Slack: 9.5 posts/s of the 10/s workspace-wide limit and 0.95 per
 * second per channel, chat.update 95 % of Tier 3's 50/min; Discord: 47.5 requests/s of the 50/s
 * global limit, 0.95/s of 5 per 5 s per channel), and a pause of the whole platform when it answers
 * 429. The 5 % margin absorbs the jitter between when a send is paced and when it reaches the
 * platform: paced at exactly the limit, a few percent of Slack posts came back 429, and each costs
 * a whole second's pause (Slack's Retry-After is in whole seconds).
 *
 * <p>No bucket holds more than one send of credit: a burst (10 posts at once, then 9.5/s) passes a
 * platform that counts by token bucket but not one that counts any rolling second, and the
 * platforms do not say which they use. Evenly spaced sends pass both, at the start and after a 429
 * pause alike. Thread-safe: a dispatcher's lanes share it.
 */
public final class Pacer {
  private record Limit(double perSecond, double burst) {}

  private static final class Bucket {
    final Limit limit;
    double tokens;
    Instant at;

    Bucket(Limit limit) {
      this.limit = limit;
    }

    /** Refilled to its burst by {@code now}: no different from a bucket never used. */
    boolean fullAt(Instant now) {
      double secs = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
      return tokens + secs * limit.perSecond() >= limit.burst();
    }
  }

  /** Sends between two sweeps of buckets that have refilled (per-conversation ones add up). */
  static final int SWEEP_EVERY = 1024;

  private final Map<String, Bucket> buckets = new HashMap<>();
  private final Map<PlatformId, Instant> pausedUntil = new HashMap<>();
  private int sinceSweep;

  /** When {@code o} may go out on {@code platform}; {@code now} or later. */
  public synchronized Instant readyAt(PlatformId platform, Outgoing o, Instant now) {
    return readyAt(platform, o, now, true);
  }

  /**
   * When the platform as a whole may take {@code o}: its 429 pause and its platform-wide limits,
   * not the per-conversation ones. Later than {@code now} means no row of this kind may go.
   */
  public synchronized Instant platformReadyAt(PlatformId platform, Outgoing o, Instant now) {
    return readyAt(platform, o, now, false);
  }

  private Instant readyAt(PlatformId platform, Outgoing o, Instant now, boolean perConversation) {
    Instant ready = now;
    Instant paused = pausedUntil.get(platform);
    if (paused != null && paused.isAfter(ready)) {
      ready = paused;
    }
    for (Map.Entry<String, Limit> e : limits(platform, o).entrySet()) {
      if (perConversation || !e.getKey().contains(":ch:")) {
        Instant t = whenToken(e.getKey(), e.getValue(), now);
        if (t.isAfter(ready)) {
          ready = t;
        }
      }
    }
    return ready;
  }

  /** Takes the tokens for a send made now. */
  public synchronized void took(PlatformId platform, Outgoing o, Instant now) {
    for (Map.Entry<String, Limit> e : limits(platform, o).entrySet()) {
      Bucket b = refill(e.getKey(), e.getValue(), now);
      b.tokens -= cost(platform, o);
    }
    if (++sinceSweep >= SWEEP_EVERY) {
      sinceSweep = 0;
      // a full bucket holds nothing back: dropping it changes no answer, and keeps the map to
      // the conversations of the last moments instead of everyone ever messaged
      buckets.values().removeIf(b -> b.fullAt(now));
      pausedUntil.values().removeIf(until -> !until.isAfter(now));
    }
  }

  /** How many rate buckets are kept (platform-wide ones and one per recent conversation). */
  synchronized int buckets() {
    return buckets.size();
  }

  /** The platform said 429: nothing goes to it until {@code until}. */
  public synchronized void pause(PlatformId platform, Instant until) {
    pausedUntil.merge(platform, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Requests one send makes: a Discord DM opens the DM channel, then posts. */
  private static double cost(PlatformId platform, Outgoing o) {
    return platform == PlatformId.DISCORD && o instanceof Outgoing.DirectMessage ? 2 : 1;
  }

  private Instant whenToken(String key, Limit limit, Instant now) {
    Bucket b = refill(key, limit, now);
    if (b.tokens >= 1) {
      return now;
    }
    double missing = 1 - b.tokens;
    return now.plus(Duration.ofNanos((long) Math.ceil(missing / limit.perSecond() * 1e9)));
  }

  private Bucket refill(String key, Limit limit, Instant now) {
    Bucket b =
        buckets.computeIfAbsent(
            key,
            k -> {
              Bucket nb = new Bucket(limit);
              nb.tokens = limit.burst();
              nb.at = now;
              return nb;
            });
    if (now.isAfter(b.at)) {
      double secs = Duration.between(b.at, now).toNanos() / 1e9;
      b.tokens = Math.min(limit.burst(), b.tokens + secs * limit.perSecond());
      b.at = now;
    }
    return b;
  }

  private static Map<String, Limit> limits(PlatformId platform, Outgoing o) {
    String channel = channel(o);
    return switch (platform) {
      case SLACK ->
          o instanceof Outgoing.Update
              ? Map.of("slack:update", new Limit(0.95 * 50 / 60, 1))
              : Map.of("slack:post", new Limit(9.5, 1), "slack:ch:" + channel, new Limit(0.95, 1));
      case DISCORD ->
          Map.of("discord:global", new Limit(47.5, 1), "discord:ch:" + channel, new Limit(0.95, 1));
      case SANDBOX -> Map.of();
    };
  }

  private static String channel(Outgoing o) {
    if (o instanceof Outgoing.DirectMessage d) {
      return d.userId();
    } else if (o instanceof Outgoing.ChannelPost p) {
      return p.channelId();
    } else if (o instanceof Outgoing.Update u) {
      return u.target() == null ? "?" : u.target().channelId();
    } else if (o instanceof Outgoing.Image i) {
      return i.channelId();
    }
    return "?";
  }
}
