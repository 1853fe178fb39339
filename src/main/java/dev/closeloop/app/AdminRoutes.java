package dev.closeloop.app;

import dev.closeloop.ticket.Signatures;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** The admin API (docs/reference.md "Admin API"): Bearer admin.token, 401 without it. */
final class AdminRoutes {
  private AdminRoutes() {}

  static void register(Javalin j, App app) {
    AdminOps ops = app.admin;
    j.before(
        "/admin/*",
        ctx -> {
          if (app.config.admin().token().isEmpty()) {
            // nothing to guess: tell the operator what turns the API on
            HttpApi.error(ctx, 401, "the admin API is off: set admin.token");
            ctx.skipRemainingHandlers();
          } else if (!authorized(ctx, app.config.admin().token(), false)) {
            HttpApi.error(ctx, 401, "missing or wrong admin token");
            ctx.skipRemainingHandlers();
          }
        });
    j.exception(Paging.BadPage.class, (e, ctx) -> HttpApi.error(ctx, 400, e.getMessage()));
    j.post("/admin/digest", ctx -> ctx.json(app.digests.postNow()));
    j.get(
        "/admin/surveys",
        ctx -> {
          String ticket = ctx.queryParam("ticket");
          if (ticket == null || ticket.isBlank()) {
            HttpApi.error(ctx, 400, "ticket is required");
            return;
          }
          String source = ctx.queryParam("source");
          ops.surveys(
                  ticket,
                  // sources are lower case, as the webhook route takes them in any case
                  source == null || source.isBlank()
                      ? null
                      : source.strip().toLowerCase(Locale.ROOT),
                  Paging.limit(ctx.queryParam("limit")),
                  ctx.queryParam("after"))
              .ifPresentOrElse(
                  page -> ctx.json(page("surveys", page)),
                  () -> HttpApi.error(ctx, 404, "no survey for ticket " + HttpApi.cut(ticket)));
        });
    j.get(
        "/admin/stats",
        ctx -> {
          LocalDate since = date(ctx, "since");
          LocalDate until = date(ctx, "until");
          if (ctx.status().getCode() == 400) {
            return;
          }
          if (since != null && until != null && until.isBefore(since)) {
            HttpApi.error(ctx, 400, "until must not be before since");
            return;
          }
          ctx.json(app.stats.stats(since, until));
        });
    j.get(
        "/admin/incidents",
        ctx -> {
          String state = ctx.queryParamAsClass("state", String.class).getOrDefault("open");
          if (!state.equals("open") && !state.equals("all")) {
            HttpApi.error(ctx, 400, "state must be open or all");
            return;
          }
          ctx.json(
              page(
                  "incidents",
                  ops.incidents(
                      state.equals("all"),
                      Paging.limit(ctx.queryParam("limit")),
                      ctx.queryParam("after"))));
        });
    j.get(
        "/admin/outbox",
        ctx -> {
          String state = ctx.queryParamAsClass("state", String.class).getOrDefault("pending");
          if (!state.equals("pending") && !state.equals("dead")) {
            HttpApi.error(ctx, 400, "state must be pending or dead");
            return;
          }
          String limit = ctx.queryParam("limit");
          ctx.json(
              page(
                  "outbox",
                  app.outboxOps.outbox(
                      state,
                      limit == null ? OutboxOps.DEFAULT_LIMIT : Paging.limit(limit),
                      ctx.queryParam("after"))));
        });
    j.post(
        "/admin/outbox/{id}/retry",
        ctx -> {
          Long id = pathId(ctx);
          if (id == null) {
            return;
          }
          app.outboxOps
              .retry(id)
              .ifPresentOrElse(
                  ctx::json, () -> HttpApi.error(ctx, 404, "no dead outbox row " + id));
        });
    j.post(
        "/admin/outbox/retry-dead",
        ctx -> ctx.json(Map.of("retried", app.outboxOps.retryAllDead())));
    j.post(
        "/admin/backup",
        ctx -> {
          String file = RequestJson.of(ctx).required("file");
          if (app.db.postgres()) {
            HttpApi.error(ctx, 400, "use pg_dump");
            return;
          }
          Path target;
          try {
            target = Backups.target(app.config.backup(), app.config.storage(), file);
          } catch (IllegalArgumentException e) {
            HttpApi.error(ctx, 400, e.getMessage());
            return;
          }
          try {
            ctx.json(Map.of("file", app.db.backup(target).toString()));
          } catch (dev.closeloop.store.Database.BackupRunning e) {
            HttpApi.error(ctx, 409, e.getMessage());
          }
        });
    j.get(
        "/admin/export",
        ctx -> {
          String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
          if (!format.equals("csv") && !format.equals("json")) {
            HttpApi.error(ctx, 400, "format must be csv or json");
            return;
          }
          ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/json");
          // streamed as it is read, page by page: never the whole export in memory
          try (java.io.Writer out =
              new java.io.BufferedWriter(
                  new java.io.OutputStreamWriter(
                      ctx.res().getOutputStream(), java.nio.charset.StandardCharsets.UTF_8),
                  1 << 16)) {
            String user = ctx.queryParam("user");
            ops.export(format, user == null || user.isBlank() ? null : user.strip(), out);
          }
        });
    j.post("/admin/purge", ctx -> ctx.json(Map.of("removed", app.retention.purge())));
    j.post(
        "/admin/erase-user",
        ctx -> {
          String user = RequestJson.of(ctx).required("user");
          if (app.retention.eraseUser(user)) {
            ctx.json(Map.of("erased", true));
          } else {
            HttpApi.error(ctx, 404, "no such user");
          }
        });
    j.post(
        "/admin/links",
        ctx -> {
          try {
            ctx.json(Map.of("linked", app.adminLinks.links(Bodies.utf8(ctx))));
          } catch (IllegalArgumentException e) {
            HttpApi.error(ctx, 400, e.getMessage());
          }
        });
    j.post("/admin/weekly", ctx -> ctx.json(app.weekly()));
    j.get(
        "/admin/openapi.json",
        ctx ->
            ctx.contentType("application/json")
                .result(AdminRoutes.class.getResourceAsStream("/openapi.json")));
    j.get(
        "/admin/links",
        ctx -> {
          String state = ctx.queryParamAsClass("state", String.class).getOrDefault("pending");
          if (!state.equals("pending")) {
            HttpApi.error(ctx, 400, "state must be pending");
            return;
          }
          ctx.json(Map.of("links", app.adminLinks.pendingLinks()));
        });
    j.post(
        "/admin/links/{id}/approve",
        ctx -> {
          Long id = pathId(ctx);
          if (id == null) {
            return;
          }
          AdminLinks.Approval outcome = app.adminLinks.approve(id);
          if (outcome instanceof AdminLinks.Approval.Approved a) {
            ctx.json(a.link());
          } else if (outcome instanceof AdminLinks.Approval.Refused r) {
            HttpApi.error(ctx, 400, r.reason());
          } else {
            HttpApi.error(ctx, 404, ((AdminLinks.Approval.NotPending) outcome).message());
          }
        });
  }

  /**
   * True when the request carries the admin token: {@code Bearer TOKEN}, or (where a browser asks,
   * {@code basic}) HTTP Basic with the token as password. Never true when no token is set.
   */
  static boolean authorized(Context ctx, String token, boolean basic) {
    String given = ctx.header("Authorization");
    if (token.isEmpty() || given == null) {
      return false;
    }
    given = given.strip();
    if (basic && given.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(
                java.util.Base64.getDecoder().decode(given.substring(6).strip()),
                java.nio.charset.StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon >= 0 && Signatures.equal(token, pair.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    // the scheme is case-insensitive (RFC 9110); the token is compared in constant time
    if (!given.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return Signatures.equal(token, given.substring(7).strip());
  }

  /** The {id} path segment as a number, or null after answering 400. */
  private static Long pathId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      HttpApi.error(ctx, 400, "id must be a number");
      return null;
    }
  }

  /** {@code {"<name>": [...], "next": cursor|null}}. */
  private static Map<String, Object> page(String name, Paging.Page<Map<String, Object>> page) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(name, page.items());
    m.put("next", page.next());
    return m;
  }

  private static LocalDate date(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(v);
      // years 1 to 9999: what YYYY reads, and what every store keeps
      if (d.getYear() >= 1 && d.getYear() <= 9999) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // below
    }
    HttpApi.error(ctx, 400, name + " must be a date YYYY-MM-DD");
    return null;
  }
}
