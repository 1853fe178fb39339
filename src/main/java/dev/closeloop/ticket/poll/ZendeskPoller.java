package dev.closeloop.ticket.poll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import dev.closeloop.ticket.connector.Fields;
import dev.closeloop.ticket.connector.Times;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zendesk: the cursor-based incremental ticket export, {@code
 * /api/v2/incremental/tickets/cursor.json?start_time=<unix>&include=users,groups} on the first run,
 * then {@code ?cursor=<after_cursor>} until {@code end_of_stream}. The cursor is Zendesk's {@code
 * after_cursor}, committed with each page. Basic auth {@code email/token:apiToken}.
 *
 * <p>Tickets map as the webhook does: solved/closed is a close dated {@code updated_at}; any other
 * status is {@code SEEN_OPEN}; deleted tickets are skipped. Requester and assignee come from the
 * side-loaded {@code users}, the team from {@code groups}.
 */
public final class ZendeskPoller implements Poller {
  private static final Logger log = LoggerFactory.getLogger(ZendeskPoller.class);
  private static final String SOURCE = "zendesk";
  private static final String PATH = "/api/v2/incremental/tickets/cursor.json";
  private static final Set<String> CLOSED = Set.of("solved", "closed");

  private final PollContext context;
  private final PollHttp http;
  private final String base;
  private final Duration backfill;
  private final Duration every;

  public ZendeskPoller(Helpdesks.Zendesk config, PollContext context) {
    this.context = context;
    this.http = new PollHttp(SOURCE, context, config.email() + "/token", config.apiToken());
    this.base = baseUrl(config);
    this.backfill = config.backfill();
    this.every = Pollers.every(SOURCE, config.pollEvery());
  }

  static String baseUrl(Helpdesks.Zendesk config) {
    if (config.baseUrl() != null && !config.baseUrl().isBlank()) {
      return PollHttp.trimSlash(config.baseUrl());
    }
    return "https://" + config.subdomain().strip() + ".zendesk.com";
  }

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public Duration every() {
    return every;
  }

  @Override
  public PollReport pollOnce() {
    String cursor = context.cursors().cursor(SOURCE).orElse(null);
    URI uri =
        cursor != null
            ? page(cursor)
            : URI.create(
                base
                    + PATH
                    + "?start_time="
                    + context.clock().instant().minus(backfill).getEpochSecond()
                    + "&include=users,groups");
    int pages = 0;
    int events = 0;
    PageWalk walk = new PageWalk(SOURCE).from(cursor);
    while (true) {
      JsonNode page = http.get(uri).body();
      List<TicketEvent> batch = map(page);
      String after = Fields.text(page, "/after_cursor");
      pages++;
      if (after != null) {
        context.sink().commit(SOURCE, batch, after);
        cursor = after;
        events += batch.size();
      } else if (!batch.isEmpty()) {
        throw new PollException("zendesk: a page with tickets came without after_cursor");
      }
      if (page.path("end_of_stream").asBoolean(false) || after == null || !walk.next(after)) {
        break;
      }
      uri = page(after);
    }
    log.info("poller=zendesk pages={} events={}", pages, events);
    return new PollReport(pages, events, cursor);
  }

  private URI page(String cursor) {
    return URI.create(base + PATH + "?cursor=" + PollHttp.enc(cursor) + "&include=users,groups");
  }

  private List<TicketEvent> map(JsonNode page) {
    Map<String, JsonNode> users = byId(page.path("users"));
    Map<String, JsonNode> groups = byId(page.path("groups"));
    List<TicketEvent> batch = new ArrayList<>();
    for (JsonNode t : page.path("tickets")) {
      String id = Fields.text(t, "/id");
      String status = lower(Fields.text(t, "/status"));
      if (id == null || status == null || status.equals("deleted")) {
        continue;
      }
      JsonNode requester = users.get(Fields.text(t, "/requester_id"));
      JsonNode assignee = users.get(Fields.text(t, "/assignee_id"));
      JsonNode group = groups.get(Fields.text(t, "/group_id"));
      Ticket ticket =
          new Ticket(
              id,
              Fields.text(t, "/subject"),
              base + "/agent/tickets/" + id,
              assignee == null ? null : Fields.text(assignee, "/name"),
              group == null ? null : Fields.text(group, "/name"));
      Requester who =
          requester == null
              ? Requester.ofEmail(null, null)
              : new Requester(
                  Fields.text(requester, "/email"),
                  Fields.text(requester, "/name"),
                  null,
                  null,
                  Fields.text(requester, "/iana_time_zone"),
                  Fields.text(requester, "/locale"));
      if (!CLOSED.contains(status)) {
        batch.add(new TicketEvent(SOURCE, Kind.SEEN_OPEN, ticket, who, null));
      } else if (who.reachable()) {
        String updatedAt = Fields.text(t, "/updated_at");
        Instant closedAt = updatedAt == null ? null : Times.tryParse(updatedAt);
        batch.add(new TicketEvent(SOURCE, Kind.CLOSED, ticket, who, closedAt));
      } else {
        log.warn("poller=zendesk ticket={} skipped: requester has no email", id);
      }
    }
    return batch;
  }

  private static Map<String, JsonNode> byId(JsonNode list) {
    Map<String, JsonNode> map = new HashMap<>();
    for (JsonNode n : list) {
      String id = Fields.text(n, "/id");
      if (id != null) {
        map.put(id, n);
      }
    }
    return map;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
