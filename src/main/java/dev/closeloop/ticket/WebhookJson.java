package dev.closeloop.ticket;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every JSON body from outside is read — webhooks (generic and helpdesk alike), the admin API
 * and the sandbox: UTF-8 text, one JSON value and nothing after it ({@code {...}garbage} is
 * malformed), and no key twice in an object (which of two {@code "event"} keys a reader takes is
 * anyone's guess, so neither is taken). A value past Jackson's reading limits (a number of more
 * than 1000 digits, nesting deeper than 1000 levels) is refused naming the field and the limit, not
 * as "not valid JSON".
 */
public final class WebhookJson {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // a number with a fraction or exponent is kept as written, never rounded to a double:
          // 1e999999 would be Infinity and a Discord id written 1.23456789012345678e17 would lose
          // its last digits
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();
  private static final java.math.BigDecimal WHOLE_LIMIT = java.math.BigDecimal.TEN.pow(18);
  private static final StreamReadConstraints LIMITS = STRICT.getFactory().streamReadConstraints();
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");

  private WebhookJson() {}

  /**
   * The body as a tree (a missing node when empty).
   *
   * @throws IllegalArgumentException "body is not UTF-8 text", "body is not valid JSON" (naming a
   *     key given twice), or the field and the limit a value passes
   */
  public static JsonNode read(byte[] body) {
    int line = dev.closeloop.language.Texts.firstLineNotUtf8(body);
    if (line > 0) {
      throw new IllegalArgumentException("body: line " + line + " is not UTF-8 text");
    }
    JsonParser parser = null;
    try {
      parser = STRICT.createParser(body);
      JsonNode tree = STRICT.readTree(parser);
      return tree == null ? STRICT.missingNode() : tree;
    } catch (IOException e) {
      StreamConstraintsException limit = limitOf(e);
      if (limit != null) {
        throw new IllegalArgumentException(overLimit(limit, parser));
      }
      Matcher m = DUPLICATE.matcher(String.valueOf(e.getMessage()));
      throw new IllegalArgumentException(
          m.find()
              ? "body is not valid JSON: the key " + m.group(1) + " appears twice"
              : "body is not valid JSON");
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException e) {
          // nothing was held open: the body is in memory
        }
      }
    }
  }

  /**
   * A scalar's text as a sender means it (numbers and booleans included), trimmed; null when
   * absent, null, a container or blank. A whole number written with a fraction or an exponent
   * ({@code 4.0}, {@code 1e3}) reads as the whole number ({@code 4}, {@code 1000}), as a ticket id
   * or a helpdesk's numeric status is meant; other numbers read as written.
   */
  public static String scalarText(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
      return null;
    }
    if (value.isFloatingPointNumber()) {
      java.math.BigDecimal d = value.decimalValue();
      // only a plain size: a huge exponent (1e999999999) would cost the server to expand
      if (d.abs().compareTo(WHOLE_LIMIT) < 0 && d.stripTrailingZeros().scale() <= 0) {
        return d.toBigInteger().toString();
      }
    }
    String s = value.asText().trim();
    return s.isEmpty() ? null : s;
  }

  private static StreamConstraintsException limitOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException s) {
        return s;
      }
    }
    return null;
  }

  /** What passed which limit, and where: "ticket.id is a number of more than 1000 digits". */
  private static String overLimit(StreamConstraintsException e, JsonParser parser) {
    String what = String.valueOf(e.getOriginalMessage());
    String field = parser == null ? null : field(parser.getParsingContext());
    String at = field == null ? "a value" : field;
    if (what.startsWith("Number value length")) {
      return at + " is a number of more than " + LIMITS.getMaxNumberLength() + " digits";
    } else if (what.startsWith("Document nesting depth") || what.contains("nesting depth")) {
      return "body is nested deeper than " + LIMITS.getMaxNestingDepth() + " levels";
    } else if (what.startsWith("String value length")) {
      return at + " is longer than " + LIMITS.getMaxStringLength() + " characters";
    } else if (what.startsWith("Name length")) {
      return "a key is longer than " + LIMITS.getMaxNameLength() + " characters";
    }
    return "body is over a JSON reading limit" + (field == null ? "" : " at " + field);
  }

  /** The dotted path of the value being read ({@code ticket.id}, {@code items[2].name}). */
  private static String field(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject()) {
        if (c.getCurrentName() != null) {
          parts.add("." + cut(c.getCurrentName()));
        }
      } else if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    Collections.reverse(parts);
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String cut(String name) {
    return dev.closeloop.language.Texts.quoted(name, 40);
  }
}
