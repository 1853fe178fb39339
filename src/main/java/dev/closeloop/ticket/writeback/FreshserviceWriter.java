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
 * Freshservice API v2. Notes are private notes ({@code POST /api/v2/tickets/{id}/notes}, {@code
 * private: true}, HTML); a reopen sets {@code status: 2} (Open) with {@code PUT
 * /api/v2/tickets/{id}} and then adds the note. Ids such as {@code SR-207} are sent as {@code 207}.
 * New tickets copy the original's requester, priority and workspace and carry the marker as a tag.
 */
public final class FreshserviceWriter extends ApiWriter {
  private static final Pattern NUMBER = Pattern.compile("(\\d+)\\s*$");
  private static final String READ = "the API key's agent needs a role that can view this ticket";
  private static final String NOTE =
      "the API key's agent needs a role that can add private notes to this ticket";
  private static final String EDIT =
      "the API key's agent needs a role that can edit ticket properties (status)";
  private static final String CREATE = "the API key's agent needs a role that can create tickets";

  private final HelpdeskHttp http;

  public FreshserviceWriter(
      Helpdesks.Freshservice config, HttpClient client, Duration timeout, Clock clock) {
    this.http =
        new HelpdeskHttp(
            "Freshservice",
            config.baseUrl(),
            client,
            timeout,
            clock,
            "connectors.freshservice.apiKey (the agent's API key, Profile settings)",
            Map.of("Authorization", HelpdeskHttp.basic(config.apiKey(), "X")),
            List.of(config.apiKey()));
  }

  @Override
  public String system() {
    return "freshservice";
  }

  @Override
  Done note(Write write) {
    return note(number(write.ticket()), write.text(), write.marker());
  }

  private Done note(String id, String text, String marker) {
    ObjectNode request =
        object().put("body", Html.of(Marker.append(text, marker))).put("private", true);
    JsonNode created = http.call("POST", "/api/v2/tickets/" + id + "/notes", request, NOTE);
    String note = text(created, "/conversation/id");
    return Done.of(note == null ? id : note, agentUrl(id));
  }

  @Override
  Done reopen(Write.Reopen r) {
    String id = number(r.ticket());
    int status = http.get("/api/v2/tickets/" + id, READ).at("/ticket/status").asInt();
    boolean closed = status == 4 || status == 5;
    if (closed) {
      http.call("PUT", "/api/v2/tickets/" + id, object().put("status", 2), EDIT);
    }
    note(id, r.text(), r.marker());
    return new Done(r.ticket().id(), agentUrl(id), !closed);
  }

  @Override
  Done create(Write.Request r) {
    JsonNode original = http.get("/api/v2/tickets/" + number(r.ticket()), READ).path("ticket");
    ObjectNode request = object();
    request.put("subject", Requests.title(r, 255));
    request.put("description", Html.of(Requests.body(r)));
    if (original.hasNonNull("requester_id")) {
      request.set("requester_id", original.get("requester_id"));
    } else {
      request.put("email", r.requesterEmail());
    }
    request.put("status", 2);
    request.put("priority", original.path("priority").asInt(1));
    if (original.hasNonNull("workspace_id")) {
      request.set("workspace_id", original.get("workspace_id"));
    }
    request.putArray("tags").add(r.marker());
    String id = text(http.call("POST", "/api/v2/tickets", request, CREATE), "/ticket/id");
    return Done.of(id, agentUrl(id));
  }

  @Override
  LookUp findCreated(Write.Request request) {
    JsonNode found =
        http.get("/api/v2/tickets/filter?query=" + enc("\"tag:'" + request.marker() + "'\""), READ);
    String id = text(found, "/tickets/0/id");
    return id == null ? new LookUp.NotWritten() : new LookUp.Written(Done.of(id, agentUrl(id)));
  }

  @Override
  LookUp findNote(Write write) {
    String id = number(write.ticket());
    JsonNode conversations = http.get("/api/v2/tickets/" + id + "/conversations", READ);
    for (JsonNode c : conversations.path("conversations")) {
      if (Marker.in(c.path("body").asText(null), write.marker())
          || Marker.in(c.path("body_text").asText(null), write.marker())) {
        String found = write instanceof Write.Reopen ? write.ticket().id() : c.path("id").asText();
        return new LookUp.Written(Done.of(found, agentUrl(id)));
      }
    }
    return new LookUp.NotWritten();
  }

  @Override
  public ProbeReport probe() {
    List<Finding> out = new ArrayList<>();
    try {
      http.get("/api/v2/tickets?per_page=1", READ);
      out.add(
          Finding.ok(
              "API key accepted; tickets readable (notes, status changes and new tickets need"
                  + " an agent role that allows them)"));
    } catch (Stop stop) {
      out.add(Finding.missing(stop.outcome.reason()));
    }
    return new ProbeReport(system(), out);
  }

  private String agentUrl(String id) {
    return http.base() + "/a/tickets/" + id;
  }

  /** The numeric id the API wants: {@code SR-207} and {@code #207} are both {@code 207}. */
  static String number(TicketRef ticket) {
    Matcher m = NUMBER.matcher(ticket.id());
    if (!m.find()) {
      throw new Stop(
          0,
          new WriteOutcome.Rejected(
              "Freshservice ticket id '" + ticket.id() + "' has no number to call the API with"));
    }
    return m.group(1);
  }
}
