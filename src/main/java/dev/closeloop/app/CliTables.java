package dev.closeloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** The tables the CLI prints by default; {@code --json} prints the admin API's JSON instead. */
final class CliTables {
  private CliTables() {}

  /** {@code stats}: the figures overall, then by team, assignee and week. */
  static String stats(JsonNode stats) {
    StringBuilder out = new StringBuilder();
    TextTable all = figuresTable("");
    figuresRow(all, "all", stats);
    out.append(all.render());
    for (String[] group :
        new String[][] {{"byTeam", "TEAM"}, {"byAssignee", "ASSIGNEE"}, {"byWeek", "WEEK"}}) {
      JsonNode by = stats.path(group[0]);
      if (by.isObject() && !by.isEmpty()) {
        TextTable t = figuresTable(group[1]);
        Iterator<Map.Entry<String, JsonNode>> it = by.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          figuresRow(t, e.getKey(), e.getValue());
        }
        out.append('\n').append(t.render());
      }
    }
    return out.toString();
  }

  private static TextTable figuresTable(String first) {
    return TextTable.of(
            first,
            "CSAT",
            "RESPONSE RATE",
            "RATED",
            "ANSWERED",
            "SENT",
            "NOT FIXED",
            "MEDIAN TIME TO ANSWER")
        .alignRight(1, 2, 3, 4, 5, 6);
  }

  private static void figuresRow(TextTable t, String name, JsonNode f) {
    t.row(
        name,
        percent(f.path("csat")),
        percent(f.path("responseRate")),
        f.path("rated").asLong(),
        f.path("answered").asLong(),
        f.path("sent").asLong(),
        percent(f.path("notFixedShare")),
        text(f.path("medianTimeToAnswer")));
  }

  /** {@code incidents}: one line per incident, oldest concerns first as the API lists them. */
  static String incidents(JsonNode answer) {
    JsonNode list = answer.path("incidents");
    if (list.isEmpty()) {
      return "No incidents.\n";
    }
    TextTable t =
        TextTable.of(
                "SURVEY",
                "TICKET",
                "TITLE",
                "REQUESTER",
                "SCORE",
                "FIXED",
                "OWNER",
                "FOLLOWED UP",
                "AGE",
                "COMMENT")
            .alignRight(0, 4, 8);
    for (JsonNode i : list) {
      JsonNode requester = i.path("requester");
      t.row(
          i.path("surveyId").asText(),
          text(i.path("ticketId")),
          text(i.path("title")),
          requester.hasNonNull("name")
              ? text(requester.path("name"))
              : text(requester.path("email")),
          text(i.path("score")),
          yesNo(i.path("fixed")),
          text(i.path("owner")),
          text(i.path("followedUpBy")),
          age(i.path("age")),
          i.hasNonNull("comment") ? text(i.path("comment")) : text(i.path("request")));
    }
    String more =
        answer.hasNonNull("next")
            ? "More incidents follow: run again with --after " + answer.get("next").asText() + "\n"
            : "";
    return t.render() + more;
  }

  /** {@code outbox list}: one line per row. */
  static String outbox(JsonNode answer) {
    JsonNode list = answer.path("outbox");
    if (list.isEmpty()) {
      return "No outbox rows.\n";
    }
    TextTable t =
        TextTable.of("ID", "PLATFORM", "PURPOSE", "STATE", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR")
            .alignRight(0, 4);
    for (JsonNode o : list) {
      t.row(
          o.path("id").asText(),
          text(o.path("platform")),
          text(o.path("purpose")),
          text(o.path("state")),
          o.path("attempts").asText(),
          text(o.path("nextAttemptAt")),
          text(o.path("lastError")));
    }
    return t.render();
  }

  static String percent(JsonNode fraction) {
    return fraction.isNumber() ? Math.round(fraction.asDouble() * 100) + "%" : null;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static String yesNo(JsonNode node) {
    return node.isBoolean() ? (node.asBoolean() ? "yes" : "no") : null;
  }

  /** An ISO-8601 age as people say it: "3d 4h", "5h 12m", "40m". */
  static String age(JsonNode iso) {
    if (!iso.isTextual()) {
      return null;
    }
    try {
      Duration d = Duration.parse(iso.asText());
      if (d.toDays() > 0) {
        return d.toDays() + "d " + d.toHoursPart() + "h";
      }
      return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m" : d.toMinutes() + "m";
    } catch (DateTimeException e) {
      return iso.asText();
    }
  }
}
