package dev.closeloop.ticket;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every webhook body is read, generic and helpdesk alike: one JSON value and nothing after it
 * ({@code {...}garbage} is malformed), and no key twice in an object (which of two {@code "event"}
 * keys a reader takes is anyone's guess, so neither is taken).
 */
public final class WebhookJson {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");

  private WebhookJson() {}

  /**
   * The body as a tree (a missing node when empty).
   *
   * @throws IllegalArgumentException "body is not valid JSON", naming a key given twice
   */
  public static JsonNode read(byte[] body) {
    try {
      return STRICT.readTree(body);
    } catch (IOException e) {
      Matcher m = DUPLICATE.matcher(String.valueOf(e.getMessage()));
      throw new IllegalArgumentException(
          m.find()
              ? "body is not valid JSON: the key " + m.group(1) + " appears twice"
              : "body is not valid JSON");
    }
  }
}
