package dev.closeloop.chat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial lane per person over a small shared pool: what one person does in chat is handled in
 * the order it arrived, and never waits behind someone else's (a line held by a slow store delays
 * that person's next line, not everybody's click). A lane exists only while it has work, and holds
 * at most {@code perPerson} waiting events; what does not fit is refused ({@link #submit} returns
 * false).
 */
public final class PersonLanes {
  private static final Logger log = LoggerFactory.getLogger(PersonLanes.class);

  /** Threads shared by all lanes: people handled at once. */
  public static final int THREADS = 8;

  /** Events one person may have waiting behind the one being handled. */
  public static final int PER_PERSON = 100;

  private final ExecutorService pool;
  private final int perPerson;
  private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>(); // guarded by this

  public PersonLanes(String threadName) {
    this(threadName, THREADS, PER_PERSON);
  }

  public PersonLanes(String threadName, int threads, int perPerson) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    this.perPerson = perPerson;
  }

  /**
   * Queues {@code task} in {@code person}'s lane. False when the lane is full (nothing queued).
   *
   * @throws RejectedExecutionException once {@link #shutdown} has begun and the lane is idle
   */
  public boolean submit(String person, Runnable task) {
    String key = person == null ? "" : person;
    synchronized (this) {
      ArrayDeque<Runnable> lane = lanes.get(key);
      if (lane != null) {
        if (lane.size() >= perPerson) {
          return false;
        }
        lane.add(task); // its drain is running and takes it
        return true;
      }
      lane = new ArrayDeque<>();
      lanes.put(key, lane);
    }
    try {
      pool.execute(() -> drain(key, task));
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        lanes.remove(key);
      }
      throw e;
    }
    return true;
  }

  private void drain(String key, Runnable first) {
    Runnable next = first;
    while (next != null) {
      try {
        next.run();
      } catch (RuntimeException e) {
        log.error("event=chat_event_failed lane={} next=continue", key, e);
      }
      synchronized (this) {
        ArrayDeque<Runnable> lane = lanes.get(key);
        next = lane.poll();
        if (next == null) {
          lanes.remove(key);
        }
      }
    }
  }

  /** Lanes with work now (for tests and logs). */
  public synchronized int active() {
    return lanes.size();
  }

  /** Takes no new lane; what is queued is still handled, for at most {@code wait}. */
  public void shutdown(java.time.Duration wait) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
