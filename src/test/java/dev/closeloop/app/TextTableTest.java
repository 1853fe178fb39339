package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void columnsArePaddedToTheWidestCellAndNumbersAlignRight() {
    String out =
        TextTable.of("ID", "NAME", "COUNT")
            .alignRight(0, 2)
            .row(7, "network", 12)
            .row(1234, "desk", 3)
            .render();
    assertThat(out)
        .isEqualTo(
            """
              ID  NAME     COUNT
               7  network     12
            1234  desk         3
            """);
  }

  @Test
  void cellsCannotBreakTheLineOrDriveTheTerminal() {
    String out =
        TextTable.of("COMMENT", "X")
            .row("bad\u001b[2J\u001b]0;owned\u0007 line\nbreak\u202Eevil", null)
            .render();
    assertThat(out.lines()).hasSize(2);
    assertThat(out).doesNotContain("\u001b", "\u0007", "\u202E");
    assertThat(out.lines().toList().get(1))
        .startsWith("bad [2J ]0;owned line break evil")
        .endsWith("-");
  }

  @Test
  void longCellsAreCut() {
    String out = TextTable.of("T").row("x".repeat(100)).render();
    assertThat(out.lines().toList().get(1)).hasSize(60).endsWith("…");
  }
}
