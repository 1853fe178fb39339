package dev.closeloop.ticket.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A {@link Write} as the JSON payload of an outbox row, and back. */
public final class WriteJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private WriteJson() {}

  public static String write(Write write) {
    try {
      return JSON.writeValueAsString(write);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + write.kind(), e);
    }
  }

  /**
   * The write stored by {@link #write}; throws {@link IllegalArgumentException} when unreadable.
   */
  public static Write read(String json) {
    try {
      return JSON.readValue(json, Write.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stored write: " + e.getOriginalMessage(), e);
    }
  }
}
