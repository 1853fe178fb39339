package dev.closeloop.ticket.poll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import dev.closeloop.ticket.connector.PayloadException;
import dev.closeloop.ticket.connector.ServiceNowRecords;
import dev.closeloop.ticket.connector.ServiceNowRecords.State;
import dev.closeloop.ticket.connector.Times;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ServiceNow Table API: {@code GET {instanceUrl}/api/now/table/{table}?sysparm_query=
 * sys_updated_on>=<cursor>^<query>^ORDERBYsys_updated_on&sysparm_fields=…}, following {@code Link:
 * <…>;rel="next"}. Basic {@code user:password}. The cursor is the latest {@code sys_updated_on}
 * committed ("yyyy-MM-dd HH:mm:ss", UTC); {@code >=} repeats the last second's records, which the
 * core drops as duplicates.
 *
 * <p>The Table API has no previous state: state 6/7 is a close, 1/2/3 is {@code SEEN_OPEN}.
 */
public final class ServiceNowPoller implements Poller {
  private static final Logger log = LoggerFactory.getLogger(ServiceNowPoller.class);
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;([^,]*)");
  private static final Pattern REL_NEXT = Pattern.compile("rel\\s*=\\s*\"?next\"?");

  /** Table API default is 10,000; smaller pages let the cursor advance as a run progresses. */
  static final int PAGE_SIZE = 500;

  private final Helpdesks.ServiceNow config;
  private final PollContext context;
  private final PollHttp http;
  private final String instance;
  private final Duration every;

  public ServiceNowPoller(Helpdesks.ServiceNow config, PollContext context) {
    this.config = config;
    this.context = context;
    this.http = new PollHttp(name(), context, config.user(), config.password());
    this.instance = PollHttp.trimSlash(config.instanceUrl());
    this.every = Pollers.every("servicenow", config.pollEvery());
  }

  @Override
  public String name() {
    return ServiceNowRecords.SOURCE;
  }

  @Override
  public Duration every() {
    return every;
  }

  @Override
  public PollReport pollOnce() {
    String cursor =
        context
            .cursors()
            .cursor(name())
            .orElseGet(
                () -> Times.SERVICENOW.format(context.clock().instant().minus(config.backfill())));
    URI uri = first(cursor);
    int pages = 0;
    int events = 0;
    PageWalk walk = new PageWalk(name()).from(uri.toString());
    while (true) {
      PollHttp.Page page = http.get(uri);
      List<TicketEvent> batch = new ArrayList<>();
      String pageCursor = cursor;
      for (JsonNode record : page.body().path("result")) {
        pageCursor = later(pageCursor, ServiceNowRecords.flat(record, "sys_updated_on"));
        map(record, batch);
      }
      pages++;
      if (!batch.isEmpty() || !pageCursor.equals(cursor)) {
        context.sink().commit(name(), batch, pageCursor);
        cursor = pageCursor;
        events += batch.size();
      }
      URI next = next(page, uri);
      if (next == null || !walk.next(next.toString())) {
        break;
      }
      uri = next;
    }
    log.info("poller=servicenow pages={} events={} cursor={}", pages, events, cursor);
    return new PollReport(pages, events, cursor);
  }

  URI first(String cursor) {
    String query = config.query() == null ? "" : config.query().strip();
    String sysparmQuery =
        "sys_updated_on>="
            + cursor
            + (query.isEmpty() ? "" : "^" + query)
            + "^ORDERBYsys_updated_on";
    return URI.create(
        instance
            + "/api/now/table/"
            + PollHttp.enc(table())
            + "?sysparm_query="
            + PollHttp.enc(sysparmQuery)
            + "&sysparm_fields="
            + PollHttp.enc(ServiceNowRecords.FIELDS)
            + "&sysparm_limit="
            + PAGE_SIZE);
  }

  private String table() {
    return config.table() == null || config.table().isBlank() ? "incident" : config.table().strip();
  }

  private void map(JsonNode record, List<TicketEvent> batch) {
    State state = State.of(ServiceNowRecords.flat(record, "state"));
    if (state == State.OTHER) {
      return;
    }
    try {
      Ticket ticket = ServiceNowRecords.ticket(record, instance, table());
      Requester requester = ServiceNowRecords.requester(record);
      if (state == State.OPEN) {
        batch.add(new TicketEvent(name(), Kind.SEEN_OPEN, ticket, requester, null));
      } else if (requester.reachable()) {
        batch.add(
            new TicketEvent(
                name(), Kind.CLOSED, ticket, requester, ServiceNowRecords.closedAt(record)));
      } else {
        log.warn("poller=servicenow record={} skipped: caller has no email", ticket.id());
      }
    } catch (PayloadException e) {
      log.warn(
          "poller=servicenow sys_id={} skipped: {}",
          ServiceNowRecords.flat(record, "sys_id"),
          e.getMessage());
    }
  }

  /** The later of two "yyyy-MM-dd HH:mm:ss" values (they sort as text); unreadable ones lose. */
  private static String later(String current, String candidate) {
    if (candidate == null) {
      return current;
    }
    Instant c = Times.tryParse(candidate);
    if (c == null) {
      return current;
    }
    String normalised = Times.SERVICENOW.format(c);
    return normalised.compareTo(current) > 0 ? normalised : current;
  }

  /** The {@code rel="next"} link, only ever on the instance's own host (it gets our password). */
  private URI next(PollHttp.Page page, URI current) {
    for (String header : page.response().headers().allValues("Link")) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        if (!REL_NEXT.matcher(m.group(2)).find()) {
          continue;
        }
        URI next = current.resolve(m.group(1).trim());
        if (!Objects.equals(next.getHost(), current.getHost())
            || next.getPort() != current.getPort()) {
          throw new PollException("servicenow: next link leaves the instance: " + next.getHost());
        }
        return next.equals(current) ? null : next;
      }
    }
    return null;
  }
}
