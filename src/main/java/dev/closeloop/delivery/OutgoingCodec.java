package dev.closeloop.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;

/** Outbox payloads as JSON: the {@link Outgoing} exactly as it will be sent. */
public final class OutgoingCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OutgoingCodec() {}

  public static String encode(Outgoing outgoing) {
    try {
      return MAPPER.writeValueAsString(outgoing);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + outgoing.getClass().getSimpleName(), e);
    }
  }

  public static Outgoing decode(String json) {
    try {
      return MAPPER.readValue(json, Outgoing.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable outbox payload", e);
    }
  }

  public static String encodeMessage(ChatMessage m) {
    try {
      return MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static ChatMessage decodeMessage(String json) {
    try {
      return MAPPER.readValue(json, ChatMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable message", e);
    }
  }
}
