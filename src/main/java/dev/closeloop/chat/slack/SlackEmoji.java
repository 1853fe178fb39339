package dev.closeloop.chat.slack;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack sends the emoji a person types as shortcodes (⭐⭐⭐⭐ arrives as {@code
 * :star::star::star::star:}, 👍🏽 as {@code :+1::skin-tone-4:}). The ones that answer a survey or
 * say thanks or anger are turned back into the emoji typed, so that they are read as typed and
 * quoted as typed on any platform; skin tones are dropped; other shortcodes are left as they came.
 */
final class SlackEmoji {
  private static final Pattern SHORTCODE =
      Pattern.compile(":([a-z0-9_+\\-]+):(?::skin-tone-[2-6]:)?");

  private static final Map<String, String> EMOJI =
      Map.ofEntries(
          Map.entry("+1", "👍"),
          Map.entry("thumbsup", "👍"),
          Map.entry("-1", "👎"),
          Map.entry("thumbsdown", "👎"),
          Map.entry("star", "⭐"),
          Map.entry("star2", "🌟"),
          Map.entry("one", "1️⃣"),
          Map.entry("two", "2️⃣"),
          Map.entry("three", "3️⃣"),
          Map.entry("four", "4️⃣"),
          Map.entry("five", "5️⃣"),
          Map.entry("pray", "🙏"),
          Map.entry("slightly_smiling_face", "🙂"),
          Map.entry("smile", "😄"),
          Map.entry("smiley", "😃"),
          Map.entry("grinning", "😀"),
          Map.entry("grin", "😁"),
          Map.entry("blush", "😊"),
          Map.entry("wink", "😉"),
          Map.entry("heart_eyes", "😍"),
          Map.entry("smiling_face_with_3_hearts", "🥰"),
          Map.entry("hugging_face", "🤗"),
          Map.entry("ok_hand", "👌"),
          Map.entry("white_check_mark", "✅"),
          Map.entry("heavy_check_mark", "✔️"),
          Map.entry("heart", "❤️"),
          Map.entry("tada", "🎉"),
          Map.entry("100", "💯"),
          Map.entry("clap", "👏"),
          Map.entry("muscle", "💪"),
          Map.entry("sparkles", "✨"),
          Map.entry("raised_hands", "🙌"),
          Map.entry("rage", "😡"),
          Map.entry("angry", "😠"),
          Map.entry("disappointed", "😞"),
          Map.entry("slightly_frowning_face", "🙁"),
          Map.entry("white_frowning_face", "☹️"),
          Map.entry("confused", "😕"),
          Map.entry("neutral_face", "😐"),
          Map.entry("cry", "😢"),
          Map.entry("sob", "😭"),
          Map.entry("x", "❌"));

  private SlackEmoji() {}

  /** {@code text} with the known shortcodes as emoji (skin tones dropped), the rest unchanged. */
  static String toUnicode(String text) {
    if (text.indexOf(':') < 0) {
      return text;
    }
    Matcher m = SHORTCODE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String emoji = EMOJI.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(emoji != null ? emoji : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
