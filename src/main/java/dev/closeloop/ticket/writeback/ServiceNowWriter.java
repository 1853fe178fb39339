package dev.closeloop.ticket.writeback;

import static dev.closeloop.ticket.writeback.HelpdeskHttp.enc;
import static dev.closeloop.ticket.writeback.HelpdeskHttp.object;
import static dev.closeloop.ticket.writeback.HelpdeskHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.writeback.HelpdeskHttp.Stop;
import dev.closeloop.ticket.writeback.ProbeReport.Finding;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ServiceNow Table API. Notes are {@code work_notes} ({@code PATCH
 * /api/now/table/{table}/{sys_id}}); a reopen sets {@code state: 2} (In Progress) with the work
 * note in the same request. The record is found by the {@code sys_id} in the ticket's link, else by
 * its number. New records copy the original's caller and carry the marker as {@code
 * correlation_id}.
 */
public final class ServiceNowWriter extends ApiWriter {
  private static final Pattern SYS_ID = Pattern.compile("sys_id=([0-9a-fA-F]{32})");
  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final String FIELDS = "sys_id,number,state,caller_id";

  /** {@code [code]} or {@code [/code]}, in any case and spacing: see {@link #journal}. */
  private static final Pattern CODE_TAG =
      Pattern.compile("\\[(\\s*/?\\s*code\\s*])", Pattern.CASE_INSENSITIVE);

  private final HelpdeskHttp http;
  private final String table;
  private final String user;
  private final String mayRead;
  private final String mayUpdate;
  private final String mayCreate;

  public ServiceNowWriter(
      Helpdesks.ServiceNow config, HttpClient client, Duration timeout, Clock clock) {
    this.http =
        new HelpdeskHttp(
            "ServiceNow",
            config.instanceUrl(),
            client,
            timeout,
            clock,
            "connectors.servicenow.user and connectors.servicenow.password",
            Map.of("Authorization", HelpdeskHttp.basic(config.user(), config.password())),
            List.of(config.password()));
    this.table = config.table();
    this.user = config.user();
    this.mayRead = "the user needs read access to " + table + " (the itil role)";
    this.mayUpdate =
        "the user needs write access to " + table + " work_notes and state (the itil role)";
    this.mayCreate = "the user needs create access to " + table + " (the itil role)";
  }

  @Override
  public String system() {
    return "servicenow";
  }

  @Override
  Done note(Write write) {
    return workNote(find(write.ticket()), write.text(), write.marker(), false);
  }

  private record Row(String sysId, String number, String state, String caller) {}

  private Row find(TicketRef ticket) {
    String sysId = sysId(ticket.url());
    JsonNode result;
    String params = "sysparm_fields=" + FIELDS + "&sysparm_exclude_reference_link=true";
    if (sysId != null) {
      result = http.get(tablePath() + "/" + sysId + "?" + params, mayRead).path("result");
    } else {
      result =
          http.get(
                  tablePath()
                      + "?sysparm_query="
                      + enc("number=" + checked(ticket.id(), NUMBER, "a ServiceNow number"))
                      + "&"
                      + params
                      + "&sysparm_limit=1",
                  mayRead)
              .path("result")
              .path(0);
      if (result.isMissingNode()) {
        throw new Stop(
            404, new WriteOutcome.Gone("ServiceNow has no " + table + " numbered " + ticket.id()));
      }
    }
    return new Row(
        text(result, "/sys_id"),
        text(result, "/number"),
        text(result, "/state"),
        text(result, "/caller_id"));
  }

  private Done workNote(Row row, String text, String marker, boolean reopen) {
    ObjectNode request = object();
    if (reopen) {
      request.put("state", "2");
    }
    request.put("work_notes", Marker.append(journal(text), marker));
    http.call("PATCH", tablePath() + "/" + row.sysId(), request, mayUpdate);
    return Done.of(row.number(), link(row.sysId()));
  }

  /**
   * Text for a journal field: ServiceNow shows what stands between {@code [code]} and {@code
   * [/code]} as HTML, so people's words (a comment, a follow-up note) could put a link or an image
   * into the agents' activity stream. The tag's bracket becomes a look-alike (［): the words stay
   * readable, nothing renders.
   */
  static String journal(String text) {
    return text == null ? null : CODE_TAG.matcher(text).replaceAll("\uFF3B$1");
  }

  @Override
  Done reopen(Write.Reopen r) {
    Row row = find(r.ticket());
    boolean closed = "6".equals(row.state()) || "7".equals(row.state());
    Done done = workNote(row, r.text(), r.marker(), closed);
    return closed ? done : new Done(done.id(), done.url(), true);
  }

  @Override
  Done create(Write.Request r) {
    Row original = find(r.ticket());
    ObjectNode request = object();
    request.put("short_description", Requests.title(r, 160));
    request.put("description", Requests.body(r));
    if (original.caller() != null && !original.caller().isBlank()) {
      request.put("caller_id", original.caller());
    }
    request.put("correlation_id", r.marker());
    request.put("correlation_display", "Closeloop");
    JsonNode created = http.call("POST", tablePath(), request, mayCreate).path("result");
    return Done.of(text(created, "/number"), link(text(created, "/sys_id")));
  }

  @Override
  LookUp findCreated(Write.Request request) {
    JsonNode found =
        http.get(
                tablePath()
                    + "?sysparm_query="
                    + enc("correlation_id=" + request.marker())
                    + "&sysparm_fields=sys_id,number&sysparm_limit=1",
                mayRead)
            .path("result")
            .path(0);
    return found.isMissingNode()
        ? new LookUp.NotWritten()
        : new LookUp.Written(Done.of(text(found, "/number"), link(text(found, "/sys_id"))));
  }

  @Override
  LookUp findNote(Write write) {
    Row row = find(write.ticket());
    String notes =
        text(
            http.get(
                tablePath()
                    + "/"
                    + row.sysId()
                    + "?sysparm_fields=work_notes&sysparm_display_value=true",
                mayRead),
            "/result/work_notes");
    return Marker.in(notes, write.marker())
        ? new LookUp.Written(Done.of(row.number(), link(row.sysId())))
        : new LookUp.NotWritten();
  }

  @Override
  public ProbeReport probe() {
    List<Finding> out = new ArrayList<>();
    try {
      http.get(tablePath() + "?sysparm_limit=1&sysparm_fields=sys_id", mayRead);
      out.add(Finding.ok("signed in as " + user + "; can read " + table));
    } catch (Stop stop) {
      out.add(Finding.missing(stop.outcome.reason()));
      return new ProbeReport(system(), out);
    }
    try {
      JsonNode roles =
          http.get(
              "/api/now/table/sys_user_has_role?sysparm_query="
                  + enc("user.user_name=" + user + "^role.nameINitil,sn_incident_write,admin")
                  + "&sysparm_fields=role.name&sysparm_limit=5",
              mayRead);
      List<String> names = new ArrayList<>();
      roles.path("result").forEach(r -> names.add(r.path("role.name").asText()));
      out.add(
          names.isEmpty()
              ? Finding.missing(
                  user
                      + " has none of the roles itil, sn_incident_write or admin: it cannot write"
                      + " work notes, reopen or create records")
              : Finding.ok("has role " + String.join(", ", names)));
    } catch (Stop stop) {
      out.add(
          Finding.ok(
              "could not read the user's roles (sys_user_has_role is not readable to it): make"
                  + " sure "
                  + user
                  + " has the itil role"));
    }
    return new ProbeReport(system(), out);
  }

  private String tablePath() {
    return "/api/now/table/" + enc(table);
  }

  private String link(String sysId) {
    return http.base() + "/nav_to.do?uri=" + table + ".do?sys_id=" + sysId;
  }

  static String sysId(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = SYS_ID.matcher(url);
    return m.find() ? m.group(1) : null;
  }
}
