package dev.closeloop.ticket.writeback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text as an Atlassian Document Format document, the body Jira Cloud's v3 API wants for
 * comments and descriptions: one paragraph per block of lines, hard breaks between lines, URLs as
 * links. ADF refuses empty text nodes, so none is made.
 */
final class Adf {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

  private Adf() {}

  static ObjectNode doc(String text) {
    ObjectNode doc = HelpdeskHttp.object().put("type", "doc").put("version", 1);
    ArrayNode blocks = doc.putArray("content");
    for (String paragraph : text.strip().split("\\n\\s*\\n")) {
      ObjectNode p = blocks.addObject().put("type", "paragraph");
      ArrayNode inline = p.putArray("content");
      String[] lines = paragraph.strip().split("\\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          inline.addObject().put("type", "hardBreak");
        }
        line(inline, lines[i]);
      }
    }
    return doc;
  }

  private static void line(ArrayNode inline, String line) {
    Matcher m = URL.matcher(line);
    int last = 0;
    while (m.find()) {
      text(inline, line.substring(last, m.start()));
      ObjectNode link = inline.addObject().put("type", "text").put("text", m.group());
      link.putArray("marks")
          .addObject()
          .put("type", "link")
          .putObject("attrs")
          .put("href", m.group());
      last = m.end();
    }
    text(inline, line.substring(last));
  }

  private static void text(ArrayNode inline, String s) {
    if (!s.isEmpty()) {
      inline.addObject().put("type", "text").put("text", s);
    }
  }
}
