package dev.closeloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Units submitted together share one transaction; each caller returns after its commit. */
class GroupCommitTest {
  Jdbi jdbi;
  final AtomicInteger alone = new AtomicInteger();
  GroupCommit group;

  @BeforeEach
  void open() {
    jdbi = Jdbi.create("jdbc:h2:mem:gc" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbi.useHandle(h -> h.execute("CREATE TABLE t (k VARCHAR(20) PRIMARY KEY)"));
    group =
        new GroupCommit(
            jdbi,
            e -> e instanceof IllegalStateException && "race".equals(e.getMessage()),
            work -> {
              alone.incrementAndGet();
              return jdbi.inTransaction(work::apply);
            });
  }

  private int committed(String k) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM t WHERE k = :k")
                .bind("k", k)
                .mapTo(int.class)
                .one());
  }

  private static Function<Handle, String> insert(String k) {
    return h -> {
      h.execute("INSERT INTO t (k) VALUES (?)", k);
      return k;
    };
  }

  @Test
  void unitsWaitingTogetherShareOneTransactionAndReturnOnlyAfterItsCommit() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<Handle> handles = new CopyOnWriteArrayList<>();
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                group.run(
                    h -> {
                      firstRunning.countDown();
                      await(releaseFirst);
                      return insert("a").apply(h);
                    }));
    firstRunning.await();
    // while the writer is busy, three more arrive: they form the next group
    List<CompletableFuture<String>> next =
        List.of("b", "c", "d").stream()
            .map(
                k ->
                    CompletableFuture.supplyAsync(
                        () ->
                            group.run(
                                h -> {
                                  handles.add(h);
                                  return insert(k).apply(h);
                                })))
            .toList();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 3);
    releaseFirst.countDown();

    assertThat(first.get()).isEqualTo("a");
    assertThat(next.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder("b", "c", "d");
    assertThat(handles).hasSize(3);
    assertThat(handles.stream().distinct()).as("one transaction for the group").hasSize(1);
    assertThat(committed("b") + committed("c") + committed("d")).isEqualTo(3);
  }

  @Test
  void noCallerReturnsBeforeTheCommitOfItsWholeGroup() throws Exception {
    CountDownLatch lastRunning = new CountDownLatch(1);
    CountDownLatch releaseLast = new CountDownLatch(1);
    Blocker blocker = block();
    CompletableFuture<String> early = CompletableFuture.supplyAsync(() -> group.run(insert("x")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 1);
    CompletableFuture<String> late =
        CompletableFuture.supplyAsync(
            () ->
                group.run(
                    h -> {
                      lastRunning.countDown();
                      await(releaseLast);
                      return insert("y").apply(h);
                    }));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 2);
    blocker.release();
    lastRunning.await(); // "x" has run, in the same group as "y", which is still running

    assertThat(early).isNotDone();
    assertThat(committed("x")).isZero();
    releaseLast.countDown();
    assertThat(early.get()).isEqualTo("x");
    assertThat(committed("x")).isEqualTo(1);
    assertThat(late.get()).isEqualTo("y");
  }

  @Test
  void aUnitThatFailsIsRolledBackAloneAndItsCallerGetsTheError() throws Exception {
    Blocker blocker = block();
    CompletableFuture<String> ok1 = CompletableFuture.supplyAsync(() -> group.run(insert("p")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 1);
    CompletableFuture<String> bad =
        CompletableFuture.supplyAsync(
            () ->
                group.run(
                    h -> {
                      insert("q").apply(h);
                      throw new IllegalArgumentException("bad input");
                    }));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 2);
    CompletableFuture<String> ok2 = CompletableFuture.supplyAsync(() -> group.run(insert("r")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 3);
    blocker.release();

    assertThat(ok1.get()).isEqualTo("p");
    assertThat(ok2.get()).isEqualTo("r");
    assertThatThrownBy(bad::join).hasRootCauseMessage("bad input");
    assertThat(committed("p") + committed("r")).isEqualTo(2);
    assertThat(committed("q")).as("the failed unit's own write is rolled back").isZero();
    assertThat(alone).hasValue(0);
  }

  @Test
  void aUnitThatLostARaceRunsAgainAloneAfterTheGroup() {
    AtomicInteger tries = new AtomicInteger();
    String result =
        group.run(
            h -> {
              insert("z" + tries.get()).apply(h);
              if (tries.getAndIncrement() == 0) {
                throw new IllegalStateException("race");
              }
              return "won";
            });

    assertThat(result).isEqualTo("won");
    assertThat(alone).hasValue(1);
    assertThat(committed("z0")).isZero();
    assertThat(committed("z1")).isEqualTo(1);
  }

  @Test
  void aDatabaseErrorInOneUnitLeavesTheOthersToCommit() {
    group.run(insert("dup"));
    assertThatThrownBy(() -> group.run(insert("dup")))
        .isInstanceOf(JdbiException.class)
        .hasRootCauseInstanceOf(SQLException.class);
    assertThat(group.run(insert("after"))).isEqualTo("after");
    assertThat(committed("after")).isEqualTo(1);
  }

  @Test
  void theWriterPreparesEachStatementOnceAcrossGroups() throws Exception {
    String lookUp = "SELECT k FROM t WHERE k = ? FOR UPDATE";
    List<String> prepared = new CopyOnWriteArrayList<>();
    Jdbi counted = Jdbi.create(countingPrepares(jdbi, prepared));
    GroupCommit writer =
        new GroupCommit(counted, e -> false, work -> counted.inTransaction(work::apply));

    for (String k : List.of("g1", "g2", "g3")) {
      String found =
          writer.run(
              h -> {
                Jdbc.update(h, "INSERT INTO t (k) VALUES (?)", ps -> Jdbc.text(ps, 1, k));
                return Jdbc.first(h, lookUp, ps -> Jdbc.text(ps, 1, k), rs -> rs.getString(1))
                    .orElseThrow();
              });
      assertThat(found).isEqualTo(k);
    }

    assertThat(prepared.stream().filter(lookUp::equals))
        .as("three groups, one preparation (H2 parses a FOR UPDATE again for every preparation)")
        .hasSize(1);
    assertThat(committed("g1") + committed("g2") + committed("g3")).isEqualTo(3);
  }

  @Test
  void aGroupThatFailsGivesItsConnectionBackAndTheNextGroupRunsOnAFreshOne() {
    AtomicInteger runs = new AtomicInteger();
    String result =
        group.run(
            h -> {
              insert("broken" + runs.get()).apply(h);
              if (runs.getAndIncrement() == 0) {
                try {
                  h.getConnection().close(); // the writer's connection dies under the group
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
              return "ran";
            });
    assertThat(result).isEqualTo("ran");
    assertThat(alone).as("the failed group's unit ran again alone").hasValue(1);

    assertThat(group.run(insert("next"))).isEqualTo("next");
    assertThat(alone).as("the next group committed on a fresh connection").hasValue(1);
    assertThat(committed("next")).isEqualTo(1);
  }

  @Test
  void closeGivesTheWritersConnectionBackBeforeTheStoreCloses() throws Exception {
    List<String> prepared = new CopyOnWriteArrayList<>();
    AtomicInteger openConnections = new AtomicInteger();
    Jdbi counted = Jdbi.create(countingPrepares(jdbi, prepared, openConnections));
    GroupCommit writer =
        new GroupCommit(counted, e -> false, work -> counted.inTransaction(work::apply));
    writer.run(h -> Jdbc.update(h, "INSERT INTO t (k) VALUES (?)", ps -> Jdbc.text(ps, 1, "kept")));
    assertThat(openConnections).as("the writer keeps its connection between groups").hasValue(1);

    writer.close();

    assertThat(openConnections).hasValue(0);
    assertThat(committed("kept")).isEqualTo(1);
  }

  /** A data source over {@code jdbi}'s database that records the SQL of every preparation. */
  private static javax.sql.DataSource countingPrepares(Jdbi jdbi, List<String> prepared)
      throws SQLException {
    return countingPrepares(jdbi, prepared, new AtomicInteger());
  }

  /** As above, and counts the connections open (got and not yet closed). */
  private static javax.sql.DataSource countingPrepares(
      Jdbi jdbi, List<String> prepared, AtomicInteger openConnections) throws SQLException {
    String url = jdbi.withHandle(h -> h.getConnection().getMetaData().getURL());
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL(url);
    return (javax.sql.DataSource)
        java.lang.reflect.Proxy.newProxyInstance(
            GroupCommitTest.class.getClassLoader(),
            new Class<?>[] {javax.sql.DataSource.class},
            (proxy, method, args) -> {
              Object real = invoke(h2, method, args);
              if (!method.getName().equals("getConnection")) {
                return real;
              }
              java.sql.Connection c = (java.sql.Connection) real;
              openConnections.incrementAndGet();
              java.util.concurrent.atomic.AtomicBoolean closed =
                  new java.util.concurrent.atomic.AtomicBoolean();
              return java.lang.reflect.Proxy.newProxyInstance(
                  GroupCommitTest.class.getClassLoader(),
                  new Class<?>[] {java.sql.Connection.class},
                  (cp, m, a) -> {
                    if (m.getName().equals("prepareStatement")) {
                      prepared.add((String) a[0]);
                    }
                    if (m.getName().equals("close") && closed.compareAndSet(false, true)) {
                      openConnections.decrementAndGet();
                    }
                    return invoke(c, m, a);
                  });
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A unit that holds the writer until released: whatever is submitted meanwhile waits. */
  private record Blocker(CountDownLatch releaseIt, CompletableFuture<String> done) {
    void release() throws Exception {
      releaseIt.countDown();
      done.get();
    }
  }

  private Blocker block() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch releaseIt = new CountDownLatch(1);
    CompletableFuture<String> done =
        CompletableFuture.supplyAsync(
            () ->
                group.run(
                    h -> {
                      running.countDown();
                      await(releaseIt);
                      return "blocker";
                    }));
    running.await();
    return new Blocker(releaseIt, done);
  }
}
