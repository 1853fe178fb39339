package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFileTest {

  @Test
  void wordEntriesAreSeparatedByCommasOverAnyNumberOfLines() throws IOException {
    RuleFile file =
        parse(
            "[persistent]\n"
                + "immer noch, nach wie\n"
                + "vor, schon wieder # a comment\n"
                + "[negative]\n"
                + "geht * nicht\n");

    assertThat(file.section("persistent"))
        .containsExactly("immer noch", "nach wie vor", "schon wieder");
    assertThat(file.section("negative")).containsExactly("geht * nicht");
    assertThat(file.section("fillers")).isEmpty();
    assertThat(file.hasWordSections()).isTrue();
  }

  @Test
  void anUnknownSectionOrAnEntryBeforeAnySectionIsRejectedWithItsLine() {
    assertThatThrownBy(() -> parse("[negative]\nx\n[negativ]\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("[negativ]");
    assertThatThrownBy(() -> parse("still\n")).hasMessageContaining("line 1");
  }

  @Test
  void everyBundledLanguageHasARuleFile() {
    for (String language : CommentLanguage.LANGUAGES) {
      RuleFile file = RuleFile.load(language);
      assertThat(file.section("negative")).as(language).isNotEmpty();
      assertThat(file.hasWordSections()).as(language).isEqualTo(!language.equals("ja"));
    }
  }

  @Test
  void unspacedPhrasesMatchInsideTheTextWithinOneClause() {
    PhraseMatcher matcher = PhraseMatcher.ofUnspaced(List.of("直っ*ない"));

    assertThat(matcher.foundIn("まだ直っていないです")).isTrue();
    assertThat(matcher.foundIn("直ってない")).isTrue();
    assertThat(matcher.foundIn("直った。問題ない")).isFalse();
  }

  @Test
  void plainFormKeepsJapaneseVoicingMarksAndSpellsEszettAsDoubleS() {
    assertThat(CommentText.plain("ログインできない")).isEqualTo("ログインできない");
    assertThat(CommentText.plain("Laptop wird heiß, zurückgerufen"))
        .isEqualTo("Laptop wird heiss, zuruckgerufen");
  }

  private static RuleFile parse(String text) throws IOException {
    return RuleFile.parse("xx", new BufferedReader(new StringReader(text)));
  }
}
