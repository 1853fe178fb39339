package dev.closeloop.app;

import dev.closeloop.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Discord-to-email links an operator approves or imports. */
final class AdminLinks {
  /**
   * One address: no space or second {@code @}, a dot after the {@code @}; and no control character
   * ({@link dev.closeloop.language.Texts#isControl}, checked apart).
   */
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final App app;

  AdminLinks(App app) {
    this.app = app;
  }

  /** Self-service Discord links waiting for an admin (no mail relay configured). */
  List<Map<String, Object>> pendingLinks() {
    return app.links.pending(1000).stream().map(AdminLinks::linkRequest).toList();
  }

  /**
   * What approving a self-service link request came to. The admin route and {@code link approve}
   * both answer from it, in one order: an id that names no waiting request is that (404, exit 1)
   * whatever else is set up; then a request that cannot be approved now (400, exit 2); else the
   * link is made (200, exit 0).
   */
  sealed interface Approval {
    /** Linked: the request as the answer shows it, with {@code "state": "linked"}. */
    record Approved(Map<String, Object> link) implements Approval {}

    /** No request {@code id} waits for an admin. */
    record NotPending(long id) implements Approval {
      String message() {
        return "no pending link request " + id;
      }
    }

    /** The request waits, but cannot be approved now: {@code reason} says why and what to do. */
    record Refused(String reason) implements Approval {}
  }

  /** Approves request {@code id} when it waits and can be approved (see {@link Approval}). */
  Approval approve(long id) {
    if (!app.links.isPending(id)) {
      return new Approval.NotPending(id);
    }
    String cannot = cannotApprove();
    if (cannot != null) {
      return new Approval.Refused(cannot);
    }
    // approved by another admin in between: no longer pending, as the first check would now say
    return approveLink(id)
        .<Approval>map(Approval.Approved::new)
        .orElseGet(() -> new Approval.NotPending(id));
  }

  private Optional<Map<String, Object>> approveLink(long id) {
    return app.links
        .approve(id)
        .map(
            r -> {
              Map<String, Object> m = linkRequest(r);
              m.put("state", "linked");
              return m;
            });
  }

  private static Map<String, Object> linkRequest(dev.closeloop.store.LinkRequests.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("email", r.email());
    m.put("discordId", r.discordId());
    m.put("requestedAt", r.requestedAt());
    return m;
  }

  /**
   * Imports email,discordId lines; returns how many were linked. Takes CSV as spreadsheets save it:
   * a leading byte order mark, CRLF line ends, fields in double quotes, a header line.
   */
  int links(String csv) {
    int n = 0;
    List<String[]> pairs = new ArrayList<>();
    Map<String, String[]> byEmail = new java.util.HashMap<>();
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    String[] lines = text.split("\\R");
    for (int number = 1; number <= lines.length; number++) {
      String l = lines[number - 1].strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split(",");
      for (int i = 0; i < parts.length; i++) {
        parts[i] = unquote(parts[i].strip()).strip();
      }
      if (pairs.isEmpty()
          && !parts[0].contains("@")
          && parts[0].toLowerCase(Locale.ROOT).startsWith("email")) {
        continue; // the header
      }
      if (parts.length != 2
          || parts[0].length() > TicketEvent.MAX_EMAIL
          || !EMAIL.matcher(parts[0]).matches()
          || dev.closeloop.language.Texts.hasControl(parts[0])
          || !parts[1].matches("\\d{5,20}")) {
        throw new IllegalArgumentException(
            "line "
                + number
                + ": want email,discordId (an address of at most "
                + TicketEvent.MAX_EMAIL
                + " characters, a Discord id of 5 to 20 digits): "
                + HttpApi.cut(l));
      }
      String email = parts[0].toLowerCase(Locale.ROOT);
      String[] earlier = byEmail.get(email);
      if (earlier != null) {
        if (!earlier[1].equals(parts[1])) {
          // linked to one, then moved to the other: the first would be told of a link it never
          // had, and which one the admin meant is theirs to say
          throw new IllegalArgumentException(
              "lines "
                  + earlier[2]
                  + " and "
                  + number
                  + " link "
                  + HttpApi.cut(email)
                  + " to two Discord accounts: keep one");
        }
        continue; // the same link again
      }
      String[] pair = {email, parts[1], Integer.toString(number)};
      byEmail.put(email, pair);
      pairs.add(pair);
    }
    java.time.Instant now = app.clock.instant();
    boolean discord = discord();
    // an import that moves an email to another Discord account tells the one it leaves; without
    // Discord nobody can be told (the DM would only be dead-lettered), so such a line is refused
    // and nothing is imported, while new links (nobody to tell) are stored for when it is on
    app.db
        .jdbi()
        .useTransaction(
            h -> {
              Map<String, String> linked = new java.util.HashMap<>();
              for (String[] p : pairs) {
                String before =
                    linked.containsKey(p[0])
                        ? linked.get(p[0])
                        : new dev.closeloop.store.People(h).linkedDiscordId(p[0]).orElse(null);
                if (!discord && before != null && !before.equals(p[1])) {
                  throw new IllegalArgumentException(
                      "line "
                          + p[2]
                          + ": "
                          + HttpApi.cut(p[0])
                          + " is linked to another Discord account, which must be told when the"
                          + " link moves, and Discord is not configured (discord.token): set it,"
                          + " or leave this line out");
                }
                linked.put(p[0], p[1]);
                dev.closeloop.link.usecase.Linking.link(h, p[0], p[1], now);
              }
            });
    n = pairs.size();
    return n;
  }

  /**
   * Why an approval cannot be made now, or null: approving tells the person in a Discord DM (and
   * the account a moved link leaves), which without Discord would only be dead-lettered. Asked
   * after the request is found: an id that names no request is that, whatever else is set up.
   */
  private String cannotApprove() {
    return discord()
        ? null
        : "Discord is not configured (discord.token): the person could not be told; approve the"
            + " request once Discord is set up again";
  }

  /** Whether Discord is set up (discord.token): without it no DM can reach anyone there. */
  private boolean discord() {
    return app.platforms.containsKey(dev.closeloop.chat.PlatformId.DISCORD);
  }

  private static String unquote(String field) {
    return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
        ? field.substring(1, field.length() - 1).replace("\"\"", "\"")
        : field;
  }
}
