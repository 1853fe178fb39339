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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jira Cloud (REST v3) and Jira Service Management. Notes are comments: on a service desk request
 * an internal comment ({@code POST /rest/servicedeskapi/request/{key}/comment}, {@code public:
 * false}, so the customer never sees it), elsewhere a comment in ADF ({@code POST
 * /rest/api/3/issue/{key}/comment}); the project's type says which. Reopening runs the configured
 * workflow transition; an issue outside the Done category is already open and only gets the note.
 * New issues go to the original's project with its issue type, the original's reporter as reporter,
 * the marker as a label and a "Relates" link to the original.
 */
public final class JiraWriter extends ApiWriter {
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+|\\d+");
  private static final String BROWSE = "the account needs the project permission Browse Projects";
  private static final String COMMENT = "the account needs the project permission Add Comments";
  private static final String INTERNAL =
      "the account must be an agent of this service desk to add internal comments";
  private static final String TRANSITION =
      "the account needs the project permission Transition Issues";
  private static final String CREATE =
      "the account needs the project permissions Create Issues, Modify Reporter and Link Issues";

  private final HelpdeskHttp http;
  private final Helpdesks.JiraWriteBack settings;

  public JiraWriter(Helpdesks.Jira config, HttpClient client, Duration timeout, Clock clock) {
    this.http =
        new HelpdeskHttp(
            "Jira",
            config.baseUrl(),
            client,
            timeout,
            clock,
            "connectors.jira.email and connectors.jira.apiToken",
            Map.of("Authorization", HelpdeskHttp.basic(config.email(), config.apiToken())),
            List.of(config.apiToken()));
    this.settings = config.writeBack();
  }

  @Override
  public String system() {
    return "jira";
  }

  @Override
  Done note(Write write) {
    return comment(issue(write.ticket().id()), write.text(), write.marker());
  }

  /** What the writes need to know about an issue. */
  private record Issue(
      String key,
      boolean done,
      boolean serviceDesk,
      String project,
      String issueType,
      String reporter) {}

  private Issue issue(String id) {
    String key = checked(id, KEY, "a Jira issue key");
    JsonNode i =
        http.get(
            "/rest/api/3/issue/" + enc(key) + "?fields=status,project,issuetype,reporter", BROWSE);
    return new Issue(
        text(i, "/key") == null ? key : text(i, "/key"),
        "done".equals(text(i, "/fields/status/statusCategory/key")),
        "service_desk".equals(text(i, "/fields/project/projectTypeKey")),
        text(i, "/fields/project/key"),
        text(i, "/fields/issuetype/id"),
        text(i, "/fields/reporter/accountId"));
  }

  private Done comment(Issue issue, String text, String marker) {
    String body = Marker.append(text, marker);
    JsonNode created;
    if (issue.serviceDesk()) {
      created =
          http.call(
              "POST",
              "/rest/servicedeskapi/request/" + enc(issue.key()) + "/comment",
              object().put("body", body).put("public", false),
              INTERNAL);
    } else {
      ObjectNode request = object();
      request.set("body", Adf.doc(body));
      created =
          http.call("POST", "/rest/api/3/issue/" + enc(issue.key()) + "/comment", request, COMMENT);
    }
    String id = text(created, "/id");
    return Done.of(id, browse(issue.key()) + (id == null ? "" : "?focusedCommentId=" + id));
  }

  @Override
  Done reopen(Write.Reopen r) {
    Issue issue = issue(r.ticket().id());
    if (!issue.done()) {
      comment(issue, r.text(), r.marker());
      return new Done(issue.key(), browse(issue.key()), true);
    }
    ObjectNode request = object();
    request.putObject("transition").put("id", transition(issue.key()));
    http.call(
        "POST", "/rest/api/3/issue/" + enc(issue.key()) + "/transitions", request, TRANSITION);
    comment(issue, r.text(), r.marker());
    return Done.of(issue.key(), browse(issue.key()));
  }

  /**
   * The configured transition's id: an id as given, a name looked up among the issue's transitions,
   * or with none configured the first transition out of the Done category.
   */
  private String transition(String key) {
    String wanted = settings.reopenTransition() == null ? "" : settings.reopenTransition().strip();
    if (wanted.matches("\\d+")) {
      return wanted;
    }
    JsonNode list = http.get("/rest/api/3/issue/" + enc(key) + "/transitions", TRANSITION);
    List<String> names = new ArrayList<>();
    for (JsonNode t : list.path("transitions")) {
      String name = t.path("name").asText();
      names.add(name);
      boolean match =
          wanted.isEmpty()
              ? !"done".equals(t.at("/to/statusCategory/key").asText())
              : name.equalsIgnoreCase(wanted);
      if (match) {
        return t.path("id").asText();
      }
    }
    throw new Stop(
        0,
        new WriteOutcome.Rejected(
            "Jira offers "
                + key
                + " no transition "
                + (wanted.isEmpty() ? "out of the Done category" : "named '" + wanted + "'")
                + " (available: "
                + (names.isEmpty() ? "none" : String.join(", ", names))
                + "); set connectors.jira.writeBack.reopenTransition, and check that the account"
                + " has Transition Issues"));
  }

  @Override
  Done create(Write.Request r) {
    Issue original = issue(r.ticket().id());
    ObjectNode request = object();
    ObjectNode fields = request.putObject("fields");
    fields.putObject("project").put("key", original.project());
    fields.putObject("issuetype").put("id", original.issueType());
    fields.put("summary", Requests.title(r, 255));
    fields.set("description", Adf.doc(Requests.body(r)));
    fields.putArray("labels").add(r.marker());
    if (original.reporter() != null) {
      fields.putObject("reporter").put("accountId", original.reporter());
    }
    ObjectNode link =
        request.putObject("update").putArray("issuelinks").addObject().putObject("add");
    link.putObject("type").put("name", "Relates");
    link.putObject("outwardIssue").put("key", original.key());
    JsonNode created = http.call("POST", "/rest/api/3/issue", request, CREATE);
    String key = text(created, "/key");
    return Done.of(key, browse(key));
  }

  @Override
  LookUp findCreated(Write.Request request) {
    JsonNode found =
        http.get(
            "/rest/api/3/search/jql?jql="
                + enc("labels = \"" + request.marker() + "\"")
                + "&fields=summary&maxResults=1",
            BROWSE);
    String key = text(found, "/issues/0/key");
    return key == null ? new LookUp.NotWritten() : new LookUp.Written(Done.of(key, browse(key)));
  }

  @Override
  LookUp findNote(Write write) {
    String key = checked(write.ticket().id(), KEY, "a Jira issue key");
    JsonNode comments =
        http.get(
            "/rest/api/3/issue/" + enc(key) + "/comment?orderBy=-created&maxResults=100", BROWSE);
    for (JsonNode c : comments.path("comments")) {
      if (Marker.in(c.path("body").toString(), write.marker())) {
        String id = c.path("id").asText();
        return new LookUp.Written(
            write instanceof Write.Reopen
                ? Done.of(key, browse(key))
                : Done.of(id, browse(key) + "?focusedCommentId=" + id));
      }
    }
    return new LookUp.NotWritten();
  }

  @Override
  public ProbeReport probe() {
    List<Finding> out = new ArrayList<>();
    try {
      JsonNode me = http.get("/rest/api/3/myself", BROWSE);
      out.add(
          Finding.ok(
              "signed in as "
                  + first(text(me, "/emailAddress"), text(me, "/displayName"), "the API user")));
      Map<String, String> needed = new LinkedHashMap<>();
      needed.put("BROWSE_PROJECTS", "Browse Projects (to read issues)");
      if (settings.notes() || settings.followUps()) {
        needed.put("ADD_COMMENTS", "Add Comments (notes and follow-ups)");
      }
      if (!"never".equals(settings.reopen())) {
        needed.put("TRANSITION_ISSUES", "Transition Issues (reopen)");
      }
      if (settings.createRequests()) {
        needed.put("CREATE_ISSUES", "Create Issues (new requests)");
        needed.put("MODIFY_REPORTER", "Modify Reporter (the requester as reporter)");
        needed.put("LINK_ISSUES", "Link Issues (link to the original)");
      }
      JsonNode granted =
          http.get(
              "/rest/api/3/mypermissions?permissions=" + String.join(",", needed.keySet()), BROWSE);
      needed.forEach(
          (key, words) ->
              out.add(
                  granted.at("/permissions/" + key + "/havePermission").asBoolean(false)
                      ? Finding.ok("has " + words)
                      : Finding.missing(
                          "missing the project permission " + words + " in every project")));
    } catch (Stop stop) {
      out.add(Finding.missing(stop.outcome.reason()));
    }
    return new ProbeReport(system(), out);
  }

  private String browse(String key) {
    return http.base() + "/browse/" + key;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }
}
