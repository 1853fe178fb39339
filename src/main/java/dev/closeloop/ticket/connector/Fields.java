package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading helpdesk JSON leniently: absent, null and blank values all read as null. */
public final class Fields {

  private Fields() {}

  /** Parses a body; malformed JSON or a non-object is a {@link PayloadException}. */
  static JsonNode parseObject(byte[] body) {
    JsonNode root;
    try {
      root = dev.closeloop.ticket.WebhookJson.read(body);
    } catch (IllegalArgumentException e) {
      throw new PayloadException(e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PayloadException("body must be a JSON object");
    }
    return root;
  }

  /** The text at a JSON pointer ("/fields/summary"), or null when absent, null or blank. */
  public static String text(JsonNode node, String pointer) {
    return text(node == null ? null : node.at(pointer));
  }

  /**
   * A scalar's text (numbers and booleans included), trimmed; null when absent or blank. A whole
   * number written with a fraction ({@code 4.0}, {@code 207.00}) reads as the whole number, as a
   * helpdesk's numeric status or id is meant ({@link dev.closeloop.ticket.WebhookJson#scalarText},
   * as the generic webhook reads its ids).
   */
  public static String text(JsonNode value) {
    return dev.closeloop.ticket.WebhookJson.scalarText(value);
  }

  /** Like {@link #text(JsonNode, String)}, but absent means a 400 naming {@code field}. */
  static String required(JsonNode node, String pointer, String field) {
    String s = text(node, pointer);
    if (s == null) {
      throw PayloadException.missing(field);
    }
    return s;
  }

  /** A ticket id as shown to people: trimmed, a leading '#' dropped. */
  public static String ticketId(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim();
    while (s.startsWith("#")) {
      s = s.substring(1).trim();
    }
    return s.isEmpty() ? null : s;
  }

  /** "First Last" from optional parts; null when both are blank. */
  static String fullName(String first, String last) {
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    return name.isEmpty() ? null : name;
  }
}
