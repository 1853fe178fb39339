package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The Block Kit limits Slack enforces on what Closeloop sends, as the fake checks them. Returns
 * Slack's error code for the first violation, or null. Sources: Slack's Block Kit reference (block
 * and element limits); Slack's 2020 Web API spec has no Block Kit limits.
 */
final class BlockKitRules {
  private static final Set<String> MESSAGE_BLOCKS =
      Set.of("section", "header", "actions", "context", "divider", "image", "rich_text");

  private BlockKitRules() {}

  static String checkMessageBlocks(JsonNode blocks) {
    if (!blocks.isArray()) {
      return "invalid_blocks_format";
    }
    if (blocks.size() > 50) {
      return "invalid_blocks";
    }
    Set<String> blockIds = new HashSet<>();
    for (JsonNode block : blocks) {
      String type = block.path("type").asText();
      if (!MESSAGE_BLOCKS.contains(type)) {
        return "invalid_blocks";
      }
      if (block.has("block_id")
          && (!blockIds.add(block.get("block_id").asText())
              || block.get("block_id").asText().length() > 255)) {
        return "invalid_blocks";
      }
      String problem =
          switch (type) {
            case "header" -> text(block.path("text"), "plain_text", 150);
            case "section" -> section(block);
            case "actions" -> actions(block);
            case "context" -> context(block);
            default -> null;
          };
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  static String checkModal(JsonNode view) {
    if (!"modal".equals(view.path("type").asText())) {
      return "invalid_arguments";
    }
    String problem = text(view.path("title"), "plain_text", 24);
    if (problem == null && view.has("submit")) {
      problem = text(view.get("submit"), "plain_text", 24);
    }
    if (problem == null && view.has("close")) {
      problem = text(view.get("close"), "plain_text", 24);
    }
    if (problem == null && view.path("private_metadata").asText("").length() > 3000) {
      problem = "invalid_arguments";
    }
    if (problem == null && view.path("callback_id").asText("").length() > 255) {
      problem = "invalid_arguments";
    }
    if (problem != null) {
      return problem;
    }
    JsonNode blocks = view.path("blocks");
    if (!blocks.isArray() || blocks.size() > 100) {
      return "invalid_arguments";
    }
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals("input")) {
        problem = text(block.path("label"), "plain_text", 2000);
        JsonNode el = block.path("element");
        if (problem == null && el.has("placeholder")) {
          problem = text(el.get("placeholder"), "plain_text", 150);
        }
        if (problem == null && el.path("action_id").asText("").length() > 255) {
          problem = "invalid_arguments";
        }
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String section(JsonNode block) {
    if (!block.has("text") && !block.has("fields")) {
      return "invalid_blocks";
    }
    return block.has("text") ? text(block.get("text"), null, 3000) : null;
  }

  private static String actions(JsonNode block) {
    JsonNode elements = block.path("elements");
    if (!elements.isArray() || elements.isEmpty() || elements.size() > 25) {
      return "invalid_blocks";
    }
    Set<String> actionIds = new HashSet<>();
    for (JsonNode el : elements) {
      if (el.path("type").asText().equals("button")) {
        String problem = text(el.path("text"), "plain_text", 75);
        if (problem != null) {
          return problem;
        }
        if (el.path("value").asText("").length() > 2000
            || el.path("action_id").asText("").length() > 255
            || (el.has("action_id") && !actionIds.add(el.get("action_id").asText()))
            || (el.has("style")
                && !Set.of("primary", "danger").contains(el.get("style").asText()))) {
          return "invalid_blocks";
        }
      }
    }
    return null;
  }

  private static String context(JsonNode block) {
    JsonNode elements = block.path("elements");
    if (!elements.isArray() || elements.isEmpty() || elements.size() > 10) {
      return "invalid_blocks";
    }
    for (JsonNode el : elements) {
      String problem = text(el, null, 3000);
      if (problem != null && !el.path("type").asText().equals("image")) {
        return problem;
      }
    }
    return null;
  }

  /** A text object of {@code type} (null: plain_text or mrkdwn), 1..max characters. */
  private static String text(JsonNode text, String type, int max) {
    String t = text.path("type").asText();
    boolean typeOk = type == null ? t.equals("plain_text") || t.equals("mrkdwn") : t.equals(type);
    String s = text.path("text").asText("");
    if (!typeOk || s.isEmpty() || s.length() > max) {
      return "invalid_blocks";
    }
    return null;
  }
}
