package dev.closeloop.app;

import dev.closeloop.ticket.usecase.DemoHelpdeskPage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's demo helpdesk panel: {@code GET /sandbox/api/helpdesk?since=REV} answers the demo
 * tickets added or changed since that revision (each with its status and every note Closeloop wrote
 * on it) and {@code next}, the revision to ask from next time. Behind the sandbox's own guard
 * (registered under {@code /sandbox/*}).
 */
final class SandboxHelpdeskRoutes {
  /** Tickets per poll at most: the newest changed ones (a demo has a handful). */
  static final int PAGE = 500;

  private SandboxHelpdeskRoutes() {}

  static void register(Javalin j, App app) {
    DemoHelpdeskPage page =
        app.demoHelpdesk() == null ? null : new DemoHelpdeskPage(app.db().jdbi());
    j.get("/sandbox/api/helpdesk", ctx -> tickets(ctx, page));
  }

  private static void tickets(Context ctx, DemoHelpdeskPage demo) {
    long since;
    try {
      String v = ctx.queryParam("since");
      since = v == null || v.isBlank() ? 0 : Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      HttpApi.error(ctx, 400, "since must be a number");
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (demo == null) {
      out.put("tickets", List.of());
      out.put("next", since);
      ctx.json(out);
      return;
    }
    // read the revision first: a change made while the page is read is seen again next time
    long next = Math.max(since, demo.lastRev());
    List<DemoHelpdeskPage.Ticket> page = demo.changedSince(since, PAGE);
    out.put("tickets", page);
    out.put("next", next);
    ctx.json(out);
  }
}
