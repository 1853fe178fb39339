package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.closeloop.chat.InteractionReply;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the core's reply to an interaction: an ephemeral text (through the response_url, in the
 * DM, or ephemerally in the channel) or a modal opened with the interaction's trigger_id.
 */
final class SlackReplies {
  private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

  private final Slack slack;
  private final MethodsClient client;
  private final SlackRenderer renderer;
  private final ObjectMapper json;

  SlackReplies(Slack slack, MethodsClient client, SlackRenderer renderer, ObjectMapper json) {
    this.slack = slack;
    this.client = client;
    this.renderer = renderer;
    this.json = json;
  }

  void apply(InteractionReply reply, SlackInbound.ReplyTarget target) {
    try {
      if (reply instanceof InteractionReply.Ephemeral e) {
        ephemeral(e.text(), target);
      } else if (reply instanceof InteractionReply.OpenModal m) {
        openModal(m, target);
      }
    } catch (Exception e) {
      log.warn(
          "slack reply failed kind={} user={} error={} next=dropped",
          reply.getClass().getSimpleName(),
          target.userId(),
          e.toString());
    }
  }

  /**
   * A click or a command answers through its response_url; typed text is answered in the DM itself
   * (an ephemeral reply there vanishes on reload); a modal answers ephemerally in the conversation
   * it was opened from.
   */
  private void ephemeral(String text, SlackInbound.ReplyTarget target) throws Exception {
    String escaped = SlackText.mrkdwnAndFit(text, SlackRenderer.MAX_SECTION_TEXT);
    if (target.responseUrl() != null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("response_type", "ephemeral");
      body.put("replace_original", false);
      body.put("text", escaped);
      try (Response r = slack.getHttpClient().postJsonBody(target.responseUrl(), body)) {
        if (!r.isSuccessful()) {
          log.warn("slack response_url answered status={} user={}", r.code(), target.userId());
        }
      }
    } else if (target.typedInDm() && target.channelId() != null) {
      check(
          "chat.postMessage",
          client.chatPostMessage(q -> q.channel(target.channelId()).text(escaped)).getError());
    } else if (target.channelId() != null) {
      check(
          "chat.postEphemeral",
          client
              .chatPostEphemeral(
                  q -> q.channel(target.channelId()).user(target.userId()).text(escaped))
              .getError());
    } else {
      check(
          "chat.postMessage",
          client.chatPostMessage(q -> q.channel(target.userId()).text(escaped)).getError());
    }
  }

  private void openModal(InteractionReply.OpenModal modal, SlackInbound.ReplyTarget target)
      throws Exception {
    if (target.triggerId() == null) {
      log.warn("slack modal not opened reason=no trigger_id user={}", target.userId());
      return;
    }
    String metadata = new SlackInbound.ModalMetadata(modal.id(), target.channelId()).toJson(json);
    String view = renderer.modal(modal, metadata);
    check(
        "views.open",
        client.viewsOpen(q -> q.triggerId(target.triggerId()).viewAsString(view)).getError());
  }

  private static void check(String method, String error) {
    if (error != null) {
      log.warn("slack reply refused method={} error={}", method, error);
    }
  }
}
