package dev.closeloop.ticket.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's walk through a helpdesk's pages, bounded whatever the helpdesk answers. A page the run
 * has already fetched (the same cursor, page token or next link again, or a cycle of them) stops
 * the run with a {@link PollException}: a helpdesk that loops would otherwise be asked for the same
 * pages forever, a poller thread and the helpdesk's rate limit spent on it, and the job never end.
 * At most {@link #MAX_PAGES} pages are fetched in one run; what they held is committed, and the
 * next run goes on from there, so a list that never ends costs a bounded number of requests per
 * run.
 */
final class PageWalk {
  private static final Logger log = LoggerFactory.getLogger(PageWalk.class);

  /** Pages in one run: 1,000 Zendesk pages of 1,000 tickets, 500,000 ServiceNow records. */
  static final int MAX_PAGES = 1000;

  private final String poller;
  private final Set<String> seen = new HashSet<>();
  private int pages;

  PageWalk(String poller) {
    this.poller = poller;
  }

  /** Marks the first page ({@code key}: its cursor or URL; null: none to name). */
  PageWalk from(String key) {
    if (key != null) {
      seen.add(digest(key));
    }
    return this;
  }

  /**
   * Whether to fetch the page named {@code key}, called once after each page fetched: false (and a
   * WARN line) when the run has fetched {@link #MAX_PAGES}; a page fetched before in this run
   * throws.
   */
  boolean next(String key) {
    pages++;
    if (!seen.add(digest(key))) {
      throw new PollException(
          poller
              + ": the helpdesk's next page is one this run already fetched (page "
              + (pages + 1)
              + "); its paging loops, so the run stops here and the next starts from the last"
              + " committed page");
    }
    if (pages >= MAX_PAGES) {
      log.warn(
          "poller={} event=poll_page_cap pages={} stopped after {} pages in one run; the next run"
              + " goes on from the last committed page",
          poller,
          pages,
          MAX_PAGES);
      return false;
    }
    return true;
  }

  /** Pages fetched so far, counted by {@link #next}. */
  int pages() {
    return pages;
  }

  // a page token can be long (a whole page is allowed 32 MiB): keep 32 bytes of each, not the token
  private static String digest(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
