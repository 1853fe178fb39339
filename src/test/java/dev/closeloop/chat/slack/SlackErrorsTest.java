package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an operator is told to do about an error Slack answered a post with. */
class SlackErrorsTest {
  @Test
  void eachRefusedTokenErrorPointsAtTheBotTokenAndAnUnknownErrorAtNothing() {
    for (String error :
        new String[] {
          "not_authed", "invalid_auth", "token_revoked", "token_expired", "account_inactive"
        }) {
      assertThat(SlackErrors.remedy(error, "C1", null))
          .as(error)
          .isEqualTo("check slack.botToken: Slack refuses it (reinstall the app for a new token)");
    }
    assertThat(SlackErrors.remedy("not_in_channel", "C1", null)).contains("C1");
    assertThat(SlackErrors.remedy("ratelimited", "C1", null)).isNull();
    assertThat(SlackErrors.remedy(null, "C1", null)).isNull();
  }
}
