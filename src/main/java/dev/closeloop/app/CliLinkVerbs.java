package dev.closeloop.app;

import static dev.closeloop.app.Cli.USAGE;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The verbs for Discord-to-email links: link import|approve, links. */
final class CliLinkVerbs {
  private CliLinkVerbs() {}

  @Command(
      name = "link",
      description =
          "link import FILE.csv — email,discordId lines; link approve ID — a pending request.")
  static final class Link extends CliVerb {
    @Parameters(index = "0", paramLabel = "import|approve")
    String verb;

    @Parameters(index = "1", paramLabel = "FILE.csv|ID")
    String arg;

    @Override
    public Integer call() throws Exception {
      if ("approve".equals(verb)) {
        if (!arg.matches("\\d{1,18}")) {
          err().println("usage: link approve ID (see `links`)");
          return USAGE;
        }
        long id = Long.parseLong(arg);
        return viaAppOrStore(
            config(),
            "POST",
            "/admin/links/" + id + "/approve",
            null,
            app -> {
              AdminLinks.Approval outcome = app.adminLinks.approve(id);
              if (outcome instanceof AdminLinks.Approval.Approved a) {
                return a.link();
              } else if (outcome instanceof AdminLinks.Approval.Refused r) {
                throw new Cli.Failure(USAGE, r.reason());
              }
              throw new IllegalStateException(((AdminLinks.Approval.NotPending) outcome).message());
            });
      }
      if (!"import".equals(verb)) {
        err().println("usage: link import FILE.csv | link approve ID");
        return USAGE;
      }
      Path file = Path.of(arg);
      String csv;
      try {
        // the admin route's own limit: a larger file would be refused by the running app (413)
        csv = Bodies.utf8(CliFiles.read(file, Bodies.LINKS_CSV));
      } catch (CliFiles.Unreadable e) {
        err().println(e.getMessage());
        return USAGE;
      } catch (Bodies.NotUtf8 e) {
        err().println(file + ": " + e.getMessage());
        return USAGE;
      }
      try {
        return withProgress(
            "link import",
            config(),
            "POST",
            "/admin/links",
            csv,
            app -> Map.of("linked", app.adminLinks.links(csv)));
      } catch (IllegalArgumentException e) {
        err().println(e.getMessage());
        return USAGE;
      }
    }
  }

  @Command(name = "links", description = "List self-service Discord links waiting for approval.")
  static final class Links extends CliVerb {
    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(
          config(),
          "GET",
          "/admin/links?state=pending",
          null,
          app -> Map.of("links", app.adminLinks.pendingLinks()));
    }
  }
}
