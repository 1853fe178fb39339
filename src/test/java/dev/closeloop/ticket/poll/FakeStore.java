package dev.closeloop.ticket.poll;

import dev.closeloop.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core's side as the contract describes it: events and cursor committed together, events
 * deduplicated by (source, ticket id, kind, closedAt). It can be told to die on the Nth commit, as
 * a process killed after fetching a page but before committing it.
 */
final class FakeStore implements PollSink, CursorStore {
  record Key(String source, String ticketId, TicketEvent.Kind kind, java.time.Instant closedAt) {}

  final Map<String, String> cursors = new HashMap<>();
  final List<TicketEvent> received = new ArrayList<>();
  final Set<Key> stored = new LinkedHashSet<>();
  final List<String> cursorHistory = new ArrayList<>();
  private int commits;
  private int dieOnCommit = -1;

  FakeStore dieOnCommit(int n) {
    this.dieOnCommit = n;
    return this;
  }

  @Override
  public void commit(String poller, List<TicketEvent> events, String cursor) {
    if (++commits == dieOnCommit) {
      throw new IllegalStateException("process killed before commit " + commits);
    }
    received.addAll(events);
    for (TicketEvent e : events) {
      stored.add(new Key(e.source(), e.ticket().id(), e.kind(), e.closedAt()));
    }
    cursors.put(poller, cursor);
    cursorHistory.add(cursor);
  }

  @Override
  public Optional<String> cursor(String poller) {
    return Optional.ofNullable(cursors.get(poller));
  }

  List<String> storedIds() {
    return stored.stream().map(k -> k.ticketId() + ":" + k.kind()).toList();
  }
}
