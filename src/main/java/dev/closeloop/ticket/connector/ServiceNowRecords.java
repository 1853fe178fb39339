package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.ticket.TicketEvent.Requester;
import dev.closeloop.ticket.TicketEvent.Ticket;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A ServiceNow task record in the flat shape both the business rule and the Table API (with
 * dot-walked {@code sysparm_fields}) produce: {@code sys_id number short_description state
 * resolved_at closed_at caller_id.email caller_id.name assigned_to.name assignment_group.name}.
 * Shared by {@link ServiceNowConnector} and the ServiceNow poller.
 */
public final class ServiceNowRecords {
  public static final String SOURCE = "servicenow";

  /**
   * What the Table API is asked for: the webhook's fields, less previous_state, plus the cursor.
   */
  public static final String FIELDS =
      "sys_id,number,short_description,state,resolved_at,closed_at,caller_id.email,"
          + "caller_id.name,assigned_to.name,assignment_group.name,sys_updated_on";

  /** Incident states by number; display labels accepted too, any case. */
  public enum State {
    OPEN,
    CLOSED,
    OTHER;

    private static final Map<String, State> LABELS =
        Map.of(
            "new", OPEN,
            "in progress", OPEN,
            "on hold", OPEN,
            "resolved", CLOSED,
            "closed", CLOSED);

    public static State of(String value) {
      if (value == null) {
        return OTHER;
      }
      String v = value.trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "1", "2", "3" -> OPEN;
        case "6", "7" -> CLOSED;
        default -> LABELS.getOrDefault(v, OTHER);
      };
    }
  }

  private ServiceNowRecords() {}

  /** id {@code number}; link {@code <instanceUrl>/nav_to.do?uri=<table>.do?sys_id=<sys_id>}. */
  public static Ticket ticket(JsonNode record, String instanceUrl, String table) {
    String number = Fields.ticketId(Fields.required(record, "/number", "number"));
    return new Ticket(
        number,
        flat(record, "short_description"),
        link(instanceUrl, table, flat(record, "sys_id")),
        flat(record, "assigned_to.name"),
        flat(record, "assignment_group.name"));
  }

  public static Requester requester(JsonNode record) {
    return Requester.ofEmail(flat(record, "caller_id.email"), flat(record, "caller_id.name"));
  }

  /** {@code resolved_at}, else {@code closed_at}, both UTC; null (receipt time) when neither. */
  public static Instant closedAt(JsonNode record) {
    Instant resolved = Times.parse(flat(record, "resolved_at"), "resolved_at");
    return resolved != null ? resolved : Times.parse(flat(record, "closed_at"), "closed_at");
  }

  /**
   * A flat key; dot-walked keys are literal ("caller_id.email"). A reference read without
   * dot-walking comes back as {@code {"link","value"}}: its value is taken.
   */
  public static String flat(JsonNode record, String key) {
    JsonNode v = record.get(key);
    if (v != null && v.isObject()) {
      return Fields.text(v.get("value"));
    }
    return Fields.text(v);
  }

  static String link(String instanceUrl, String table, String sysId) {
    if (instanceUrl == null || instanceUrl.isBlank() || sysId == null) {
      return null;
    }
    String base = instanceUrl.strip().replaceAll("/+$", "");
    String t = table == null || table.isBlank() ? "incident" : table.strip();
    return base + "/nav_to.do?uri=" + t + ".do?sys_id=" + sysId;
  }
}
