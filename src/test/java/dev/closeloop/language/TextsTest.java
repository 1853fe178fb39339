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
}
