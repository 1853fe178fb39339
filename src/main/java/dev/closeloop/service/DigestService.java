package dev.closeloop.service;

import dev.closeloop.app.Config;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.digest.Figures;
import dev.closeloop.store.DigestRow;
import dev.closeloop.store.Digests;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
  private final DigestBuilder builder = new DigestBuilder();

  public DigestService(Jdbi jdbi, Config config, Map<dev.closeloop.chat.PlatformId, ?> platforms, StatsService stats,
      Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.platforms = platforms;
    this.stats = stats;
    this.clock = clock;
  }

  /** Records the install time once; the first digest is at the next digest.time after it. */
  public Instant installedAt() {
    Instant known = installedAt;
    if (known == null) {
      // written once ever, so it is read from the store once per process, not on every tick
      known = Instant.parse(jdbi.inTransaction(h -> new Settings(h).putIfAbsent(INSTALLED_AT, clock.instant().toString())));
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
    return Retry.onConflict(() -> jdbi.inTransaction(h -> {
      Digests digests = new Digests(h);
      Instant start = digests.latestDaily().map(DigestRow::windowEnd).orElseGet(this::installedAt);
      if (start.isAfter(now)) {
        start = now;
      }
      Incidents incidents = new Incidents(h);
      List<DigestEntry> fresh = IncidentViews.entries(h, incidents.createdBetween(start, now));
      final Instant windowStart = start;
      List<IncidentRow> open = incidents.open().stream().filter(i -> i.createdAt().isBefore(windowStart)).toList();
      List<DigestEntry> stillOpen = IncidentViews.entries(h, open);
      Figures figures = stats.figures(start, now);
      ZoneId zone = ZoneId.of(config.digest().zone());
      DigestBuilder.Result main = builder.build(new DigestBuilder.Input(start, now, zone, "Closeloop digest", fresh, stillOpen, figures));
      Optional<Long> id = digests.insert(slot, kind, start, now, now, main.entries(), null);
      if (id.isEmpty()) {
        return Optional.<Map<String, Object>>empty();
      }
      List<Map<String, Object>> posted = new ArrayList<>();
      for (DigestTargets.Target t : DigestTargets.of(config, platforms)) {
        DigestBuilder.Result result = t.team() == null ? main : builder.build(new DigestBuilder.Input(start, now, zone,
            "Closeloop digest · " + t.team(), forTeam(fresh, t.team()), forTeam(stillOpen, t.team()), figures));
        enqueue(h, id.get(), t, result.pages(), now);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("platform", t.platform().wire());
        p.put("channel", t.channelId());
        p.put("team", t.team());
        p.put("messages", result.pages().size());
        p.put("entries", result.entries());
        posted.add(p);
      }
      long negatives = fresh.stream().filter(DigestEntry::negative).count();
      log.info("event=digest_posted kind={} slot={} new_negatives={} still_open={} channels={}",
          kind, slot, negatives, stillOpen.size(), posted.size());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id.get());
      out.put("kind", kind);
      out.put("windowStart", start.toString());
      out.put("windowEnd", now.toString());
      out.put("newNegatives", negatives);
      out.put("requests", fresh.size() - negatives);
      out.put("stillOpen", stillOpen.size());
      out.put("omitted", main.omitted());
      out.put("csat", figures.csat());
      out.put("responseRate", figures.responseRate());
      out.put("posted", posted);
      return Optional.of(out);
    }));
  }

  private static List<DigestEntry> forTeam(List<DigestEntry> entries, String team) {
    return entries.stream().filter(e -> team.equals(e.team())).toList();
  }

  private static void enqueue(Handle h, long digestId, DigestTargets.Target t, List<ChatMessage> pages, Instant now) {
    for (int i = 0; i < pages.size(); i++) {
      String key = "dg" + digestId + "-" + t.platform().wire() + "-" + t.channelId() + "-" + i;
      Notifier.enqueue(h, t.platform(), new Outgoing.ChannelPost(key, t.channelId(), pages.get(i)), null, "digest", now, now);
    }
  }
}
