package dev.closeloop.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One outbound chat action, as stored in an outbox row. {@code key} is the row's idempotency key:
 * adapters attach it to what they send (Slack message metadata, Discord nonce / custom_id) so a
 * send interrupted by a crash can be found again ({@link ChatPlatform#reconcile}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Outgoing.DirectMessage.class),
  @JsonSubTypes.Type(Outgoing.ChannelPost.class),
  @JsonSubTypes.Type(Outgoing.Update.class),
  @JsonSubTypes.Type(Outgoing.Image.class)
})
public sealed interface Outgoing {
  String key();

  /** A new direct message to a person, by their platform user id. */
  record DirectMessage(String key, String userId, ChatMessage message) implements Outgoing {}

  /** A new message in a team channel. */
  record ChannelPost(String key, String channelId, ChatMessage message) implements Outgoing {}

  /** Replace the content of a message sent earlier (idempotent). */
  record Update(String key, MessageRef target, ChatMessage message) implements Outgoing {}

  /** Upload an image (the weekly chart) to a channel, with a short comment. */
  record Image(String key, String channelId, String fileName, String title, byte[] png)
      implements Outgoing {}
}
