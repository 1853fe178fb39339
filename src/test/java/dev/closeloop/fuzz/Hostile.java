package dev.closeloop.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of hostile input shared by the property tests: strings full of mention syntax, markup,
 * control characters and odd Unicode; and JSON payloads made by mutating real samples (fields
 * replaced by wrong types, huge or hostile strings, deleted, nested deeply).
 */
public final class Hostile {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] ATOMS = {
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U0123>",
    "<@W9>",
    "<#C1|x>",
    "<!subteam^S1>",
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@&42>",
    "<#99>",
    "&",
    "&amp;",
    "&lt;",
    "<",
    ">",
    "\\",
    "`",
    "*",
    "_",
    "~",
    "|",
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\r\n",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\ud83d\udc4d",
    "\ud83d\udc4e",
    "\ud83c\udffd",
    "\ud800",
    "\udc00",
    "４",
    "five",
    "4/5",
    "stop",
    "yes",
    "no",
    " ",
    "\t",
    "ﬁ",
    "İ",
    "ß",
    "%s",
    "${jndi:ldap://x}",
    "'; DROP TABLE surveys;--",
    "\"",
    "{}",
    "[]",
    "null",
    "1e999",
    "-0",
    "9".repeat(40)
  };

  private Hostile() {}

  /** Strings mixing hostile atoms with arbitrary code units (lone surrogates included). */
  public static Arbitrary<String> text() {
    Arbitrary<String> atom = Arbitraries.of(ATOMS);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(12);
    return Arbitraries.oneOf(atom, any, Arbitraries.strings().alpha().ofMaxLength(6))
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  /** Arbitrary bytes: not UTF-8, not JSON, truncated JSON. */
  public static Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
  }

  /** A real sample payload with {@code mutations} random changes, as bytes. */
  public static Arbitrary<byte[]> mutated(List<byte[]> samples) {
    return Arbitraries.integers()
        .between(0, samples.size() - 1)
        .flatMap(i -> Arbitraries.longs().map(seed -> mutate(samples.get(i), seed)));
  }

  static byte[] mutate(byte[] sample, long seed) {
    Random r = new Random(seed);
    try {
      JsonNode root = JSON.readTree(sample);
      int n = 1 + r.nextInt(6);
      for (int k = 0; k < n; k++) {
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
          break;
        }
        JsonNode[] slot = slots.get(r.nextInt(slots.size()));
        replace(slot, r);
      }
      byte[] out = JSON.writeValueAsBytes(root);
      if (r.nextInt(20) == 0) { // sometimes cut short
        return java.util.Arrays.copyOf(out, r.nextInt(out.length + 1));
      }
      return out;
    } catch (java.io.IOException e) {
      return sample;
    }
  }

  /** Pairs of (container, child) for every child in the tree. */
  private static void collect(JsonNode node, List<JsonNode[]> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                out.add(new JsonNode[] {node, F.textNode(e.getKey())});
                collect(e.getValue(), out);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(new JsonNode[] {node, F.numberNode(i)});
        collect(node.get(i), out);
      }
    }
  }

  private static void replace(JsonNode[] slot, Random r) {
    JsonNode value =
        switch (r.nextInt(10)) {
          case 0 -> F.nullNode();
          case 1 -> F.numberNode(r.nextLong());
          case 2 -> F.numberNode(r.nextDouble() * 1e300);
          case 3 -> F.booleanNode(r.nextBoolean());
          case 4 -> F.arrayNode().add(F.textNode(ATOMS[r.nextInt(ATOMS.length)]));
          case 5 -> F.objectNode().put("x", ATOMS[r.nextInt(ATOMS.length)]);
          case 6 -> F.textNode("x".repeat(r.nextInt(70_000)));
          case 7 -> F.textNode("2026-13-45T99:99:99Z");
          default -> F.textNode(randomText(r));
        };
    if (slot[0] instanceof ObjectNode o) {
      if (r.nextInt(5) == 0) {
        o.remove(slot[1].asText());
      } else {
        o.set(slot[1].asText(), value);
      }
    } else if (slot[0] instanceof ArrayNode a) {
      a.set(slot[1].asInt(), value);
    }
  }

  private static String randomText(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      b.append(ATOMS[r.nextInt(ATOMS.length)]);
      b.append((char) r.nextInt(0x10000));
    }
    return b.toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
