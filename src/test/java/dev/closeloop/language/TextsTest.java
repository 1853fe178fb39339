package dev.closeloop.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void textThatFitsIsKeptAsItIs() {
    assertThat(Texts.cut("Dana", 4)).isEqualTo("Dana");
    assertThat(Texts.head("Dana", 4)).isEqualTo("Dana");
    assertThat(Texts.cut(null, 4)).isNull();
  }

  @Test
  void aCutEndsWithAnEllipsisWithinTheLength() {
    assertThat(Texts.cut("Dana Scully", 5)).isEqualTo("Dana…").hasSize(5);
    assertThat(Texts.head("Dana Scully", 5)).isEqualTo("Dana ");
  }

  @Test
  void neitherKeepsHalfAnEmoji() {
    String text = "abc\uD83D\uDE00def"; // the emoji is chars 3-4
    assertThat(Texts.cut(text, 5)).isEqualTo("abc…");
    assertThat(Texts.cut(text, 6)).isEqualTo("abc\uD83D\uDE00…");
    assertThat(Texts.head(text, 4)).isEqualTo("abc");
    assertThat(Texts.head(text, 5)).isEqualTo("abc\uD83D\uDE00");
  }

  @Test
  void halfASurrogatePairIsRefusedAndCleanedLikeAControlCharacterAndAWholePairIsNot() {
    String emoji = "Dana \uD83D\uDE00";
    assertThat(Texts.hasControl(emoji)).isFalse();
    assertThat(Texts.withoutControls(emoji)).isEqualTo(emoji);
    for (String half : new String[] {"\uD800", "\uDC00", "\uDE00\uD83D"}) {
      String text = "Da" + half + "na";
      assertThat(Texts.hasControl(text)).as(half).isTrue();
      assertThat(Texts.whyRefused(text)).isEqualTo(Texts.HALF_PAIR);
      assertThat(Texts.withoutControls(text)).isEqualTo("Dana");
      assertThat(Texts.quoted(text, 40)).startsWith("Da?");
    }
    assertThat(Texts.whyRefused("a\u0085\uD800")).isEqualTo("contains control characters");
    assertThat(Texts.whyRefused(emoji)).isNull();
  }
}
