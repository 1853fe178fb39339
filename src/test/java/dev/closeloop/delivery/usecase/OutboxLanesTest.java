package dev.closeloop.delivery.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.delivery.Pacer;
import dev.closeloop.delivery.RetryPolicy;
import dev.closeloop.store.Database;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher's lanes: each platform sends on its own, a few sends in flight at once, but never
 * two for one conversation. Uses a recording {@link ChatPlatform} (the adapters have their own
 * end-to-end tests against the fakes); the store is real H2.
 */
class OutboxLanesTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  Database db;
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "", "");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aPlatformThatHangsDoesNotHoldBackTheOther() throws Exception {
    Recording slack = new Recording(PlatformId.SLACK);
    Recording discord = new Recording(PlatformId.DISCORD);
    slack.gate = new CountDownLatch(1); // Slack's first send hangs until released
    enqueue(PlatformId.SLACK, dm("s1", "U1"));
    for (int i = 0; i < 6; i++) {
      enqueue(PlatformId.DISCORD, dm("d" + i, "10" + i));
    }
    OutboxDispatcher dispatcher = dispatcher(slack, discord);

    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(() -> dispatcher.drain(Duration.ofSeconds(30)));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> discord.sent.size() == 6);
    assertThat(slack.sent).isEmpty();
    assertThat(run).isNotDone(); // a run ends only when all its sends have ended
    slack.gate.countDown();

    assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(slack.sent).containsExactly("s1");
    assertThat(states()).containsOnly("sent");
  }

  /**
   * A run that waits for pacing ends when no lane has anything to do: idle lanes do not keep each
   * other looking until the run's budget is spent (before: each saw the other still running, so
   * both polled the store every 200 ms for the whole 20 s run, back to back, for ever).
   */
  @Test
  void aPacedRunWithNothingToDoOnAnyPlatformEndsAtOnce() throws Exception {
    OutboxDispatcher dispatcher =
        dispatcher(new Recording(PlatformId.SLACK), new Recording(PlatformId.DISCORD));

    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(() -> dispatcher.drain(Duration.ofMinutes(10), true));

    assertThat(run.get(20, TimeUnit.SECONDS)).as("sent").isZero();
  }

  /** While one platform is still sending, an idle lane keeps looking for rows queued meanwhile. */
  @Test
  void anIdleLaneKeepsLookingWhileAnotherPlatformIsSending() throws Exception {
    Recording slack = new Recording(PlatformId.SLACK);
    Recording discord = new Recording(PlatformId.DISCORD);
    slack.gate = new CountDownLatch(1); // Slack's send hangs until released
    enqueue(PlatformId.SLACK, dm("s1", "U1"));
    OutboxDispatcher dispatcher = dispatcher(slack, discord);

    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(() -> dispatcher.drain(Duration.ofMinutes(10), true));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> slack.inFlight.get() == 1);
    enqueue(PlatformId.DISCORD, dm("d1", "101")); // queued while Slack's send is in flight

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> discord.sent.contains("d1"));
    assertThat(run).as("the run goes on while Slack's send is in flight").isNotDone();
    slack.gate.countDown();
    assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void sendsOverlapAcrossConversationsButOneConversationGetsItsMessagesOneAtATimeInOrder()
      throws Exception {
    Recording discord = new Recording(PlatformId.DISCORD);
    discord.holdFirstUntilAnotherStarts = true; // overlap is shown, not left to timing
    for (int i = 0; i < 3; i++) {
      enqueue(PlatformId.DISCORD, dm("same-" + i, "42"));
    }
    for (int i = 0; i < 3; i++) {
      enqueue(PlatformId.DISCORD, dm("other-" + i, "5" + i));
    }

    assertThat(dispatcher(discord).drain(Duration.ofSeconds(30))).isEqualTo(6);

    assertThat(discord.sent)
        .containsExactlyInAnyOrder("same-0", "same-1", "same-2", "other-0", "other-1", "other-2");
    assertThat(discord.sent.stream().filter(k -> k.startsWith("same-")).toList())
        .containsExactly("same-0", "same-1", "same-2");
    assertThat(discord.maxPerUser).as("sends in flight to one user at once").isEqualTo(1);
    assertThat(discord.maxInFlight)
        .as("sends in flight at once")
        .isGreaterThan(1)
        .isLessThanOrEqualTo(OutboxDispatcher.inFlight(PlatformId.DISCORD));
  }

  @Test
  void aLaterMessageToOnePersonNeverOvertakesOneHeldBackEarlierInTheSameSweep() throws Exception {
    Recording discord = new Recording(PlatformId.DISCORD);
    // four sends fill Discord's slots and hang; "a" is to person 42
    String[][] first = {{"a", "42"}, {"e", "51"}, {"f", "52"}, {"g", "53"}};
    for (String[] r : first) {
      discord.gates.put(r[0], new CountDownLatch(1));
      enqueue(PlatformId.DISCORD, dm(r[0], r[1]));
    }
    enqueue(PlatformId.DISCORD, dm("b", "42")); // held back: 42 has a send in flight
    enqueue(PlatformId.DISCORD, dm("d", "60")); // waits for a free slot
    enqueue(PlatformId.DISCORD, dm("c", "42")); // after "b", to the same person
    OutboxDispatcher dispatcher = dispatcher(Clock.systemUTC(), discord);

    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(() -> dispatcher.drain(Duration.ofSeconds(30)));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> discord.begun.size() == 4 && laneWaitsForAFreeSlot());
    // the sweep has passed "b" and waits to start "d": "a" ends now, freeing 42 and a slot
    discord.gates.get("a").countDown();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> discord.begun.contains("d"));
    discord.gates.values().forEach(CountDownLatch::countDown);

    int sent = run.get(20, TimeUnit.SECONDS);
    sent += dispatcher.drain(Duration.ofSeconds(10), true); // the rest, at the pacer's pace
    assertThat(sent).as("%s %s", discord.begun, states()).isEqualTo(7);
    // before: "c" went in the same sweep as soon as "a" had ended, ahead of the held "b"
    assertThat(discord.begun.stream().filter(k -> k.equals("b") || k.equals("c")))
        .containsExactly("b", "c");
  }

  /** A lane is blocked waiting for a free send slot (inside OutboxLane.start). */
  private static boolean laneWaitsForAFreeSlot() {
    return Thread.getAllStackTraces().values().stream()
        .anyMatch(
            stack ->
                java.util.Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().equals(OutboxLane.class.getName()))
                    && java.util.Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().equals("java.util.concurrent.Semaphore")));
  }

  @Test
  void messagesDoNotWaitBehindABacklogOfEditsHeldByTheirOwnLimit() {
    Recording slack = new Recording(PlatformId.SLACK);
    for (int i = 0; i < 60; i++) {
      Outgoing edit =
          new Outgoing.Update(
              "edit-" + i, new MessageRef("D" + i, "1.000" + i), ChatMessage.plainText("edited"));
      db.jdbi()
          .useTransaction(
              h ->
                  new Outbox(h)
                      .enqueue(
                          new Outbox.New(
                              edit.key(),
                              "slack",
                              "update",
                              OutgoingCodec.encode(edit),
                              null,
                              "test",
                              T0),
                          T0));
    }
    for (int i = 0; i < 3; i++) {
      enqueue(PlatformId.SLACK, dm("dm-" + i, "U" + i));
    }

    dispatcher(slack).drain(Duration.ofSeconds(10));

    // chat.update is paced at Tier 3 (50 a minute); the three DMs, queued after all sixty edits,
    // go now
    assertThat(slack.sent).filteredOn(k -> k.startsWith("edit-")).hasSize(50);
    assertThat(slack.sent)
        .filteredOn(k -> k.startsWith("dm-"))
        .containsExactlyInAnyOrder("dm-0", "dm-1", "dm-2");
    assertThat(states()).filteredOn("pending"::equals).hasSize(10);
  }

  @Test
  void rowsForAPlatformThatIsNoLongerConfiguredAreDeadNotLeftPending() {
    Recording slack = new Recording(PlatformId.SLACK);
    enqueue(PlatformId.DISCORD, dm("d1", "100"));

    dispatcher(slack).drain(Duration.ofSeconds(10));

    OutboxRow row = db.jdbi().withHandle(h -> new Outbox(h).inState("dead", 0, 10)).get(0);
    assertThat(row.msgKey()).isEqualTo("d1");
    assertThat(row.lastError()).contains("discord is not configured");
  }

  private OutboxDispatcher dispatcher(Recording... platforms) {
    return dispatcher(clock, platforms);
  }

  private OutboxDispatcher dispatcher(Clock clock, Recording... platforms) {
    return dispatcher(db.jdbi(), clock, platforms);
  }

  /** A dispatcher over these recording platforms, with no delivery listener and no metrics. */
  static OutboxDispatcher dispatcher(
      org.jdbi.v3.core.Jdbi jdbi, Clock clock, Recording... platforms) {
    Map<PlatformId, ChatPlatform> map = new java.util.EnumMap<>(PlatformId.class);
    for (Recording p : platforms) {
      map.put(p.id, p);
    }
    DeliveryListener none =
        new DeliveryListener() {
          @Override
          public void sent(Handle h, OutboxRow row, MessageRef ref, Instant now) {}

          @Override
          public void dead(Handle h, OutboxRow row, DeliveryException.Kind kind, Instant now) {}
        };
    return new OutboxDispatcher(
        jdbi,
        map,
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.5),
        new Pacer(),
        none,
        clock,
        "test",
        null);
  }

  private static Outgoing dm(String key, String user) {
    return new Outgoing.DirectMessage(key, user, ChatMessage.plainText("hello " + key));
  }

  private void enqueue(PlatformId platform, Outgoing o) {
    db.jdbi()
        .useTransaction(
            h ->
                new Outbox(h)
                    .enqueue(
                        new Outbox.New(
                            o.key(),
                            platform.wire(),
                            "directmessage",
                            OutgoingCodec.encode(o),
                            null,
                            "test",
                            T0),
                        T0));
  }

  private List<String> states() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT state FROM outbox").mapTo(String.class).list());
  }

  /** Records what it was asked to send, how many sends overlapped, and can hang or take time. */
  static final class Recording implements ChatPlatform {
    final PlatformId id;
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch gate;

    /** Sends of these keys wait until their latch is released. */
    final Map<String, CountDownLatch> gates = new java.util.concurrent.ConcurrentHashMap<>();

    /** The keys in the order their sends began. */
    final List<String> begun = Collections.synchronizedList(new ArrayList<>());

    /** The first send waits (10 s at most) until a second one has started. */
    volatile boolean holdFirstUntilAnotherStarts;

    private final CountDownLatch anotherStarted = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final Map<String, AtomicInteger> perUser = new java.util.concurrent.ConcurrentHashMap<>();
    volatile int maxInFlight;
    volatile int maxPerUser;

    Recording(PlatformId id) {
      this.id = id;
    }

    @Override
    public PlatformId id() {
      return id;
    }

    @Override
    public void start(ChatEventHandler handler) {}

    @Override
    public void stop() {}

    @Override
    public boolean connected() {
      return true;
    }

    @Override
    public UserLookup lookup(Recipient recipient) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MessageRef send(Outgoing outgoing) {
      String user =
          outgoing instanceof Outgoing.DirectMessage d
              ? d.userId()
              : ((Outgoing.Update) outgoing).target().channelId();
      AtomicInteger mine = perUser.computeIfAbsent(user, u -> new AtomicInteger());
      synchronized (this) {
        maxInFlight = Math.max(maxInFlight, inFlight.incrementAndGet());
        maxPerUser = Math.max(maxPerUser, mine.incrementAndGet());
      }
      begun.add(outgoing.key());
      try {
        CountDownLatch g = gates.getOrDefault(outgoing.key(), gate);
        if (g != null) {
          g.await(30, TimeUnit.SECONDS);
        }
        if (started.incrementAndGet() > 1) {
          anotherStarted.countDown();
        } else if (holdFirstUntilAnotherStarts) {
          anotherStarted.await(10, TimeUnit.SECONDS);
        }
        sent.add(outgoing.key());
        return new MessageRef("D" + user, outgoing.key());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        mine.decrementAndGet();
        inFlight.decrementAndGet();
      }
    }

    @Override
    public Optional<MessageRef> reconcile(Outgoing outgoing) {
      return Optional.empty();
    }
  }
}
