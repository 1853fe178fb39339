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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GLPI's legacy REST API ({@code apirest.php}, GLPI 10 and 11). A session is opened with {@code
 * initSession} ({@code App-Token} and {@code Authorization: user_token …}) and opened again once
 * when GLPI says it expired. Notes are private follow-ups ({@code POST /apirest.php/ITILFollowup},
 * {@code is_private: 1}); a reopen of a solved or closed ticket first sets {@code status: 2}
 * (Processing) with {@code PUT /apirest.php/Ticket/{id}}, then adds the follow-up. New tickets copy
 * the original's entity and requester, link to it ({@code _link}) and carry the marker in their
 * description.
 */
public final class GlpiWriter extends ApiWriter {
  private static final Pattern ID = Pattern.compile("\\d+");
  private static final String READ = "the GLPI profile needs the right to see this ticket";
  private static final String FOLLOWUP =
      "the GLPI profile needs the right to add private follow-ups (Assistance → Followups)";
  private static final String UPDATE =
      "the GLPI profile needs the right to update tickets (Assistance → Tickets → Update)";
  private static final String CREATE =
      "the GLPI profile needs the right to create tickets for other requesters";
  private static final String SESSION =
      "connectors.glpi.userToken and appToken, and that the API is enabled with login by token"
          + " (Setup → General → API)";

  private final HelpdeskHttp http;
  private final String site;
  private final String userToken;
  private volatile String session;

  public GlpiWriter(Helpdesks.Glpi config, HttpClient client, Duration timeout, Clock clock) {
    Map<String, String> headers = new HashMap<>();
    if (!config.appToken().isBlank()) {
      headers.put("App-Token", config.appToken());
    }
    this.site = HelpdeskHttp.trimSlash(config.baseUrl());
    this.http =
        new HelpdeskHttp(
            "GLPI",
            site + "/apirest.php",
            client,
            timeout,
            clock,
            SESSION,
            headers,
            List.of(config.appToken(), config.userToken()));
    this.userToken = config.userToken();
  }

  @Override
  public String system() {
    return "glpi";
  }

  @Override
  Done note(Write write) {
    return followUp(ticket(write.ticket()), write.text(), write.marker());
  }

  private JsonNode ticket(TicketRef ref) {
    return call("GET", "/Ticket/" + id(ref), null, READ);
  }

  private static String id(TicketRef ref) {
    return checked(ref.id(), ID, "a GLPI ticket id");
  }

  private Done followUp(JsonNode ticket, String text, String marker) {
    String id = ticket.path("id").asText();
    ObjectNode request = object();
    request
        .putObject("input")
        .put("itemtype", "Ticket")
        .put("items_id", ticket.path("id").asLong())
        .put("content", Html.of(Marker.append(text, marker)))
        .put("is_private", 1);
    String created = text(call("POST", "/ITILFollowup", request, FOLLOWUP), "/id");
    return Done.of(created == null ? id : created, link(id));
  }

  @Override
  Done reopen(Write.Reopen r) {
    JsonNode ticket = ticket(r.ticket());
    int status = ticket.path("status").asInt();
    boolean closed = status == 5 || status == 6;
    if (closed) {
      ObjectNode request = object();
      request.putObject("input").put("status", 2);
      call("PUT", "/Ticket/" + id(r.ticket()), request, UPDATE);
    }
    followUp(ticket, r.text(), r.marker());
    return new Done(r.ticket().id(), link(r.ticket().id()), !closed);
  }

  @Override
  Done create(Write.Request r) {
    JsonNode original = ticket(r.ticket());
    Long requester = null;
    for (JsonNode actor : call("GET", "/Ticket/" + id(r.ticket()) + "/Ticket_User", null, READ)) {
      if (actor.path("type").asInt() == 1 && requester == null) {
        requester = actor.path("users_id").asLong();
      }
    }
    ObjectNode request = object();
    ObjectNode input = request.putObject("input");
    input.put("name", Requests.title(r, 255));
    input.put("content", Html.of(Marker.append(Requests.body(r), r.marker())));
    input.set("entities_id", original.path("entities_id"));
    if (requester != null) {
      input.put("_users_id_requester", requester);
    }
    input.putObject("_link").put("link", 1).put("tickets_id_2", original.path("id").asLong());
    String id = text(call("POST", "/Ticket", request, CREATE), "/id");
    return Done.of(id, link(id));
  }

  @Override
  LookUp findCreated(Write.Request request) {
    JsonNode found =
        call(
            "GET",
            "/search/Ticket?"
                + enc("criteria[0][field]")
                + "=21&"
                + enc("criteria[0][searchtype]")
                + "=contains&"
                + enc("criteria[0][value]")
                + "="
                + enc(request.marker())
                + "&"
                + enc("forcedisplay[0]")
                + "=2",
            null,
            READ);
    String id = text(found, "/data/0/2");
    return id == null ? new LookUp.NotWritten() : new LookUp.Written(Done.of(id, link(id)));
  }

  @Override
  LookUp findNote(Write write) {
    String id = id(write.ticket());
    for (JsonNode f : call("GET", "/Ticket/" + id + "/ITILFollowup", null, READ)) {
      if (Marker.in(f.path("content").asText(null), write.marker())) {
        String found = write instanceof Write.Reopen ? id : f.path("id").asText();
        return new LookUp.Written(Done.of(found, link(id)));
      }
    }
    return new LookUp.NotWritten();
  }

  @Override
  public ProbeReport probe() {
    List<Finding> out = new ArrayList<>();
    try {
      session = null;
      String token = session();
      out.add(Finding.ok("session opened with the user token"));
      JsonNode active = call("GET", "/getActiveProfile", null, READ).path("active_profile");
      String name = active.path("name").asText("?");
      if ("helpdesk".equals(active.path("interface").asText())) {
        out.add(
            Finding.missing(
                "the active profile '"
                    + name
                    + "' uses the simplified interface: it cannot add private follow-ups or"
                    + " change a ticket's status; give the user a technician profile"));
      } else {
        out.add(Finding.ok("active profile '" + name + "'"));
      }
      http.exchange("GET", "/killSession", null, Map.of("Session-Token", token));
    } catch (Stop stop) {
      out.add(Finding.missing(stop.outcome.reason()));
    } finally {
      session = null;
    }
    return new ProbeReport(system(), out);
  }

  /** A call in the session, opening it again once when GLPI says it expired. */
  private JsonNode call(String method, String path, JsonNode body, String needs) {
    try {
      return http.call(method, path, body, needs, Map.of("Session-Token", session()));
    } catch (Stop stop) {
      if (stop.status == 401 && contains(stop.body, "ERROR_SESSION_TOKEN_INVALID")) {
        session = null;
        return inNewSession(method, path, body, needs);
      }
      throw rightsMissing(stop, method, path, needs);
    }
  }

  private JsonNode inNewSession(String method, String path, JsonNode body, String needs) {
    try {
      return http.call(method, path, body, needs, Map.of("Session-Token", session()));
    } catch (Stop stop) {
      throw rightsMissing(stop, method, path, needs);
    }
  }

  /** GLPI answers 401 also for a missing right ({@code ERROR_RIGHT_MISSING}): say which. */
  private static Stop rightsMissing(Stop stop, String method, String path, String needs) {
    if (stop.status == 401 && contains(stop.body, "ERROR_RIGHT_MISSING")) {
      int q = path.indexOf('?');
      return new Stop(
          403,
          new WriteOutcome.Denied(
              "GLPI denied " + method + " " + (q < 0 ? path : path.substring(0, q)) + ": " + needs),
          stop.body);
    }
    return stop;
  }

  private String session() {
    String s = session;
    if (s == null) {
      try {
        s =
            text(
                http.call(
                    "GET",
                    "/initSession",
                    null,
                    "the user must be active and allowed to use the API",
                    Map.of("Authorization", "user_token " + userToken)),
                "/session_token");
      } catch (Stop stop) {
        if (stop.status == 400 || stop.status == 401) {
          throw new Stop(
              401,
              new WriteOutcome.Denied(
                  "GLPI refused to open a session: check "
                      + SESSION
                      + " (GLPI said: "
                      + http.errorText(stop.body)
                      + ")"),
              stop.body);
        }
        throw stop;
      }
      session = s;
    }
    return s;
  }

  private String link(String id) {
    return site + "/front/ticket.form.php?id=" + id;
  }

  private static boolean contains(String body, String code) {
    return body != null && body.contains(code);
  }
}
