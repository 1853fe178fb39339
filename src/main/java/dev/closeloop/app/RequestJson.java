package dev.closeloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.language.Texts;
import dev.closeloop.ticket.WebhookJson;
import io.javalin.http.Context;

/**
 * The JSON object an admin or sandbox route takes, read as webhooks are ({@link WebhookJson}:
 * UTF-8, one value, no key twice, reading limits named), and its fields by type. Every refusal is a
 * {@link Bad} (400) that says what is wrong — not UTF-8, not JSON, not an object, "file must be a
 * string", "user is required", "user contains control characters" — the same words on every route.
 */
final class RequestJson {
  private final JsonNode root;

  private RequestJson(JsonNode root) {
    this.root = root;
  }

  /** A request body a route refuses: 400 with this message. */
  static final class Bad extends IllegalArgumentException {
    Bad(String message) {
      super(message, null);
    }
  }

  /** The request's body as a JSON object; an empty body is an empty object. */
  static RequestJson of(Context ctx) {
    return of(Bodies.bytes(ctx));
  }

  static RequestJson of(byte[] body) {
    JsonNode root;
    try {
      root = WebhookJson.read(body);
    } catch (IllegalArgumentException e) {
      throw new Bad(e.getMessage());
    }
    if (root.isMissingNode()) {
      return new RequestJson(
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    if (!root.isObject()) {
      throw new Bad("body must be a JSON object");
    }
    return new RequestJson(root);
  }

  /**
   * The text of {@code field} as sent; null when absent, JSON null or blank.
   *
   * @throws Bad when it is another type than a string, or holds a control character ({@link
   *     Texts#isControl}) or half a surrogate pair ({@link Texts#isLoneSurrogate})
   */
  String string(String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new Bad(field + " must be a string");
    }
    String s = v.textValue();
    String wrong = Texts.whyRefused(s);
    if (wrong != null) {
      throw new Bad(field + " " + wrong);
    }
    // kept as sent: a blank around a file name is the route's to refuse, not ours to drop
    return s.isBlank() ? null : s;
  }

  /**
   * A chat message a person typed ({@code text} of the sandbox): a string kept as it came, line
   * breaks included, which the survey's reader cleans as it cleans Slack and Discord text; null
   * when absent or JSON null.
   *
   * @throws Bad when it is another type than a string, or holds half a surrogate pair ({@link
   *     Texts#isLoneSurrogate})
   */
  String message(String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new Bad(field + " must be a string");
    }
    // control characters are the reader's to clean; half a surrogate pair is no text at all
    if (Texts.hasLoneSurrogate(v.textValue())) {
      throw new Bad(field + " " + Texts.HALF_PAIR);
    }
    return v.textValue();
  }

  /** {@link #string}, or {@code fallback} when absent or blank. */
  String string(String field, String fallback) {
    String s = string(field);
    return s == null ? fallback : s;
  }

  /** {@link #string}, refused as "FIELD is required" when absent or blank. */
  String required(String field) {
    String s = string(field);
    if (s == null) {
      throw new Bad(field + " is required");
    }
    return s;
  }
}
