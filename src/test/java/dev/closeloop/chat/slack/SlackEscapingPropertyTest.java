package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.fuzz.Hostile;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever a user types, Slack never sees a mention, a link or a broken entity from it. */
class SlackEscapingPropertyTest {
  @Property
  void escapedTextHasNoAngleBracketsAndOnlyWholeEntities(@ForAll("text") String raw) {
    assertInert(SlackText.escape(raw));
  }

  @Property
  void fittedTextStaysInertAndWithinTheLimit(
      @ForAll("text") String raw, @ForAll @IntRange(min = 2, max = 300) int limit) {
    String fitted = SlackText.escapeAndFit(raw, limit);
    assertThat(fitted.length()).isLessThanOrEqualTo(limit);
    assertInert(fitted);
  }

  static void assertInert(String s) {
    assertThat(s).doesNotContain("<").doesNotContain(">");
    for (int i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
      String rest = s.substring(i);
      assertThat(rest.startsWith("&amp;") || rest.startsWith("&lt;") || rest.startsWith("&gt;"))
          .as("entity at %d in %s", i, s)
          .isTrue();
    }
  }

  @Provide
  Arbitrary<String> text() {
    return Hostile.text();
  }
}
