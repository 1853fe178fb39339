package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.PersonLanes;
import dev.closeloop.chat.PlatformId;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what Slack sends (block_actions, message.im, view_submission, slash commands) into {@link
 * ChatEvent}s. Each Bolt listener only translates and returns the ack; the core's handler runs
 * afterwards in the person's lane of {@code lanes} (one person's events keep their order; a line
 * held up by a slow store delays only its own person, not another's click whose modal must open
 * within the 3 seconds its {@code trigger_id} lives), and its {@link InteractionReply} is applied
 * on {@code replyExecutor}.
 */
final class SlackInbound {
  private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);
  private static final PlatformId SLACK = PlatformId.SLACK;

  /** Where a reply to an interaction goes. Any field may be null. */
  record ReplyTarget(
      String userId, String channelId, String responseUrl, String triggerId, boolean typedInDm) {}

  private final Slack slack;
  private final MethodsClient client;
  private final SlackRenderer renderer;
  private final ObjectMapper json;
  private final PersonLanes lanes;
  private final Executor replyExecutor;
  private final RecentKeys seenEvents = new RecentKeys(10_000);
  private volatile ChatEventHandler handler;
  private final SlackReplies replies;

  SlackInbound(
      Slack slack,
      MethodsClient client,
      SlackRenderer renderer,
      ObjectMapper json,
      PersonLanes lanes,
      Executor replyExecutor) {
    this.slack = slack;
    this.client = client;
    this.renderer = renderer;
    this.json = json;
    this.lanes = lanes;
    this.replyExecutor = replyExecutor;
    this.replies = new SlackReplies(slack, client, renderer, json);
  }

  void handler(ChatEventHandler handler) {
    this.handler = handler;
  }

  void register(App app) {
    app.blockAction(
        Pattern.compile(".*"),
        (req, ctx) -> {
          onBlockActions(req.getPayload());
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          onMessage(payload.getEventId(), payload.getEvent());
          return ctx.ack();
        });
    // edits and deletions in a DM are not answers; ack them quietly
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    app.viewSubmission(
        SlackRenderer.MODAL_CALLBACK_ID,
        (req, ctx) -> {
          onViewSubmission(req.getPayload());
          return ctx.ack();
        });
    app.command(
        Pattern.compile("^/.*$"),
        (req, ctx) -> {
          onCommand(req.getPayload());
          return ctx.ack();
        });
  }

  private void onBlockActions(BlockActionPayload p) {
    if (p.getUser() == null || p.getActions() == null) {
      return;
    }
    String channel =
        p.getChannel() != null
            ? p.getChannel().getId()
            : p.getContainer() != null ? p.getContainer().getChannelId() : null;
    String ts =
        p.getMessage() != null
            ? p.getMessage().getTs()
            : p.getContainer() != null ? p.getContainer().getMessageTs() : null;
    String name =
        p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
    ReplyTarget target =
        new ReplyTarget(p.getUser().getId(), channel, p.getResponseUrl(), p.getTriggerId(), false);
    for (BlockActionPayload.Action a : p.getActions()) {
      dispatch(
          new ChatEvent.ButtonClick(
              SLACK,
              p.getUser().getId(),
              name,
              a.getActionId(),
              a.getValue(),
              new MessageRef(channel, ts)),
          target);
    }
  }

  /** Only what a person typed in a DM with the app: no bots, no edits, no other channels. */
  private void onMessage(String eventId, MessageEvent e) {
    boolean human =
        e != null
            && e.getUser() != null
            && e.getBotId() == null
            && e.getSubtype() == null
            && "im".equals(e.getChannelType());
    if (!human) {
      return;
    }
    if (eventId != null && !seenEvents.firstTime("event:" + eventId)) {
      log.info("slack event duplicate event_id={} next=acked without handling", eventId);
      return;
    }
    dispatch(
        new ChatEvent.TypedText(SLACK, e.getUser(), unescape(e.getText())),
        new ReplyTarget(e.getUser(), e.getChannel(), null, null, true));
  }

  private void onViewSubmission(ViewSubmissionPayload p) {
    if (p.getUser() == null || p.getView() == null) {
      return;
    }
    ModalMetadata meta = ModalMetadata.parse(json, p.getView().getPrivateMetadata());
    String text = null;
    if (p.getView().getState() != null && p.getView().getState().getValues() != null) {
      Map<String, ViewState.Value> block =
          p.getView().getState().getValues().get(SlackRenderer.MODAL_BLOCK_ID);
      ViewState.Value value = block == null ? null : block.get(SlackRenderer.MODAL_ACTION_ID);
      text = value == null ? null : value.getValue();
    }
    String userId = p.getUser().getId();
    String name =
        p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
    dispatch(
        new ChatEvent.ModalSubmit(SLACK, userId, name, meta.id(), text == null ? "" : text),
        new ReplyTarget(userId, meta.channel(), null, null, false));
  }

  private void onCommand(SlashCommandPayload p) {
    dispatch(
        new ChatEvent.Command(
            SLACK, p.getUserId(), p.getUserName(), p.getText() == null ? "" : p.getText().strip()),
        new ReplyTarget(
            p.getUserId(), p.getChannelId(), p.getResponseUrl(), p.getTriggerId(), false));
  }

  /**
   * Queues the event in its person's lane. A full lane (a hundred events of one person waiting)
   * drops it with a log line; once stopping, {@link
   * java.util.concurrent.RejectedExecutionException} tells the caller not to ack, so that Slack
   * redelivers.
   */
  private void dispatch(ChatEvent event, ReplyTarget target) {
    boolean queued =
        lanes.submit(
            event.userId(),
            () -> {
              ChatEventHandler h = handler;
              if (h == null) {
                log.warn(
                    "slack event dropped reason=no handler type={}",
                    event.getClass().getSimpleName());
                return;
              }
              InteractionReply reply;
              try {
                reply = h.handle(event);
              } catch (RuntimeException e) {
                log.error(
                    "slack event handler failed type={} user={} next=dropped",
                    event.getClass().getSimpleName(),
                    event.userId(),
                    e);
                return;
              }
              if (reply != null && !(reply instanceof InteractionReply.None)) {
                replyExecutor.execute(() -> replies.apply(reply, target));
              }
            });
    if (!queued) {
      log.warn(
          "slack event dropped reason=lane_full type={} user={}",
          event.getClass().getSimpleName(),
          event.userId());
    }
  }

  /**
   * Slack sends message text with &, < and > escaped, emoji as shortcodes, and what it linked
   * between < and >: a mention {@code <@U123>}, a channel {@code <#C1|it>}, {@code <!here>}, a link
   * {@code <https://vpn.example.com>} or {@code <mailto:dana@example.com|dana@example.com>} for an
   * address typed plainly. The core wants what the person typed: kept as Slack sent it, a comment
   * read "<mailto:dana@example.com|dana@example.com>" in the digest, the export and the helpdesk's
   * note. A link whose label is not its address keeps both, "label (address)", so the team sees
   * where it goes.
   */
  static String unescape(String text) {
    if (text == null) {
      return "";
    }
    String t = SlackEmoji.toUnicode(text);
    StringBuilder out = new StringBuilder(t.length());
    int at = 0;
    while (at < t.length()) {
      int open = t.indexOf('<', at);
      int close = open < 0 ? -1 : t.indexOf('>', open + 1);
      if (open < 0 || close < 0) {
        out.append(entities(t.substring(at)));
        break;
      }
      out.append(entities(t.substring(at, open)));
      out.append(linked(t.substring(open + 1, close)));
      at = close + 1;
    }
    return out.toString();
  }

  /** What the person typed for one {@code <…>} of Slack's (its inside given). */
  private static String linked(String inside) {
    int bar = inside.indexOf('|');
    String target = bar < 0 ? inside : inside.substring(0, bar);
    String label = bar < 0 ? null : entities(inside.substring(bar + 1));
    if (target.startsWith("@")) {
      return "@" + (label != null && !label.isEmpty() ? label : target.substring(1));
    } else if (target.startsWith("#")) {
      return "#" + (label != null && !label.isEmpty() ? label : target.substring(1));
    } else if (target.startsWith("!")) {
      // <!here>, <!channel>, <!subteam^S1|@it>, <!date^…|fallback>
      if (label != null && !label.isEmpty()) {
        return label.startsWith("@") || target.startsWith("!date") ? label : "@" + label;
      }
      String name = target.substring(1);
      int caret = name.indexOf('^');
      return "@" + (caret < 0 ? name : name.substring(0, caret));
    }
    String address = entities(target);
    if (label == null || label.isEmpty()) {
      return address;
    }
    String bare = address.replaceFirst("^(?i)(mailto:|https?://)", "");
    return bare.equals(label) || bare.equals(label + "/") || address.equals(label)
        ? label
        : label + " (" + address + ")";
  }

  private static String entities(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** What a modal carries through Slack and back: the core's modal id and where it was opened. */
  record ModalMetadata(String id, String channel) {
    String toJson(ObjectMapper json) {
      var node = json.createObjectNode();
      node.put("id", id);
      if (channel != null) {
        node.put("channel", channel);
      }
      return node.toString();
    }

    static ModalMetadata parse(ObjectMapper json, String raw) {
      if (raw == null || raw.isBlank()) {
        return new ModalMetadata("", null);
      }
      try {
        JsonNode node = json.readTree(raw);
        return new ModalMetadata(
            node.path("id").asText(""),
            node.hasNonNull("channel") ? node.get("channel").asText() : null);
      } catch (Exception e) {
        return new ModalMetadata(
            raw, null); // a modal opened by something else: pass its metadata on
      }
    }
  }
}
