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
 * Zammad REST API. Notes are internal note articles added with {@code PUT /api/v1/tickets/{id}}; a
 * reopen sets {@code state: open} in the same request. Closeloop knows a Zammad ticket by its
 * number; the internal id comes from the ticket's link ({@code #ticket/zoom/<id>}), else from a
 * search by number. New tickets go to the original's group with its customer, carry the marker as a
 * tag and a link to the original, all created in one transaction by Zammad.
 */
public final class ZammadWriter extends ApiWriter {
  private static final Pattern ZOOM = Pattern.compile("#ticket/zoom/(\\d+)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final String AGENT =
      "the token needs the permission ticket.agent, and its user change access to the ticket's"
          + " group";
  private static final String CREATE =
      "the token needs the permission ticket.agent, and its user create access to the group";

  private final HelpdeskHttp http;

  public ZammadWriter(Helpdesks.Zammad config, HttpClient client, Duration timeout, Clock clock) {
    this.http =
        new HelpdeskHttp(
            "Zammad",
            config.baseUrl(),
            client,
            timeout,
            clock,
            "connectors.zammad.apiToken (Profile → Token Access)",
            Map.of("Authorization", "Token token=" + config.apiToken()),
            List.of(config.apiToken()));
  }

  @Override
  public String system() {
    return "zammad";
  }

  @Override
  Done note(Write write) {
    return update(write.ticket(), id(write.ticket()), write.text(), write.marker(), null);
  }

  private Done update(TicketRef ref, String id, String text, String marker, String state) {
    ObjectNode request = object();
    if (state != null) {
      request.put("state", state);
    }
    request
        .putObject("article")
        .put("body", Marker.append(text, marker))
        .put("type", "note")
        .put("internal", true)
        .put("content_type", "text/plain");
    http.call("PUT", "/api/v1/tickets/" + id, request, AGENT);
    return Done.of(ref.id(), zoom(id));
  }

  @Override
  Done reopen(Write.Reopen r) {
    String id = id(r.ticket());
    String state = text(http.get("/api/v1/tickets/" + id + "?expand=true", AGENT), "/state");
    if ("closed".equals(state)) {
      return update(r.ticket(), id, r.text(), r.marker(), "open");
    }
    Done done = update(r.ticket(), id, r.text(), r.marker(), null);
    return new Done(done.id(), done.url(), true);
  }

  @Override
  Done create(Write.Request r) {
    String originalId = id(r.ticket());
    JsonNode original = http.get("/api/v1/tickets/" + originalId, AGENT);
    ObjectNode request = object();
    String title = Requests.title(r, 250);
    request.put("title", title);
    request.set("group_id", original.path("group_id"));
    request.set("customer_id", original.path("customer_id"));
    request
        .putObject("article")
        .put("subject", title)
        .put("body", Requests.body(r))
        .put("type", "note")
        .put("internal", false)
        .put("content_type", "text/plain");
    request.put("tags", r.marker());
    request
        .putObject("links")
        .putObject("Ticket")
        .putArray("normal")
        .add(Long.parseLong(originalId));
    JsonNode created = http.call("POST", "/api/v1/tickets", request, CREATE);
    return Done.of(text(created, "/number"), zoom(text(created, "/id")));
  }

  @Override
  LookUp findCreated(Write.Request request) {
    String id = id(request.ticket());
    JsonNode links = http.get("/api/v1/links?link_object=Ticket&link_object_value=" + id, AGENT);
    for (JsonNode link : links.path("links")) {
      if (!"Ticket".equals(link.path("link_object").asText())) {
        continue;
      }
      String linked = link.path("link_object_value").asText();
      JsonNode tags = http.get("/api/v1/tags?object=Ticket&o_id=" + linked, AGENT);
      for (JsonNode tag : tags.path("tags")) {
        if (request.marker().equals(tag.asText())) {
          String number = text(links, "/assets/Ticket/" + linked + "/number");
          return new LookUp.Written(Done.of(number == null ? linked : number, zoom(linked)));
        }
      }
    }
    return new LookUp.NotWritten();
  }

  @Override
  LookUp findNote(Write write) {
    String id = id(write.ticket());
    for (JsonNode a : http.get("/api/v1/ticket_articles/by_ticket/" + id, AGENT)) {
      if (Marker.in(a.path("body").asText(null), write.marker())) {
        return new LookUp.Written(Done.of(write.ticket().id(), zoom(id)));
      }
    }
    return new LookUp.NotWritten();
  }

  @Override
  public ProbeReport probe() {
    List<Finding> out = new ArrayList<>();
    try {
      JsonNode me = http.get("/api/v1/users/me?expand=true", AGENT);
      String who = me.path("email").asText(me.path("login").asText("the token's user"));
      List<String> roles = new ArrayList<>();
      me.path("roles").forEach(r -> roles.add(r.asText()));
      out.add(
          roles.contains("Agent")
              ? Finding.ok("signed in as " + who + " (" + String.join(", ", roles) + ")")
              : Finding.missing(
                  who
                      + " has no Agent role (roles: "
                      + (roles.isEmpty() ? "none" : String.join(", ", roles))
                      + "): notes, reopens and new tickets need an agent with the token"
                      + " permission ticket.agent"));
    } catch (Stop stop) {
      out.add(Finding.missing(stop.outcome.reason()));
    }
    return new ProbeReport(system(), out);
  }

  /** Zammad's internal id: from the link, else by searching the number. */
  private String id(TicketRef ref) {
    if (ref.url() != null) {
      Matcher m = ZOOM.matcher(ref.url());
      if (m.find()) {
        return m.group(1);
      }
    }
    JsonNode found =
        http.get(
            "/api/v1/tickets/search?query="
                + enc("number:" + checked(ref.id(), NUMBER, "a Zammad ticket number"))
                + "&limit=1&expand=true",
            AGENT);
    String id = text(found, "/0/id");
    if (id == null) {
      throw new Stop(404, new WriteOutcome.Gone("Zammad has no ticket number " + ref.id()));
    }
    return id;
  }

  private String zoom(String id) {
    return http.base() + "/#ticket/zoom/" + id;
  }
}
