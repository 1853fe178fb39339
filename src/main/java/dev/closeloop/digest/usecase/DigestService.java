package dev.closeloop.digest.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.digest.Figures;
import dev.closeloop.store.DigestQueries;
import dev.closeloop.store.DigestRow;
import dev.closeloop.store.Digests;
import dev.closeloop.store.Retry;
import dev.closeloop.store.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the digest: once a day at {@code digest.time} in {@code digest.zone} (each day's slot is a
 * unique row, so a restart or a second instance never posts it twice; a slot missed while down is
 * caught up once at start), and on demand. A window runs from the last posted digest. The digest
 * row and its outbox rows commit together.
 */
public final class DigestService {
  private static final Logger log = LoggerFactory.getLogger(DigestService.class);
  static final String INSTALLED_AT = "installed_at";

  private final Jdbi jdbi;
  private final Config config;
  private final Map<dev.closeloop.chat.PlatformId, ?> platforms;
  private final StatsService stats;
  private final Clock clock;
  private final DigestBuilder builder;

  public DigestService(
      Jdbi jdbi,
      Config config,
      Map<dev.closeloop.chat.PlatformId, ?> platforms,
      StatsService stats,
      Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.platforms = platforms;
    this.stats = stats;
    this.clock = clock;
    this.builder = builder(config);
  }

  /**
   * The digest in the team's language ({@code digest.locale}, {@code digest.zone}), each quoted
   * comment marked with its language (detected, else the requester's).
   */
  static DigestBuilder builder(Config config) {
    return new DigestBuilder(
        dev.closeloop.language.Words.team(config.digest().locale(), config.digest().zone()),
        dev.closeloop.digest.LanguageMark.detected(config.survey().locale()));
  }

  /** Records the install time once; the first digest is at the next digest.time after it. */
  public Instant installedAt() {
    Instant known = installedAt;
    if (known == null) {
      // written once ever, so it is read from the store once per process, not on every tick
      known =
          Instant.parse(
              jdbi.inTransaction(
                  h -> new Settings(h).putIfAbsent(INSTALLED_AT, clock.instant().toString())));
      installedAt = known;
    }
    return known;
  }

  private volatile Instant installedAt;

  /** The most recent scheduled digest time at or before {@code now}. */
  static ZonedDateTime lastSlot(Instant now, ZoneId zone, LocalTime time) {
    LocalDate today = now.atZone(zone).toLocalDate();
    ZonedDateTime slot = ZonedDateTime.of(today, time, zone);
    if (slot.toInstant().isAfter(now)) {
      slot = ZonedDateTime.of(today.minusDays(1), time, zone);
    }
    return slot;
  }

  /** When the scheduled digest after {@code now} is posted: the day after the last slot. */
  public static Instant nextSlot(Instant now, ZoneId zone, LocalTime time) {
    return lastSlot(now, zone, time).plusDays(1).toInstant();
  }

  /** Posts the scheduled digest if its slot has come and is not posted yet. */
  public Optional<Map<String, Object>> tick() {
    Instant now = clock.instant();
    ZoneId zone = ZoneId.of(config.digest().zone());
    ZonedDateTime slot = lastSlot(now, zone, LocalTime.parse(config.digest().time()));
    Instant installed = installedAt();
    if (!slot.toInstant().isAfter(installed)) {
      return Optional.empty();
    }
    String key = "daily:" + slot.toLocalDate();
    if (jdbi.withHandle(h -> new Digests(h).slotTaken(key))) {
      return Optional.empty();
    }
    return post(key, "scheduled", now);
  }

  /** Builds and posts a digest now; it starts the next window. */
  public Map<String, Object> postNow() {
    return post("manual:" + UUID.randomUUID(), "on_demand", clock.instant()).orElseThrow();
  }

  private Optional<Map<String, Object>> post(String slot, String kind, Instant now) {
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Digests digests = new Digests(h);
                  Instant last =
                      digests.latestDaily().map(DigestRow::windowEnd).orElseGet(this::installedAt);
                  Instant start = last.isAfter(now) ? now : last;
                  // only the worst MAX_ENTRIES of each digest are read in full, the rest are
                  // counted
                  Entries main = entries(h, start, now, null);
                  Figures figures = stats.figures(h, start, now);
                  if (config.sandboxEnabled()) {
                    figures = figures.withDemoNotCounted();
                  }
                  ZoneId zone = ZoneId.of(config.digest().zone());
                  DigestBuilder.Result mainDigest =
                      builder.build(main.input(start, now, zone, builder.title(null), figures));
                  Optional<Long> id =
                      digests.insert(slot, kind, start, now, now, mainDigest.entries(), null);
                  if (id.isEmpty()) {
                    return Optional.<Map<String, Object>>empty();
                  }
                  Map<String, Entries> teams = new HashMap<>();
                  List<Map<String, Object>> posted = new ArrayList<>();
                  for (DigestTargets.Target t : DigestTargets.of(config, platforms)) {
                    DigestBuilder.Result result =
                        t.team() == null
                            ? mainDigest
                            : builder.build(
                                teams
                                    .computeIfAbsent(t.team(), team -> entries(h, start, now, team))
                                    .input(start, now, zone, builder.title(t.team()), figures));
                    enqueue(h, id.get(), t, result.pages(), now);
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("platform", t.platform().wire());
                    p.put("channel", t.channelId());
                    p.put("team", t.team());
                    p.put("messages", result.pages().size());
                    p.put("entries", result.entries());
                    posted.add(p);
                  }
                  DigestBuilder.Totals totals = main.totals();
                  log.info(
                      "event=digest_posted kind={} slot={} new_negatives={} still_open={} channels={}",
                      kind,
                      slot,
                      totals.freshNegatives(),
                      totals.stillOpen(),
                      posted.size());
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("id", id.get());
                  out.put("kind", kind);
                  out.put("windowStart", start.toString());
                  out.put("windowEnd", now.toString());
                  out.put("newNegatives", (long) totals.freshNegatives());
                  out.put("requests", (long) totals.newRequests());
                  out.put("stillOpen", totals.stillOpen());
                  out.put("omitted", mainDigest.omitted());
                  out.put("csat", figures.csat());
                  out.put("responseRate", figures.responseRate());
                  out.put("posted", posted);
                  return Optional.of(out);
                }));
  }

  /**
   * What one digest lists: its worst entries (of one team, or of every team when null) split into
   * created in the window and still open from before, and how many there are in all.
   */
  private record Entries(
      List<DigestEntry> fresh, List<DigestEntry> stillOpen, DigestBuilder.Totals totals) {
    DigestBuilder.Input input(
        Instant start, Instant now, ZoneId zone, String title, Figures figures) {
      return new DigestBuilder.Input(start, now, zone, title, fresh, stillOpen, figures, totals);
    }
  }

  private static Entries entries(Handle h, Instant start, Instant now, String team) {
    DigestQueries.Worst<IncidentViews.Ranked> worst =
        IncidentViews.worst(h, start, now, team, DigestBuilder.MAX_ENTRIES);
    List<DigestEntry> fresh = new ArrayList<>();
    List<DigestEntry> stillOpen = new ArrayList<>();
    for (IncidentViews.Ranked r : worst.entries()) {
      (r.fresh() ? fresh : stillOpen).add(r.entry());
    }
    DigestQueries.Counts c = worst.counts();
    return new Entries(
        fresh,
        stillOpen,
        new DigestBuilder.Totals(
            c.freshNegatives(), c.freshRequests(), c.stillOpen(), c.newRequests()));
  }

  private static void enqueue(
      Handle h, long digestId, DigestTargets.Target t, List<ChatMessage> pages, Instant now) {
    List<Outgoing.ChannelPost> posts = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      String key = "dg" + digestId + "-" + t.platform().wire() + "-" + t.channelId() + "-" + i;
      posts.add(new Outgoing.ChannelPost(key, t.channelId(), pages.get(i)));
    }
    OutboxWriter.enqueueAll(h, t.platform(), posts, null, "digest", now, now);
  }
}
