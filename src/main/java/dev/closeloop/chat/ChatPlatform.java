package dev.closeloop.chat;

import java.util.Optional;

/**
 * The port every chat adapter implements. Adapters translate only: they render {@link
 * ChatMessage}s, send them, and turn the platform's events into {@link ChatEvent}s for the {@link
 * ChatEventHandler} they were started with. No survey logic lives behind this interface.
 */
public interface ChatPlatform {
  PlatformId id();

  /** Connect and start delivering events to {@code handler}. Returns once connecting has begun. */
  void start(ChatEventHandler handler);

  /** Disconnect; no more events are delivered. */
  void stop();

  /** True while connected (or, for HTTP-mode Slack, able to receive). */
  boolean connected();

  /** Finds a requester on this platform. */
  UserLookup lookup(Recipient recipient);

  /**
   * The name a person goes by on this platform (Slack: their display name, else real name), for
   * showing them to others; empty when the event's own name is as good or the platform cannot say.
   */
  default Optional<String> displayName(String userId) {
    return Optional.empty();
  }

  /**
   * Performs one outbound action. Must either succeed once or throw; an {@link Outgoing.Update} may
   * be repeated safely.
   *
   * @return where the message lives (for a later update), or the target for updates
   */
  MessageRef send(Outgoing outgoing) throws DeliveryException;

  /**
   * After a crash, looks for a message already sent for this outgoing action (by its key). Returns
   * empty when it was not sent; throws when the platform cannot be asked right now.
   */
  Optional<MessageRef> reconcile(Outgoing outgoing) throws DeliveryException;

  /**
   * Whether {@code userId} is on the IT team: in {@code group} (a Slack user group id, a Discord
   * role id) when one is given, else a member of {@code channelId} (Slack) or able to see it
   * (Discord). False when neither is given or the platform cannot tell. May call the platform:
   * never call it on an event thread.
   */
  default boolean inTeam(String userId, String group, String channelId) {
    return false;
  }
}
