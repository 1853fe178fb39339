package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.fuzz.Hostile;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever a user types, Discord never renders a ping or a mention from it. */
class DiscordEscapingPropertyTest {
  @Property
  void escapedTextHasNoLiveMention(@ForAll("text") String raw) {
    assertInert(DiscordText.escape(raw));
  }

  @Property
  void truncatedTextStaysInert(
      @ForAll("text") String raw, @ForAll @IntRange(min = 2, max = 300) int max) {
    String cut = DiscordText.truncate(DiscordText.escape(raw), max);
    assertThat(cut.length()).isLessThanOrEqualTo(max);
    assertInert(cut);
    if (cut.endsWith("…") && cut.length() < DiscordText.escape(raw).length()) {
      assertThat(escaped(cut, cut.length() - 1))
          .as("escape eaten by the ellipsis: %s", cut)
          .isFalse();
    }
  }

  static void assertInert(String s) {
    assertThat(s).doesNotContain("@everyone").doesNotContain("@here");
    for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
      assertThat(escaped(s, i)).as("unescaped < at %d in %s", i, s).isTrue();
    }
  }

  /** True when the character at {@code i} follows an odd run of backslashes. */
  private static boolean escaped(String s, int i) {
    int n = 0;
    while (i - 1 - n >= 0 && s.charAt(i - 1 - n) == '\\') {
      n++;
    }
    return n % 2 == 1;
  }

  @Provide
  Arbitrary<String> text() {
    return Hostile.text();
  }
}
