package dev.closeloop.chat;

/**
 * The core's entry point for chat events. Returns quickly (well under the platforms' 3-second
 * deadline): slow work is queued in the outbox. Never throws for bad input.
 */
@FunctionalInterface
public interface ChatEventHandler {
  InteractionReply handle(ChatEvent event);
}
