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
import java.util.regex.Pattern;

/**
 * Zendesk Support. Notes are private comments ({@code PUT /api/v2/tickets/{id}.json}, {@code
 * comment.public: false}); a reopen sets {@code status: open} in the same request, so the status
 * and the note land together. Zendesk never changes a ticket once it is {@code closed} (as opposed
 * to {@code solved}): such a write is rejected with that reason. New tickets carry the marker as
 * {@code external_id} and as the {@code Idempotency-Key} of the create.
 */
public final class ZendeskWriter extends ApiWriter {
  private static final Pattern ID = Pattern.compile("\\d+");
  private static final String READ = "the user must be an agent who can see this ticket";
  private static final String EDIT =
      "the user must be an agent whose role may edit this ticket and add private comments";
  private static final String CREATE =
      "the user must be an agent whose role may create tickets for other requesters";

  private final HelpdeskHttp http;

  public ZendeskWriter(Helpdesks.Zendesk config, HttpClient client, Duration timeout, Clock clock) {
    String base =
        config.baseUrl().isBlank()
            ? "https://" + config.subdomain().strip() + ".zendesk.com"
            : config.baseUrl();
    this.http =
        new HelpdeskHttp(
            "Zendesk",
            base,
            client,
            timeout,
            clock,
            "connectors.zendesk.email and connectors.zendesk.apiToken (and that token access is"
                + " enabled in the Admin Center)",
            Map.of(
                "Authorization", HelpdeskHttp.basic(config.email() + "/token", config.apiToken())),
            List.of(config.apiToken()));
  }

  @Override
  public String system() {
    return "zendesk";
  }

  @Override
  Done note(Write write) {
    return update(id(write.ticket()), write.text(), write.marker(), null);
  }

  private Done update(String id, String text, String marker, String status) {
    ObjectNode request = object();
    ObjectNode ticket = request.putObject("ticket");
    if (status != null) {
      ticket.put("status", status);
    }
    ticket.putObject("comment").put("body", Marker.append(text, marker)).put("public", false);
    JsonNode answer = http.call("PUT", "/api/v2/tickets/" + enc(id) + ".json", request, EDIT);
    String comment = null;
    for (JsonNode event : answer.at("/audit/events")) {
      if ("Comment".equals(event.path("type").asText())) {
        comment = event.path("id").asText(null);
      }
    }
    return Done.of(comment == null ? id : comment, agentUrl(id));
  }

  @Override
  Done reopen(Write.Reopen r) {
    String id = id(r.ticket());
    String status = text(http.get("/api/v2/tickets/" + enc(id) + ".json", READ), "/ticket/status");
    if ("closed".equals(status)) {
      throw new Stop(
          0,
          new WriteOutcome.Rejected(
              "Zendesk ticket "
                  + id
                  + " is closed, and Zendesk never changes closed tickets (only solved ones can"
                  + " reopen): a follow-up ticket is the way"));
    }
    if ("solved".equals(status)) {
      update(id, r.text(), r.marker(), "open");
      return Done.of(id, agentUrl(id));
    }
    update(id, r.text(), r.marker(), null);
    return new Done(id, agentUrl(id), true);
  }

  @Override
  Done create(Write.Request r) {
    ObjectNode request = object();
    ObjectNode ticket = request.putObject("ticket");
    ticket.put("subject", Requests.title(r, 150));
    ticket.putObject("comment").put("body", Requests.body(r));
    ticket.put("external_id", r.marker());
    if (r.requesterEmail() != null && !r.requesterEmail().isBlank()) {
      ObjectNode requester = ticket.putObject("requester").put("email", r.requesterEmail());
      if (r.requesterName() != null && !r.requesterName().isBlank()) {
        requester.put("name", r.requesterName());
      }
    } else {
      JsonNode original = http.get("/api/v2/tickets/" + id(r.ticket()) + ".json", READ);
      ticket.set("requester_id", original.at("/ticket/requester_id"));
    }
    JsonNode created =
        http.call(
            "POST", "/api/v2/tickets.json", request, CREATE, Map.of("Idempotency-Key", r.marker()));
    String id = text(created, "/ticket/id");
    return Done.of(id, agentUrl(id));
  }

  @Override
  LookUp findCreated(Write.Request request) {
    JsonNode found = http.get("/api/v2/tickets.json?external_id=" + enc(request.marker()), READ);
    String id = text(found, "/tickets/0/id");
    return id == null ? new LookUp.NotWritten() : new LookUp.Written(Done.of(id, agentUrl(id)));
  }

  @Override
  LookUp findNote(Write write) {
    String id = id(write.ticket());
    JsonNode comments =
        http.get("/api/v2/tickets/" + enc(id) + "/comments.json?sort_order=desc", READ);
    for (JsonNode c : comments.path("comments")) {
      if (Marker.in(c.path("body").asText(null), write.marker())
          || Marker.in(c.path("plain_body").asText(null), write.marker())) {
        String found = write instanceof Write.Reopen ? id : c.path("id").asText();
        return new LookUp.Written(Done.of(found, agentUrl(id)));
      }
    }
    return new LookUp.NotWritten();
  }

  @Override
  public ProbeReport probe() {
    List<Finding> out = new ArrayList<>();
    try {
      JsonNode user = http.get("/api/v2/users/me.json", READ).path("user");
      String role = user.path("role").asText("");
      String who = user.path("email").asText("");
      if (user.path("id").isMissingNode() || user.path("id").isNull()) {
        out.add(
            Finding.missing(
                "Zendesk answered as the anonymous user: check connectors.zendesk.email and"
                    + " apiToken"));
      } else if ("end-user".equals(role)) {
        out.add(
            Finding.missing(
                who + " is an end-user: notes, reopens and new tickets need an agent or admin"));
      } else {
        out.add(Finding.ok("signed in as " + who + " (" + role + ")"));
      }
    } catch (Stop stop) {
      out.add(Finding.missing(stop.outcome.reason()));
    }
    return new ProbeReport(system(), out);
  }

  private static String id(TicketRef ticket) {
    return checked(ticket.id(), ID, "a Zendesk ticket id");
  }

  private String agentUrl(String id) {
    return http.base() + "/agent/tickets/" + id;
  }
}
