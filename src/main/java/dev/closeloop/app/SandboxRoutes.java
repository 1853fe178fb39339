package dev.closeloop.app;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.sandbox.SandboxPlatform;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.ticket.TicketEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox page and its small JSON API: on only when no real platform is configured or when
 * asked for, and then for this machine only unless {@code sandbox.allowRemote} (see {@link
 * #guard}). Tickets closed here are demo data: source "sandbox", excluded from stats and exports,
 * and sent at once (no delay, quiet hours or cooldown).
 */
final class SandboxRoutes {
  /** Messages per poll: the page asks again from where it got to. */
  static final int MESSAGES_PAGE = 1000;

  private SandboxRoutes() {}

  static void register(Javalin j, App app) {
    j.exception(Bodies.NotUtf8.class, (e, ctx) -> HttpApi.error(ctx, 400, e.getMessage()));
    j.before("/sandbox", ctx -> guard(ctx, app));
    j.before("/sandbox/*", ctx -> guard(ctx, app));
    j.get(
        "/sandbox",
        ctx -> {
          try (InputStream in = SandboxRoutes.class.getResourceAsStream("/sandbox/index.html")) {
            ctx.contentType("text/html; charset=utf-8")
                .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        });
    j.get("/sandbox/api/messages", ctx -> messages(ctx, app));
    j.post(
        "/sandbox/api/tickets",
        ctx -> {
          RequestJson body = RequestJson.of(ctx);
          String email = body.string("email", "dana@example.com");
          if (!email.contains("@") || email.length() > TicketEvent.MAX_EMAIL) {
            HttpApi.error(ctx, 400, "email is not an email address");
            return;
          }
          String id = body.string("id", "DEMO-" + (1000 + (System.nanoTime() / 1000 % 9000)));
          TicketEvent.Kind kind =
              "reopen".equals(body.string("event", "close"))
                  ? TicketEvent.Kind.REOPENED
                  : TicketEvent.Kind.CLOSED;
          TicketEvent event =
              new TicketEvent(
                  SurveyRow.SANDBOX_SOURCE,
                  kind,
                  new TicketEvent.Ticket(
                      limit(id, 60),
                      limit(body.string("title", "Printer on 3rd floor jams"), 200),
                      null,
                      limit(body.string("assignee", "Alex"), 100),
                      limit(body.string("team", "helpdesk"), 100)),
                  new TicketEvent.Requester(
                      email.toLowerCase(java.util.Locale.ROOT),
                      limit(body.string("name", "Dana"), 100),
                      null,
                      null,
                      null,
                      emptyToNull(limit(body.string("locale", ""), 35))),
                  null);
          demoHelpdesk(app, event);
          HttpApi.answer(ctx, app.intake.accept(event));
          app.tick();
        });
    j.post(
        "/sandbox/api/click",
        ctx -> {
          RequestJson body = RequestJson.of(ctx);
          String user = body.string("user", null);
          String action = body.string("actionId", null);
          if (user == null || action == null) {
            HttpApi.error(ctx, 400, "user and actionId are required");
            return;
          }
          if (tooLong(ctx, user)) {
            return;
          }
          String conv = body.string("conversation", "");
          String msg = body.string("messageId", "");
          reply(
              ctx,
              sandbox(app)
                  .handler()
                  .handle(
                      new ChatEvent.ButtonClick(
                          PlatformId.SANDBOX,
                          user,
                          body.string("userName", user),
                          action,
                          body.string("value", ""),
                          new dev.closeloop.chat.MessageRef(conv, msg))));
        });
    j.post(
        "/sandbox/api/type",
        ctx -> {
          RequestJson body = RequestJson.of(ctx);
          String user = body.string("user", null);
          String text = body.message("text");
          if (user == null || text == null || text.isBlank()) {
            HttpApi.error(ctx, 400, "user and text are required");
            return;
          }
          if (tooLong(ctx, user)) {
            return;
          }
          sandbox(app).recordIncoming(user, limit(text, 4000));
          reply(
              ctx,
              sandbox(app)
                  .handler()
                  .handle(new ChatEvent.TypedText(PlatformId.SANDBOX, user, text)));
        });
    j.post(
        "/sandbox/api/modal",
        ctx -> {
          RequestJson body = RequestJson.of(ctx);
          String user = body.string("user", null);
          String id = body.string("id", null);
          if (user == null || id == null) {
            HttpApi.error(ctx, 400, "user and id are required");
            return;
          }
          if (tooLong(ctx, user)) {
            return;
          }
          reply(
              ctx,
              sandbox(app)
                  .handler()
                  .handle(
                      new ChatEvent.ModalSubmit(
                          PlatformId.SANDBOX,
                          user,
                          id,
                          java.util.Objects.requireNonNullElse(body.message("text"), ""))));
        });
    SandboxHelpdeskRoutes.register(j, app);
    j.post("/sandbox/api/digest", ctx -> ctx.json(app.digests.postNow()));
    j.post("/sandbox/api/weekly", ctx -> ctx.json(app.weekly()));
  }

  /** The demo helpdesk has the ticket the page closed (or reopened), as a real helpdesk would. */
  private static void demoHelpdesk(App app, TicketEvent e) {
    var demo = app.demoHelpdesk();
    if (demo == null) {
      return;
    }
    if (e.kind() == TicketEvent.Kind.CLOSED) {
      demo.closed(e.ticket().id(), e.ticket().title(), e.requester().email(), e.ticket().team());
    } else {
      demo.reopened(e.ticket().id());
    }
  }

  /**
   * Who may use the sandbox: nobody when it is off (404); this machine (a loopback peer that
   * addressed the server by a loopback name); other addresses only with {@code sandbox.allowRemote}
   * and the admin token (401 asks the browser for it). A POST must be {@code application/json} (415
   * else): a page on another site, open in the operator's browser, can send a cross-site form or a
   * plain-text body without asking, never JSON; and a name that site controls, resolved to
   * 127.0.0.1 (DNS rebinding), is not a loopback name.
   */
  private static void guard(Context ctx, App app) {
    if (sandbox(app) == null) {
      HttpApi.error(
          ctx,
          404,
          Boolean.FALSE.equals(app.config.sandbox().enabled())
              ? "the sandbox is off (sandbox.enabled: false)"
              : "the sandbox is off (a chat platform is configured); set sandbox.enabled: true");
      ctx.skipRemainingHandlers();
      return;
    } else if (!loopback(ctx) || !loopbackHost(ctx.header("Host"))) {
      if (!app.config.sandbox().allowRemote()) {
        HttpApi.error(ctx, 404, "not found");
        ctx.skipRemainingHandlers();
        return;
      } else if (!AdminRoutes.authorized(ctx, app.config.admin().token(), true)) {
        ctx.header("WWW-Authenticate", "Basic realm=\"Closeloop sandbox\", charset=\"UTF-8\"");
        HttpApi.error(ctx, 401, "the sandbox needs the admin token from this address");
        ctx.skipRemainingHandlers();
        return;
      }
    }
    if (ctx.method().name().equals("POST") && !HttpApi.isJson(ctx)) {
      HttpApi.error(ctx, 415, "Content-Type must be application/json");
      ctx.skipRemainingHandlers();
    }
  }

  private static boolean loopback(Context ctx) {
    try {
      // the peer's address as a literal: no name lookup happens here
      return java.net.InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /**
   * Whether the request's {@code Host} names this machine: {@code localhost} (or a {@code
   * .localhost} name, which browsers resolve locally) or a loopback address literal. No Host (HTTP
   * 1.0) is a local tool's request. Never a name lookup.
   */
  static boolean loopbackHost(String host) {
    if (host == null || host.isBlank()) {
      return true;
    }
    String h = host.strip().toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      h = end < 0 ? h : h.substring(1, end);
    } else if (h.indexOf(':') >= 0) {
      h = h.substring(0, h.indexOf(':'));
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1); // "localhost." is the same name, fully qualified
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
      return false; // a name: it may resolve anywhere
    }
    try {
      return java.net.InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Answers the page with the interaction reply, after sending what the click queued. */
  private static void reply(Context ctx, InteractionReply r) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (r instanceof InteractionReply.Ephemeral e) {
      out.put("ephemeral", e.text());
    } else if (r instanceof InteractionReply.OpenModal m) {
      out.put(
          "modal",
          Map.of(
              "id",
              m.id(),
              "title",
              m.title(),
              "label",
              m.label(),
              "placeholder",
              m.placeholder()));
    }
    ctx.json(out);
  }

  private static SandboxPlatform sandbox(App app) {
    return (SandboxPlatform) app.platforms.get(PlatformId.SANDBOX);
  }

  /**
   * What was added or edited since revision {@code since} (all from the first when absent), up to a
   * page; {@code next} is the revision to ask from next time.
   */
  private static void messages(Context ctx, App app) {
    long since;
    try {
      String v = ctx.queryParam("since");
      since = v == null || v.isBlank() ? 0 : Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      HttpApi.error(ctx, 400, "since must be a number");
      return;
    }
    List<SandboxPlatform.Message> page = sandbox(app).messages(since, MESSAGES_PAGE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", page);
    out.put("next", page.isEmpty() ? since : page.get(page.size() - 1).rev());
    ctx.json(out);
  }

  /** A sandbox user is an email: longer than one is a 400 (answered here), not a 500 later. */
  private static boolean tooLong(Context ctx, String user) {
    if (user.length() <= TicketEvent.MAX_EMAIL) {
      return false;
    }
    HttpApi.error(ctx, 400, "user is longer than " + TicketEvent.MAX_EMAIL + " characters");
    return true;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The first {@code max} characters of {@code s}, never half an emoji. */
  private static String limit(String s, int max) {
    return dev.closeloop.language.Texts.head(s, max);
  }
}
