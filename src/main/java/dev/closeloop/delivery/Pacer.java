package dev.closeloop.delivery;

import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps sends within the platforms' published limits so that 429s stay rare, whichever way a
 * platform counts them: every limit "n per period" is kept as a rolling window on our side, with a
 * period a little longer than the platform's (Slack: 10 posts per 1.03 s workspace-wide, one per
 * 1.03 s per channel, chat.update 50 per 61.8 s (Tier 3); Discord: 50 requests per 1.1 s, 5 per
 * 5.15 s per channel; see {@link #limits}), and a pause of the whole platform when it answers 429.
 *
 * <p>A sender that never puts more than n sends into any window of the period passes a platform
 * that counts by rolling window and one that counts by token bucket alike; a token bucket of our
 * own did not: its burst (10 posts at once, then 9.5/s) put 19 posts into one second, refused by a
 * platform counting any rolling second, and the same again after every 429 pause. Unlike an even
 * spacing, a window lets a lane that fell behind (a slow send, a database pause) catch up within
 * the limit instead of losing that time for good. The margin absorbs the jitter between when a send
 * is paced and when it reaches the platform: paced at exactly the limit, a few percent of Slack
 * posts came back 429, each costing a whole second's pause (Slack's Retry-After is in whole
 * seconds). Thread-safe: a dispatcher's lanes share it.
 */
public final class Pacer {
  private record Limit(int n, Duration period) {}

  /** The send times (one per request) within the last period of one limit, oldest first. */
  private static final class Window {
    final Limit limit;
    final ArrayDeque<Instant> sent = new ArrayDeque<>();

    Window(Limit limit) {
      this.limit = limit;
    }

    void expire(Instant now) {
      // the clock stepped back (NTP, a VM resumed): sends dated after now count as made now, so a
      // step back holds sends for at most one period instead of for the whole step
      int ahead = 0;
      while (!sent.isEmpty() && sent.peekLast().isAfter(now)) {
        sent.pollLast();
        ahead++;
      }
      for (int i = 0; i < ahead; i++) {
        sent.addLast(now);
      }
      Instant horizon = now.minus(limit.period());
      while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
        sent.pollFirst();
      }
    }

    /** When {@code cost} more requests fit: now, or when enough of the oldest have aged out. */
    Instant readyAt(int cost, Instant now) {
      expire(now);
      int mustAgeOut = sent.size() + cost - limit.n();
      if (mustAgeOut <= 0) {
        return now;
      }
      Iterator<Instant> it = sent.iterator();
      Instant t = now;
      for (int i = 0; i < mustAgeOut && it.hasNext(); i++) {
        t = it.next();
      }
      return t.plus(limit.period());
    }

    /** Holds nothing back any more: dropping it changes no answer. */
    boolean emptyAt(Instant now) {
      expire(now);
      return sent.isEmpty();
    }
  }

  /** Sends between two sweeps of windows that have emptied (per-conversation ones add up). */
  static final int SWEEP_EVERY = 1024;

  private final Map<String, Window> windows = new HashMap<>();

  /** A 429 pause: from when it was asked for, until when. */
  private record Pause(Instant from, Instant until) {
    /**
     * Its end, as seen at {@code now}: a clock that stepped back before it keeps only its length.
     */
    Instant until(Instant now) {
      return now.isBefore(from) ? now.plus(Duration.between(from, until)) : until;
    }
  }

  private final Map<PlatformId, Pause> pauses = new HashMap<>();
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
    Pause pause = pauses.get(platform);
    if (pause != null && pause.until(now).isAfter(ready)) {
      ready = pause.until(now);
    }
    for (Map.Entry<String, Limit> e : limits(platform, o).entrySet()) {
      if (perConversation || !e.getKey().contains(":ch:")) {
        Instant t = window(e.getKey(), e.getValue()).readyAt(cost(e.getKey(), o), now);
        if (t.isAfter(ready)) {
          ready = t;
        }
      }
    }
    return ready;
  }

  /** Counts a send made now against each of its limits. */
  public synchronized void took(PlatformId platform, Outgoing o, Instant now) {
    for (Map.Entry<String, Limit> e : limits(platform, o).entrySet()) {
      Window w = window(e.getKey(), e.getValue());
      w.expire(now);
      for (int i = 0; i < cost(e.getKey(), o); i++) {
        w.sent.addLast(now);
      }
    }
    if (++sinceSweep >= SWEEP_EVERY) {
      sinceSweep = 0;
      // an empty window holds nothing back: dropping it keeps the map to the conversations of
      // the last moments instead of everyone ever messaged
      windows.values().removeIf(w -> w.emptyAt(now));
      pauses.values().removeIf(p -> !p.until(now).isAfter(now));
    }
  }

  /** How many windows are kept (platform-wide ones and one per recent conversation). */
  synchronized int buckets() {
    return windows.size();
  }

  /** The platform said 429 at {@code now}: nothing goes to it until {@code until}. */
  public synchronized void pause(PlatformId platform, Instant now, Instant until) {
    pauses.merge(platform, new Pause(now, until), (a, b) -> a.until(now).isAfter(b.until) ? a : b);
  }

  /**
   * Requests one send counts against a limit: a Discord DM opens the DM channel, then posts — two
   * requests against the global limit, one against the channel's.
   */
  private static int cost(String limitKey, Outgoing o) {
    return limitKey.startsWith("discord:global") && o instanceof Outgoing.DirectMessage ? 2 : 1;
  }

  private Window window(String key, Limit limit) {
    return windows.computeIfAbsent(key, k -> new Window(limit));
  }

  private static Limit per(int n, double seconds) {
    return new Limit(n, Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /**
   * The limits a send counts against, each "n per period". Platform-wide limits have a second,
   * finer window (about a fifth of the period, a fifth of n and a little more): it lets a lane that
   * fell behind catch up in small steps, never in one burst of the whole limit, whose requests (a
   * Discord DM is two, the second one a round trip later) would then straddle the platform's window
   * edge. Slack's finer window (3 per 0.28 s) is a little looser than its whole window (10 per 1.03
   * s), so that the whole window alone sets the pace: were both as tight, each wait for the finer
   * one — every third post — would add its wake-up time to the pace for good (measured: 9.57
   * posts/s instead of 9.71). Discord's margin is larger: its DMs finish long before Slack's, so
   * its pace does not set the run's length, while each of its 429s is a request wasted.
   */
  private static Map<String, Limit> limits(PlatformId platform, Outgoing o) {
    String channel = channel(o);
    return switch (platform) {
      case SLACK ->
          o instanceof Outgoing.Update
              ? Map.of("slack:update", per(50, 61.8))
              : Map.of(
                  "slack:post",
                  per(10, 1.03),
                  "slack:post:fine",
                  per(3, 0.28),
                  "slack:ch:" + channel,
                  per(1, 1.03));
      case DISCORD ->
          Map.of(
              "discord:global",
              per(50, 1.1),
              "discord:global:fine",
              per(12, 0.264),
              "discord:ch:" + channel,
              per(5, 5.15));
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
