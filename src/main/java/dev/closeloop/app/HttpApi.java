package dev.closeloop.app;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.slack.SlackHttpEndpoint;
import dev.closeloop.chat.slack.SlackPlatform;
import dev.closeloop.service.IntakeResult;
import dev.closeloop.ticket.Connector;
import dev.closeloop.ticket.GenericWebhook;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface: ticket webhooks, admin API, health and metrics, and the sandbox page. Bad input
 * is mapped to a clear 4xx here, in one place; nothing a client sends produces a 5xx or a stack
 * trace.
 */
final class HttpApi {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  static final int GENERIC_MAX_BODY = 64 * 1024;

  private final App app;
  private final Map<String, dev.closeloop.ticket.Connector> connectors = new HashMap<>();
  private Javalin javalin;

  HttpApi(App app) {
    this.app = app;
    connectors.put(GenericWebhook.SOURCE, new GenericWebhook(app.config.intake().secret()));
    connectors.putAll(ConnectorWiring.connectors(app.config));
  }

  int start(int port) {
    long maxBody = Math.max(app.config.intake().maxBodyBytes(), GENERIC_MAX_BODY) + 1;
    javalin =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));
              cfg.http.maxRequestSize = maxBody;
              cfg.jetty.modifyHttpConfiguration(
                  hc -> {
                    hc.setRequestHeaderSize(16 * 1024);
                    hc.setSendServerVersion(false);
                  });
            });
    routes(javalin);
    javalin.start("0.0.0.0", port);
    for (org.eclipse.jetty.server.Connector c : javalin.jettyServer().server().getConnectors()) {
      if (c instanceof org.eclipse.jetty.server.AbstractConnector ac) {
        ac.setIdleTimeout(30_000);
      }
    }
    return port();
  }

  int port() {
    return javalin == null ? -1 : javalin.port();
  }

  void stop() {
    if (javalin != null) {
      javalin.stop();
    }
  }

  private void routes(Javalin j) {
    j.exception(
        org.jdbi.v3.core.ConnectionException.class,
        (e, ctx) -> {
          log.warn(
              "event=http_busy method={} path={} error={} will=ask_client_to_retry",
              ctx.method(),
              ctx.path(),
              e.toString());
          ctx.header("Retry-After", "1");
          error(ctx, 503, "busy, retry shortly");
        });
    j.exception(
        Exception.class,
        (e, ctx) -> {
          log.error(
              "event=http_error method={} path={} error={}",
              ctx.method(),
              ctx.path(),
              e.toString(),
              e);
          error(ctx, 500, "internal error; see the server log");
        });
    j.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(ctx, 404, "not found");
          }
        });
    j.error(413, ctx -> error(ctx, 413, "body too large"));
    j.post("/hooks/tickets", ctx -> webhook(ctx, GenericWebhook.SOURCE));
    j.post("/hooks/tickets/{source}", ctx -> webhook(ctx, ctx.pathParam("source")));
    j.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
    j.get("/health/ready", this::ready);
    j.get("/health", this::health);
    j.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(app.metrics.scrape()));
    j.post(SlackHttpEndpoint.PATH, this::slackEvents);
    AdminRoutes.register(j, app);
    SandboxRoutes.register(j, app);
  }

  private void slackEvents(Context ctx) {
    var slack = app.platforms.get(PlatformId.SLACK);
    if (!(slack instanceof SlackPlatform sp) || sp.httpEndpoint().isEmpty()) {
      error(
          ctx, 404, "Slack HTTP mode is not configured (set slack.signingSecret and no appToken)");
      return;
    }
    SlackHttpEndpoint.Reply reply = sp.httpEndpoint().get().handle(ctx.body(), ctx::header);
    ctx.status(reply.status());
    if (reply.contentType() != null) {
      ctx.contentType(reply.contentType());
    }
    ctx.result(reply.body() == null ? "" : reply.body());
  }

  private void ready(Context ctx) {
    List<String> failing = new java.util.ArrayList<>(app.notConnected());
    if (!app.db.healthy()) {
      failing.add("store");
    }
    if (!app.schedulerHealthy()) {
      failing.add("scheduler");
    }
    if (failing.isEmpty()) {
      ctx.json(Map.of("status", "ready"));
    } else {
      ctx.status(503).json(Map.of("failing", failing));
    }
  }

  /**
   * Status, platforms and every periodic job's last success and last error. {@code status} is
   * {@code degraded} while a platform is down, the store does not answer, or a job's latest run
   * failed.
   */
  private void health(Context ctx) {
    Map<String, Object> platforms = new LinkedHashMap<>();
    boolean ok = app.db.healthy() && !app.jobs.anyFailing();
    for (var p : app.platforms.values()) {
      platforms.put(p.id().wire(), p.connected() ? "connected" : "disconnected");
      ok &= p.connected();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "degraded");
    body.put("platforms", platforms);
    body.put("jobs", app.jobs.snapshot());
    ctx.json(body);
  }

  private void webhook(Context ctx, String source) {
    Connector connector = connectors.get(source.toLowerCase(Locale.ROOT));
    if (connector == null) {
      error(ctx, 404, "unknown source '" + cut(source) + "'");
      return;
    }
    long limit =
        GenericWebhook.SOURCE.equals(connector.source())
            ? GENERIC_MAX_BODY
            : app.config.intake().maxBodyBytes();
    if (ctx.contentLength() > limit) {
      error(ctx, 413, "body over " + limit + " bytes");
      return;
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes((int) limit + 1);
    } catch (java.io.IOException e) {
      error(ctx, 400, "could not read the body");
      return;
    }
    if (body.length > limit) {
      error(ctx, 413, "body over " + limit + " bytes");
      return;
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      error(ctx, 415, "Content-Type must be application/json");
      return;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : ctx.headerMap().keySet()) {
      headers.put(name.toLowerCase(Locale.ROOT), ctx.header(name));
    }
    Map<String, String> query = new HashMap<>();
    ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    WebhookResult result =
        connector.handle(new WebhookRequest(headers, query, body, app.clock.instant()));
    if (result instanceof WebhookResult.Unauthorized u) {
      log.info("event=webhook_unauthorized source={} why={}", connector.source(), u.why());
      error(ctx, 401, "unauthorized");
    } else if (result instanceof WebhookResult.Invalid inv) {
      error(ctx, 400, inv.message());
    } else if (result instanceof WebhookResult.Ignored ig) {
      ctx.status(200).json(Map.of("status", "ignored"));
    } else if (result instanceof WebhookResult.Event ev) {
      answer(ctx, app.intake.accept(ev.event(), requestKey(connector.source(), headers, body)));
    }
  }

  /** Headers that make a signed request unique: a replay repeats them byte for byte. */
  private static final List<String> SIGNED_HEADERS =
      List.of(
          "x-closeloop-timestamp",
          "x-closeloop-signature",
          "x-hub-signature",
          "x-zendesk-webhook-signature",
          "x-zendesk-webhook-signature-timestamp",
          "x-glpi-signature",
          "x-glpi-timestamp");

  /** A digest of the signed request (source, signature headers, body), or null when unsigned. */
  static String requestKey(String source, Map<String, String> headers, byte[] body) {
    StringBuilder signed = new StringBuilder();
    for (String name : SIGNED_HEADERS) {
      String v = headers.get(name);
      if (v != null) {
        signed.append(name).append('=').append(v).append('\n');
      }
    }
    if (signed.length() == 0) {
      return null; // token-authenticated systems: replays are caught by the event's own dedupe
    }
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(signed.toString().getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return source + ":" + java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void answer(Context ctx, IntakeResult r) {
    if (r instanceof IntakeResult.Accepted a) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", a.id());
      body.put("status", "accepted");
      ctx.status(202).json(body);
    } else if (r instanceof IntakeResult.Duplicate) {
      ctx.status(200).json(Map.of("status", "duplicate"));
    } else {
      ctx.status(200).json(Map.of("status", "ignored"));
    }
  }

  static void error(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }

  static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
