package dev.closeloop.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommentLanguageTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The printer on the second floor is printing again, thanks for the help | en",
        "Der Drucker im zweiten Stock druckt wieder, vielen Dank für die Hilfe | de",
        "L'imprimante du deuxième étage imprime de nouveau, merci pour l'aide | fr",
        "La impresora del segundo piso vuelve a imprimir, gracias por la ayuda | es",
        "A impressora do segundo andar voltou a imprimir, obrigado pela ajuda | pt",
        "二階のプリンターがまた印刷できるようになりました。ありがとうございます | ja",
        "ログインできない | ja",
        "*Still* not working after the update <@U024BE7LH>, and <https://example.com/kb> did not help | en",
      })
  void namesTheLanguageOfAClearSentence(String comment, String language) {
    assertThat(CommentLanguage.detect(comment)).contains(language);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "   ", "5", "4/5", "👍", "👎👎", "<@U024BE7LH>", "https://x.example/a"})
  void textWithoutLettersHasNoLanguage(String comment) {
    assertThat(CommentLanguage.detect(comment)).isEmpty();
    assertThat(CommentLanguage.candidates(comment, 0.5)).isEmpty();
  }

  @Test
  void tooShortToTellHasNoLanguage() {
    assertThat(CommentLanguage.detect("ok")).isEmpty();
  }

  @Test
  void candidatesAreRankedAndIncludeTheDetectedLanguage() {
    String comment = "Die Tastatur geht immer noch nicht";

    List<String> close = CommentLanguage.candidates(comment, 0.95);
    List<String> all = CommentLanguage.candidates(comment, 0.0);

    assertThat(close).first().isEqualTo("de");
    assertThat(all).startsWith(close.toArray(String[]::new)).hasSizeGreaterThan(close.size());
    assertThat(CommentLanguage.LANGUAGES).containsAll(all);
  }

  @Test
  void givesTheSameAnswersFromManyThreads() {
    List<String> comments =
        List.of("still broken", "immer noch kaputt", "toujours en panne", "sigue roto", "まだ壊れてる");
    List<Optional<String>> expected = comments.stream().map(CommentLanguage::detect).toList();

    List<List<Optional<String>>> answers =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> comments.stream().map(CommentLanguage::detect).toList())
            .toList();

    assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(expected));
  }
}
