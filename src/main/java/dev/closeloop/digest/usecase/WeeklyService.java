package dev.closeloop.digest.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.digest.Figures;
import dev.closeloop.digest.WeeklyChart;
import dev.closeloop.store.Digests;
import dev.closeloop.store.Retry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The weekly summary: the last eight weeks' CSAT beside the response rate, as figures and a PNG
 * trend chart, posted to the digest channels on {@code digest.weekly.day} at its time, once.
 */
public final class WeeklyService {
  private final Jdbi jdbi;
  private final Config config;
  private final Map<dev.closeloop.chat.PlatformId, ?> platforms;
  private final StatsService stats;
  private final Clock clock;

  public WeeklyService(
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
  }

  public Optional<Map<String, Object>> tick(Instant installedAt) {
    Instant now = clock.instant();
    ZoneId zone = ZoneId.of(config.digest().zone());
    DayOfWeek day = config.digest().weekly().day();
    LocalDate d = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
    ZonedDateTime slot =
        ZonedDateTime.of(d, LocalTime.parse(config.digest().weekly().time()), zone);
    if (slot.toInstant().isAfter(now)) {
      slot = slot.minusWeeks(1);
    }
    if (!slot.toInstant().isAfter(installedAt)) {
      return Optional.empty();
    }
    String key = "weekly:" + slot.toLocalDate();
    if (jdbi.withHandle(h -> new Digests(h).slotTaken(key))) {
      return Optional.empty();
    }
    return post(key, now);
  }

  public Map<String, Object> postNow() {
    return post("weekly-manual:" + UUID.randomUUID(), clock.instant()).orElseThrow();
  }

  private Optional<Map<String, Object>> post(String slot, Instant now) {
    ZoneId zone = ZoneId.of(config.digest().zone());
    LocalDate thisWeek =
        now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<WeeklyChart.Point> points = new ArrayList<>();
    for (int w = 7; w >= 0; w--) {
      LocalDate start = thisWeek.minusWeeks(w);
      Instant from = start.atStartOfDay(zone).toInstant();
      Instant to = start.plusWeeks(1).atStartOfDay(zone).toInstant();
      points.add(new WeeklyChart.Point(stats.week(from), stats.figures(from, to)));
    }
    Figures last = points.get(points.size() - 2).figures();
    Figures current = points.get(points.size() - 1).figures();
    dev.closeloop.language.Words words =
        dev.closeloop.language.Words.team(config.digest().locale(), config.digest().zone());
    byte[] png = WeeklyChart.render(points, WeeklyChart.Labels.of(words));
    String text = words.t("weeklyText", "last", last.line(words), "current", current.line(words));
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Optional<Long> id =
                      new Digests(h)
                          .insert(slot, "weekly", now.minusSeconds(7 * 86400), now, now, 0, text);
                  if (id.isEmpty()) {
                    return Optional.<Map<String, Object>>empty();
                  }
                  List<Map<String, Object>> posted = new ArrayList<>();
                  for (DigestTargets.Target t : DigestTargets.of(config, platforms)) {
                    if (t.team() != null) {
                      continue;
                    }
                    String base = "wk" + id.get() + "-" + t.platform().wire() + "-" + t.channelId();
                    OutboxWriter.enqueue(
                        h,
                        t.platform(),
                        new Outgoing.ChannelPost(
                            base + "-t",
                            t.channelId(),
                            new ChatMessage(
                                text,
                                List.of(
                                    new ChatMessage.Header(words.t("weeklyTitle")),
                                    ChatMessage.Text.plain(text)))),
                        null,
                        "weekly",
                        now,
                        now);
                    OutboxWriter.enqueue(
                        h,
                        t.platform(),
                        new Outgoing.Image(
                            base + "-c",
                            t.channelId(),
                            "closeloop-weekly.png",
                            words.t("chartAlt"),
                            png),
                        null,
                        "weekly",
                        now,
                        now);
                    posted.add(Map.of("platform", t.platform().wire(), "channel", t.channelId()));
                  }
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("id", id.get());
                  out.put("text", text);
                  out.put("chartBytes", png.length);
                  out.put("posted", posted);
                  return Optional.of(out);
                }));
  }
}
