package dev.closeloop.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: units of work submitted from many threads run one after another on a single writer
 * thread, all those waiting at that moment in one transaction, each inside its own savepoint; one
 * commit makes the whole group durable, and only then does each caller get its result. A caller
 * therefore returns exactly as before — after the commit that holds its work — but a burst of N
 * requests pays for one commit (with H2 at {@code WRITE_DELAY=0}, the commit writes every changed
 * page of every B-tree touched, the largest single cost of a request) instead of N.
 *
 * <p>Each unit sees the writes of the units before it in its group, as it would had they committed
 * one by one in that order. A unit that throws is rolled back to its savepoint alone; when the
 * exception is a lost race ({@code retryAlone}), the unit runs again in a transaction of its own
 * after the group has committed, else the caller gets the exception. When the commit itself fails,
 * every unit of the group runs again alone. The writer thread exists only while there is work.
 *
 * <p>The writer keeps one handle (one pooled connection) while it lives, and on it the statements
 * run through {@link Jdbc} stay prepared ({@link Jdbc#cacheStatements}): each close runs the same
 * few statements, which are then neither prepared nor parsed again. A group that fails gives its
 * connection back; the next group takes a fresh one.
 */
public final class GroupCommit {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** The most units in one transaction. */
  static final int MAX_GROUP = 64;

  private final Jdbi jdbi;
  private final Predicate<Throwable> retryAlone;
  private final Function<Function<Handle, ?>, ?> alone;
  private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final ThreadPoolExecutor writer;

  /**
   * The writer's handle while its thread lives: per thread, as a thread that has timed out may
   * still be giving its handle back when the next writer thread starts.
   */
  private final ThreadLocal<Handle> writerHandle = new ThreadLocal<>();

  /** Every writer handle not yet given back (a thread's own, until it gives it back). */
  private final Set<Handle> open = ConcurrentHashMap.newKeySet();

  private static final class Job<T> {
    final Function<Handle, T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    T result;
    Throwable error;

    Job(Function<Handle, T> work) {
      this.work = work;
    }
  }

  /**
   * @param retryAlone which exceptions of a unit mean "lost a race": run it again alone
   * @param alone how a unit runs alone (its own transaction, with whatever retry the caller wants)
   */
  public GroupCommit(
      Jdbi jdbi, Predicate<Throwable> retryAlone, Function<Function<Handle, ?>, ?> alone) {
    this.jdbi = jdbi;
    this.retryAlone = retryAlone;
    this.alone = alone;
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            2,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Runnable thenClose =
                  () -> {
                    try {
                      r.run();
                    } finally {
                      closeWriterHandle();
                    }
                  };
              Thread t = new Thread(thenClose, "closeloop-group-commit");
              t.setDaemon(true);
              return t;
            });
    writer.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code work} in the next group; returns its result once the group has committed. */
  @SuppressWarnings("unchecked")
  public <T> T run(Function<Handle, T> work) {
    Job<T> job = new Job<>(work);
    queue.add(job);
    writer.execute(this::drain);
    try {
      return job.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Units submitted and not yet taken into a group (for tests and metrics). */
  int waiting() {
    return queue.size();
  }

  /** Takes every unit waiting (up to {@link #MAX_GROUP}) and runs them as one group. */
  private void drain() {
    List<Job<?>> group = new ArrayList<>();
    while (queue.drainTo(group, MAX_GROUP) > 0) {
      runGroup(group);
      group.clear();
    }
  }

  private void runGroup(List<Job<?>> group) {
    List<Job<?>> again = new ArrayList<>();
    try {
      Handle h = writerHandle();
      h.begin();
      for (Job<?> job : group) {
        runInSavepoint(h, job);
      }
      h.commit();
    } catch (RuntimeException e) {
      closeWriterHandle();
      log.warn(
          "event=group_commit_failed units={} error={} will=run_each_alone",
          group.size(),
          e.toString());
      for (Job<?> job : group) {
        job.error = null;
        again.add(job);
      }
    }
    for (Job<?> job : group) {
      if (again.contains(job)) {
        continue;
      }
      if (job.error != null && retryAlone.test(job.error)) {
        again.add(job);
      } else {
        complete(job);
      }
    }
    for (Job<?> job : again) {
      runAlone(job);
    }
  }

  private Handle writerHandle() {
    Handle h = writerHandle.get();
    if (h == null) {
      h = jdbi.open();
      Jdbc.cacheStatements(h);
      open.add(h);
      writerHandle.set(h);
    }
    return h;
  }

  /**
   * Lets the work already submitted finish, then stops the writer and gives its connection back:
   * called before the store closes (an embedded H2 database stays open while a connection to it is
   * held, so a restore or the next start would not see the store as it is on disk).
   */
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("event=group_commit_close_timeout will=close_store_anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // a thread that has just ended may not have given its handle back yet, or be doing so: the
    // lock waits for that, and whatever is left is given back here
    synchronized (open) {
      for (Handle h : List.copyOf(open)) {
        giveBack(h);
      }
    }
  }

  /** Gives this thread's writer connection back. */
  private void closeWriterHandle() {
    Handle h = writerHandle.get();
    writerHandle.remove();
    if (h != null) {
      giveBack(h);
    }
  }

  /** Gives a writer connection back (its transaction, if one is open, rolled back), once. */
  private void giveBack(Handle h) {
    synchronized (open) {
      if (open.remove(h)) {
        close(h);
      }
    }
  }

  private static void close(Handle h) {
    Jdbc.closeStatements(h);
    try {
      if (h.isInTransaction()) {
        h.rollback();
      }
    } catch (RuntimeException e) {
      log.debug("event=group_commit_rollback_failed error={}", e.toString());
    }
    try {
      h.close();
    } catch (RuntimeException e) {
      log.debug("event=group_commit_close_failed error={}", e.toString());
    }
  }

  private static <T> void runInSavepoint(Handle h, Job<T> job) {
    h.savepoint("unit");
    try {
      job.result = job.work.apply(h);
      h.release("unit");
    } catch (RuntimeException | Error e) {
      job.error = e;
      h.rollbackToSavepoint("unit");
    }
  }

  @SuppressWarnings("unchecked")
  private <T> void runAlone(Job<T> job) {
    try {
      job.result = (T) alone.apply((Function<Handle, ?>) job.work);
      job.error = null;
    } catch (RuntimeException | Error e) {
      job.error = e;
    }
    complete(job);
  }

  private static <T> void complete(Job<T> job) {
    if (job.error != null) {
      job.done.completeExceptionally(job.error);
    } else {
      job.done.complete(job.result);
    }
  }
}
