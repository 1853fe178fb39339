package dev.closeloop.ticket.poll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.TicketEvent;
import dev.closeloop.ticket.connector.Fields;
import dev.closeloop.ticket.connector.JiraIssues;
import dev.closeloop.ticket.connector.PayloadException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira Cloud: {@code GET {baseUrl}/rest/api/3/search/jql} with {@code (<jql>) AND resolutiondate >=
 * "<cursor − 1 day>" ORDER BY resolutiondate ASC}, following {@code nextPageToken} until {@code
 * isLast}. The cursor is the latest {@code resolutiondate} committed (ISO-8601). JQL dates are read
 * in the API user's time zone; the day of overlap covers any zone, and the repeats it brings are
 * exact duplicates the core drops.
 */
public final class JiraPoller implements Poller {
  private static final Logger log = LoggerFactory.getLogger(JiraPoller.class);
  private static final Duration OVERLAP = Duration.ofDays(1);
  private static final DateTimeFormatter JQL_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final Helpdesks.Jira config;
  private final PollContext context;
  private final PollHttp http;
  private final Duration every;

  public JiraPoller(Helpdesks.Jira config, PollContext context) {
    this.config = config;
    this.context = context;
    this.http = new PollHttp(name(), context, config.email(), config.apiToken());
    this.every = Pollers.every("jira", config.pollEvery());
  }

  @Override
  public String name() {
    return JiraIssues.SOURCE;
  }

  @Override
  public Duration every() {
    return every;
  }

  @Override
  public PollReport pollOnce() {
    Instant cursor = storedCursor().orElse(null);
    Instant since =
        cursor != null ? cursor.minus(OVERLAP) : context.clock().instant().minus(config.backfill());
    String jql = jql(since);
    String pageToken = null;
    int pages = 0;
    int events = 0;
    PageWalk walk = new PageWalk(name());
    while (true) {
      JsonNode page = http.get(uri(jql, pageToken)).body();
      List<TicketEvent> batch = new ArrayList<>();
      for (JsonNode issue : page.path("issues")) {
        try {
          TicketEvent event = JiraIssues.closed(issue);
          batch.add(event);
          if (event.closedAt() != null && (cursor == null || event.closedAt().isAfter(cursor))) {
            cursor = event.closedAt();
          }
        } catch (PayloadException e) {
          log.warn("poller=jira issue={} skipped: {}", Fields.text(issue, "/key"), e.getMessage());
        }
      }
      pages++;
      if (!batch.isEmpty()) {
        // the cursor only moves with an event, so an empty page has nothing to commit
        Instant committed = cursor != null ? cursor : since.plus(OVERLAP);
        context.sink().commit(name(), batch, committed.toString());
        events += batch.size();
      }
      pageToken = Fields.text(page, "/nextPageToken");
      if (page.path("isLast").asBoolean(false) || pageToken == null || !walk.next(pageToken)) {
        break;
      }
    }
    log.info("poller=jira pages={} events={} cursor={}", pages, events, cursor);
    return new PollReport(pages, events, cursor == null ? null : cursor.toString());
  }

  String jql(Instant since) {
    String user = config.jql() == null ? "" : config.jql().strip();
    String window = "resolutiondate >= \"" + JQL_DATE.format(since) + "\"";
    return (user.isEmpty() ? window : "(" + user + ") AND " + window)
        + " ORDER BY resolutiondate ASC";
  }

  private URI uri(String jql, String pageToken) {
    StringBuilder url =
        new StringBuilder(PollHttp.trimSlash(config.baseUrl()))
            .append("/rest/api/3/search/jql?jql=")
            .append(PollHttp.enc(jql))
            .append("&fields=")
            .append(PollHttp.enc(JiraIssues.FIELDS));
    if (pageToken != null) {
      url.append("&nextPageToken=").append(PollHttp.enc(pageToken));
    }
    return URI.create(url.toString());
  }

  private Optional<Instant> storedCursor() {
    Optional<String> stored = context.cursors().cursor(name());
    try {
      return stored.map(Instant::parse);
    } catch (DateTimeParseException e) {
      log.warn("poller=jira stored cursor unreadable; starting from backfill");
      return Optional.empty();
    }
  }
}
