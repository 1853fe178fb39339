package dev.closeloop.app;

import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.slack.SlackHttpEndpoint;
import dev.closeloop.chat.slack.SlackPlatform;
import dev.closeloop.ticket.Connector;
import dev.closeloop.ticket.GenericWebhook;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import dev.closeloop.ticket.usecase.IntakeResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
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
  private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
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
              // the connector exists once the server is about to start: from then on a request
              // Jetty cannot take is a client error, never a 5xx (see ClientErrors)
              cfg.events(
                  e ->
                      e.serverStarting(() -> ClientErrors.install(javalin.jettyServer().server())));
              cfg.events(
                  e ->
                      e.handlerAdded(
                          h -> {
                            if (h.getHttpMethod().isHttpMethod()) {
                              routes.add(h.getHttpMethod() + " " + h.getPath());
                            }
                          }));
              cfg.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));
              cfg.http.maxRequestSize = maxBody;
              // a known path asked with another method: 405 naming the allowed ones, not 404
              cfg.http.prefer405over404 = true;
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonBadMessages()));
              // what Jetty or Javalin answer with sendError past the routes (a WebSocket upgrade
              // no route takes is 404 from Javalin's servlet): JSON too, never Jetty's HTML page
              cfg.jetty.modifyServletContextHandler(
                  handler -> handler.setErrorHandler(new JsonBadMessages()));
              cfg.jetty.modifyHttpConfiguration(
                  hc -> {
                    hc.setRequestHeaderSize(16 * 1024);
                    hc.setSendServerVersion(false);
                    // Jetty otherwise holds a request with a body until its first byte comes:
                    // a Content-Length over the limit with no body sent would wait for the idle
                    // timeout instead of being answered 413 from the header at once
                    hc.setDelayDispatchUntilContent(false);
                  });
            });
    routes(javalin);
    try {
      javalin.start("0.0.0.0", port);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.net.BindException) {
          throw new IllegalStateException(
              "server.port "
                  + port
                  + " is already in use by another process: stop it, or set another server.port"
                  + " (0 takes any free port)",
              e);
        }
      }
      throw e;
    }
    for (org.eclipse.jetty.server.Connector c : javalin.jettyServer().server().getConnectors()) {
      if (c instanceof org.eclipse.jetty.server.AbstractConnector ac) {
        ac.setIdleTimeout(30_000);
      }
    }
    return port();
  }

  /** Every registered route as "METHOD /path", in registration order. */
  List<String> routes() {
    return List.copyOf(routes);
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
    // no page of Closeloop's may be framed by another site: the sandbox, opened from localhost in
    // the operator's browser, passes every check a framing page's clicks would go through, so a
    // site they visit could lay it under its own buttons and have them post a digest or answer
    j.before(
        ctx -> {
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Content-Security-Policy", "frame-ancestors 'none'");
          ctx.header("X-Content-Type-Options", "nosniff");
          // the sandbox's conversations and the admin API's answers name people: no browser cache
          // or proxy keeps a copy
          String path = ctx.path();
          if (path.startsWith("/admin") || path.startsWith("/sandbox")) {
            ctx.header("Cache-Control", "no-store");
          }
        });
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
    // Javalin's own answers (no such route, wrong method): JSON like every other error
    j.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) -> {
          if (e instanceof io.javalin.http.MethodNotAllowedResponse) {
            // one entry, keyed "availableMethods" (or "Available methods" for a browser)
            String allowed = String.join(", ", e.getDetails().values());
            ctx.header("Allow", allowed);
            error(ctx, 405, "method not allowed; use " + allowed);
          } else if (e instanceof io.javalin.http.NotFoundResponse) {
            error(ctx, 404, "not found");
          } else {
            error(ctx, e.getStatus(), e.getMessage());
          }
        });
    j.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(ctx, 404, "not found");
          }
        });
    // a JSON body an admin or sandbox route refuses: what is wrong with it, the same on every route
    j.exception(RequestJson.Bad.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    j.error(413, ctx -> error(ctx, 413, "body too large"));
    j.post("/hooks/tickets", ctx -> webhook(ctx, GenericWebhook.SOURCE));
    j.post("/hooks/tickets/{source}", ctx -> webhook(ctx, ctx.pathParam("source")));
    j.get(
        "/health/live",
        ctx -> {
          // a CLI verb's question "are you this Closeloop?", answered only by the admin token
          String challenge = ctx.header(AppProof.CHALLENGE);
          String token = app.config.admin().token();
          if (!token.isEmpty() && AppProof.wellFormed(challenge)) {
            ctx.header(AppProof.PROOF, AppProof.proof(token, ctx.req().getLocalPort(), challenge));
          }
          ctx.json(Map.of("status", "live"));
        });
    j.get("/health/ready", this::ready);
    j.get("/health", this::health);
    j.get(
        "/metrics",
        ctx -> {
          app.storeMetrics.refresh();
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(app.metrics.scrape());
        });
    j.after("/hooks/*", this::countWebhookAnswer);
    j.post(SlackHttpEndpoint.PATH, this::slackEvents);
    AdminRoutes.register(j, app);
    SandboxRoutes.register(j, app);
    // after the admin and sandbox guards: a parameter that cannot be decoded would otherwise be
    // dropped, and the answer would be unfiltered (everyone's export for one user's)
    j.before(
        ctx -> {
          String path = ctx.path();
          if (path.startsWith("/admin/") || path.startsWith("/sandbox/")) {
            String bad = undecodableParameter(ctx.queryString());
            if (bad != null) {
              error(ctx, 400, "query parameter '" + cut(bad) + "' is not valid URL encoding");
              ctx.skipRemainingHandlers();
            }
          }
        });
    // after the admin and sandbox guards: a refused client's body is never read
    j.before(
        ctx -> {
          if (carriesBody(ctx) && !Bodies.capture(ctx, bodyLimit(ctx.path()))) {
            ctx.skipRemainingHandlers();
          }
        });
  }

  /**
   * The name of the first query parameter that is not valid URL encoding (a {@code %} without two
   * hex digits after it, or escapes that are not UTF-8), or null when all are.
   */
  static String undecodableParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (!decodes(name) || !decodes(eq < 0 ? "" : part.substring(eq + 1))) {
        return name;
      }
    }
    return null;
  }

  private static boolean decodes(String s) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()
            || Character.digit(s.charAt(i + 1), 16) < 0
            || Character.digit(s.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    try {
      java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Whether the request's media type is JSON, its parameters (charset) aside: {@code
   * application/jsonx} is not.
   */
  static boolean isJson(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon))
        .strip()
        .equalsIgnoreCase("application/json");
  }

  private static boolean carriesBody(Context ctx) {
    return switch (ctx.method().name()) {
      case "POST", "PUT", "PATCH", "DELETE" -> true;
      default -> false;
    };
  }

  /** The most a route reads; a webhook is then held to its connector's own limit. */
  private long bodyLimit(String path) {
    if (path.equals("/hooks/tickets")) {
      return GENERIC_MAX_BODY;
    } else if (path.startsWith("/hooks/")) {
      return Math.max(app.config.intake().maxBodyBytes(), GENERIC_MAX_BODY);
    } else if (path.equals(SlackHttpEndpoint.PATH)) {
      return Bodies.SLACK;
    } else if (path.equals("/admin/links")) {
      return Bodies.LINKS_CSV;
    }
    return Bodies.SMALL;
  }

  /** closeloop_webhook_responses_total: an unknown source is counted as "unknown", not by name. */
  private void countWebhookAnswer(Context ctx) {
    // a trailing slash is the same route (Javalin ignores it): counted under its source too
    String path = ctx.path();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String source =
        path.equals("/hooks/tickets")
            ? GenericWebhook.SOURCE
            : path.startsWith("/hooks/tickets/")
                ? path.substring("/hooks/tickets/".length()).toLowerCase(Locale.ROOT)
                : "";
    app.metrics
        .counter(
            "closeloop_webhook_responses_total",
            "source",
            connectors.containsKey(source) ? source : "unknown",
            "status",
            Integer.toString(ctx.statusCode()))
        .increment();
  }

  private void slackEvents(Context ctx) {
    var slack = app.platforms.get(PlatformId.SLACK);
    if (!(slack instanceof SlackPlatform sp) || sp.httpEndpoint().isEmpty()) {
      error(
          ctx, 404, "Slack HTTP mode is not configured (set slack.signingSecret and no appToken)");
      return;
    }
    SlackHttpEndpoint.Reply reply = sp.httpEndpoint().get().handle(Bodies.text(ctx), ctx::header);
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
    byte[] body = Bodies.bytes(ctx);
    if (body.length > limit) {
      error(ctx, 413, "body over " + limit + " bytes");
      return;
    }
    if (!isJson(ctx)) {
      error(ctx, 415, "Content-Type must be application/json");
      return;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : ctx.headerMap().keySet()) {
      headers.put(name.toLowerCase(Locale.ROOT), ctx.header(name));
    }
    Map<String, String> query = new HashMap<>();
    ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    WebhookRequest request = new WebhookRequest(headers, query, body, app.clock.instant());
    WebhookResult result = connector.handle(request);
    if (result instanceof WebhookResult.Unauthorized u) {
      log.info("event=webhook_unauthorized source={} why={}", connector.source(), u.why());
      error(ctx, 401, "unauthorized");
    } else if (result instanceof WebhookResult.Invalid inv) {
      error(ctx, 400, inv.message());
    } else if (result instanceof WebhookResult.Ignored ig) {
      ctx.status(200).json(Map.of("status", "ignored"));
    } else if (result instanceof WebhookResult.Event ev) {
      answer(ctx, app.intake.accept(ev.event(), connector.replayIdentity(request)));
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

  /** Text from the request as an error quotes it: 40 characters, control characters as '?'. */
  static String cut(String s) {
    return dev.closeloop.language.Texts.quoted(s, 40);
  }

  /**
   * Requests Jetty refuses before any route sees them (headers over 16 KiB: 431; a malformed
   * request line: 400) answer JSON like every other error, not an HTML page.
   */
  private static final class JsonBadMessages extends org.eclipse.jetty.server.handler.ErrorHandler {
    JsonBadMessages() {
      setShowServlet(false);
      setShowStacks(false);
    }

    /** Every method gets its error as JSON (Jetty writes a page for GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    /**
     * An error sent past the routes ({@code sendError}): {@code {"error": …}} with the headers
     * every answer carries, never Jetty's HTML page (which names the servlet class).
     */
    @Override
    protected void generateAcceptableResponse(
        org.eclipse.jetty.server.Request baseRequest,
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        int code,
        String message)
        throws java.io.IOException {
      String text =
          code == 404
              ? "not found"
              : message == null || message.isBlank()
                  ? org.eclipse.jetty.http.HttpStatus.getMessage(code)
                  : message;
      baseRequest.setHandled(true);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(Map.of("error", text)));
    }

    @Override
    public java.nio.ByteBuffer badMessageError(
        int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
      fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
      String message =
          status == 431
              ? "request headers over 16 KiB"
              : status == 414
                  ? "request URI over 16 KiB"
                  : reason == null || reason.isBlank() ? "bad request" : reason;
      // one quiet line, no stack: the client's error (Jetty's own WARN is off, LogSetup)
      log.info("event=request_refused status={} why=\"{}\"", status, cut(message));
      try {
        return java.nio.ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(Map.of("error", message)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return java.nio.ByteBuffer.wrap(
            "{\"error\":\"bad request\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }
}
