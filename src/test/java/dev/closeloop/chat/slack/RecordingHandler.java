package dev.closeloop.chat.slack;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.InteractionReply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link ChatEventHandler} that records events and answers with a chosen reply. */
final class RecordingHandler implements ChatEventHandler {
  private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
  private volatile Function<ChatEvent, InteractionReply> replies = e -> InteractionReply.none();

  RecordingHandler replyWith(Function<ChatEvent, InteractionReply> replies) {
    this.replies = replies;
    return this;
  }

  @Override
  public InteractionReply handle(ChatEvent event) {
    events.add(event);
    return replies.apply(event);
  }

  List<ChatEvent> events() {
    return List.copyOf(events);
  }

  <T extends ChatEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
