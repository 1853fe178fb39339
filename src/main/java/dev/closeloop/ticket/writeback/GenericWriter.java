package dev.closeloop.ticket.writeback;

import static dev.closeloop.ticket.writeback.HelpdeskHttp.object;
import static dev.closeloop.ticket.writeback.HelpdeskHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.writeback.HelpdeskHttp.Response;
import dev.closeloop.ticket.writeback.HelpdeskHttp.Stop;
import dev.closeloop.ticket.writeback.ProbeReport.Finding;
import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Write-back for any other helpdesk: each write is a JSON event POSTed to {@code
 * connectors.generic.writeBackUrl}, signed exactly as the inbound generic webhook ({@code
 * X-Closeloop-Timestamp}, {@code X-Closeloop-Signature: v1=<hex HMAC-SHA256(writeBackSecret,
 * timestamp + "." + body)>}). The event's {@code id} is the same on every attempt of one write: the
 * receiver dedupes on it, which is what makes a resend after a crash harmless; there is no API to
 * ask, so {@link #lookUp} always answers {@link LookUp.NotWritten}. docs/connectors/generic.md
 * describes the events.
 */
public final class GenericWriter implements HelpdeskWriter {
  private static final String NEEDS =
      "the receiver refused the write: check that it verifies with the same key as"
          + " connectors.generic.writeBackSecret";

  private final HelpdeskHttp http;
  private final String secret;
  private final Clock clock;

  public GenericWriter(Helpdesks.Generic config, HttpClient client, Duration timeout, Clock clock) {
    this.http =
        new HelpdeskHttp(
            "The write-back receiver",
            config.writeBackUrl(),
            client,
            timeout,
            clock,
            "connectors.generic.writeBackSecret",
            Map.of(),
            List.of(config.writeBackSecret()));
    this.secret = config.writeBackSecret();
    this.clock = clock;
  }

  @Override
  public String system() {
    return "generic";
  }

  @Override
  public WriteOutcome write(Write write) {
    return HelpdeskHttp.attempt(
        () -> {
          JsonNode answer = post(event(write));
          TicketRef t = write.ticket();
          if (write instanceof Write.Request) {
            return Done.of(text(answer, "/id"), text(answer, "/url"));
          }
          return Done.of(t.id(), t.url());
        });
  }

  /** The event as the receiver gets it: docs/connectors/generic.md. */
  ObjectNode event(Write write) {
    ObjectNode e = object();
    e.put("event", write.kind());
    e.put("id", write.marker());
    e.put("sentAt", clock.instant().toString());
    e.putObject("ticket").put("id", write.ticket().id()).put("url", write.ticket().url());
    e.put("text", write.text());
    if (write instanceof Write.Note n && n.result() != null) {
      Write.SurveyResult s = n.result();
      e.putObject("survey")
          .put("fixed", s.fixed())
          .put("score", s.score())
          .put("comment", s.comment())
          .put("request", s.request())
          .put("link", s.link());
    } else if (write instanceof Write.FollowUp f) {
      e.putObject("followUp")
          .put("by", f.by())
          .put("at", f.at() == null ? null : f.at().toString())
          .put("message", f.message());
    } else if (write instanceof Write.Request r) {
      ObjectNode request = e.putObject("request").put("title", r.title());
      request
          .putObject("requester")
          .put("email", r.requesterEmail())
          .put("name", r.requesterName());
    }
    return e;
  }

  private JsonNode post(ObjectNode event) {
    String body = event.toString();
    String ts = Long.toString(clock.instant().getEpochSecond());
    String signature =
        "v1=" + Signatures.hmacSha256Hex(secret, Signatures.utf8(ts + "."), Signatures.utf8(body));
    Response r =
        http.exchange(
            "POST",
            "",
            body,
            Map.of("X-Closeloop-Timestamp", ts, "X-Closeloop-Signature", signature));
    if (!r.ok()) {
      throw new Stop(r.status(), http.classify(r, "POST", "", NEEDS), r.body());
    }
    return HelpdeskHttp.parse(r.body());
  }

  @Override
  public LookUp lookUp(Write write) {
    return new LookUp.NotWritten();
  }

  /** Sends a signed {@code ping} event, which receivers answer 2xx and otherwise ignore. */
  @Override
  public ProbeReport probe() {
    ObjectNode ping = object().put("event", "ping");
    ping.put("id", Marker.PREFIX + "ping-" + clock.instant().getEpochSecond());
    ping.put("sentAt", clock.instant().toString());
    try {
      post(ping);
      return new ProbeReport(
          system(), List.of(Finding.ok("the receiver accepted a signed ping event")));
    } catch (Stop stop) {
      return new ProbeReport(system(), List.of(Finding.missing(stop.outcome.reason())));
    }
  }
}
