package dev.closeloop.chat.discord;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.InteractionReply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A core stand-in: records every event and answers with whatever the test set. */
final class RecordingHandler implements ChatEventHandler {
  private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
  private volatile Function<ChatEvent, InteractionReply> replies = e -> InteractionReply.none();

  @Override
  public InteractionReply handle(ChatEvent event) {
    events.add(event);
    return replies.apply(event);
  }

  void answerWith(Function<ChatEvent, InteractionReply> replies) {
    this.replies = replies;
  }

  List<ChatEvent> events() {
    return List.copyOf(events);
  }

  <T extends ChatEvent> List<T> events(Class<T> type, String userId) {
    return events.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(e -> e.userId().equals(userId))
        .toList();
  }
}
