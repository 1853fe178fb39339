package dev.closeloop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker itself: it passes what renders and fails what the platforms cannot render. */
class MarkupRulesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "*Your request: *No, that is all",
        "*Your comment:*No",
        "*still broken *",
        "*great**",
        "~5 EUR",
        "ends in `",
        "<!channel> hi",
        "a < b",
        "a & b",
        "*Bold*and more",
        "_open italic",
      })
  void slackRejectsWhatItCannotRender(String mrkdwn) {
    assertThat(MarkupRules.slack(mrkdwn)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*Your request:* No, that is all",
        "Did we fix it? *Yes, fixed*",
        "*<https://help.example/1|INC-1 · VPN>*\nHi Dana!",
        "snake_case and a*b and 2 * 3",
        "Q&amp;A &lt;b&gt;",
        "<@U0LEAD> took it",
        "great∗ ∼5 EUR ˋcodeˋ",
        "`code * with _ markers`",
        "",
      })
  void slackAcceptsWhatItRenders(String mrkdwn) {
    assertThat(MarkupRules.slack(mrkdwn)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "**Request: **No, that is all",
        "“still broken”**",
        "** Request:**",
        "*great *",
        "`code",
        "||spoiler",
        "~~strike",
        "****",
      })
  void discordRejectsWhatItCannotRender(String markdown) {
    assertThat(MarkupRules.discord(markdown)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "**Request:** No, that is all",
        "great\\* \\*urgent \\_x\\_ \\~\\~y\\~\\~",
        "-# small print",
        "[INC-1](https://help.example/1) snake_case",
        "**Score 2/5 · Not fixed**\nRequester: Dana",
        "`a * b`",
        "",
      })
  void discordAcceptsWhatItRenders(String markdown) {
    assertThat(MarkupRules.discord(markdown)).isEmpty();
  }
}
