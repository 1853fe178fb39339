package dev.closeloop.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many typed lines one platform user may send before the rest are dropped unread: a token
 * bucket per person, {@link #BURST} lines at once and {@link #PER_MINUTE} a minute after that. A
 * dropped line costs no store work; the first one dropped after a line was taken is {@link
 * Verdict#DROP_AND_TELL} (one short notice), the rest {@link Verdict#DROP}. At most {@link
 * #MAX_PEOPLE} buckets are kept: a bucket idle long enough to be full again is forgotten (it would
 * read the same as a new one), and past the cap the least recently used goes first.
 */
public final class LineLimit {
  /** Lines taken at once, after a quiet spell. */
  public static final int BURST = 10;

  /**
   * Lines taken a minute, once the burst is spent: one a second, more than a person keeps up, so
   * that a script answering at a steady pace is never cut, only a flood.
   */
  public static final int PER_MINUTE = 60;

  /** Buckets kept at most. */
  public static final int MAX_PEOPLE = 10_000;

  /** What to do with a line. */
  public enum Verdict {
    TAKE,
    DROP_AND_TELL,
    DROP
  }

  /**
   * Credit in nanoseconds of refill: a line costs {@code cost}, a full bucket holds {@code full}.
   */
  private static final class Bucket {
    long credit;
    Instant at;
    boolean told;
  }

  private final Clock clock;
  private final long cost;
  private final long full;
  private final Duration refill;
  private final int maxPeople;
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

  public LineLimit(Clock clock) {
    this(clock, BURST, PER_MINUTE, MAX_PEOPLE);
  }

  public LineLimit(Clock clock, int burst, int perMinute, int maxPeople) {
    if (burst < 1 || perMinute < 1 || maxPeople < 1) {
      throw new IllegalArgumentException("burst, perMinute and maxPeople must be positive");
    }
    this.clock = clock;
    this.cost = Duration.ofMinutes(1).toNanos() / perMinute;
    this.full = cost * burst;
    this.refill = Duration.ofNanos(full);
    this.maxPeople = maxPeople;
  }

  /** Whether {@code person}'s next line is read. */
  public synchronized Verdict admit(String person) {
    Instant now = clock.instant();
    forgetIdle(now);
    Bucket b = buckets.get(person);
    if (b == null) {
      b = new Bucket();
      b.credit = full;
      b.at = now;
      buckets.put(person, b);
      if (buckets.size() > maxPeople) {
        Iterator<String> eldest = buckets.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    } else {
      Duration elapsed = Duration.between(b.at, now);
      if (elapsed.compareTo(refill) >= 0) {
        b.credit = full;
        b.at = now;
      } else if (!elapsed.isNegative() && !elapsed.isZero()) { // a clock set back refills nothing
        b.credit = Math.min(full, b.credit + elapsed.toNanos());
        b.at = now;
      }
    }
    if (b.credit >= cost) {
      b.credit -= cost;
      b.told = false;
      return Verdict.TAKE;
    }
    if (b.told) {
      return Verdict.DROP;
    }
    b.told = true;
    return Verdict.DROP_AND_TELL;
  }

  /** Buckets kept now. */
  public synchronized int size() {
    return buckets.size();
  }

  /** Drops, oldest first, the buckets that would be full again by now. */
  private void forgetIdle(Instant now) {
    Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      Bucket b = it.next().getValue();
      if (Duration.between(b.at, now).compareTo(refill) < 0) {
        return;
      }
      it.remove();
    }
  }
}
