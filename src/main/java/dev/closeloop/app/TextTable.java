package dev.closeloop.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for people at a terminal: a header row, columns padded to their widest cell,
 * numbers right-aligned, long cells cut with "…". Cells are made safe to print: line breaks, tabs
 * and control characters (terminal escape sequences in a user's comment) and direction overrides
 * become spaces. Used by every CLI verb that lists things ({@code stats}, {@code incidents}, {@code
 * outbox list}, …).
 */
public final class TextTable {
  private static final int MAX_CELL = 60;
  private static final String GAP = "  ";

  private final String[] headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  private TextTable(String... headers) {
    this.headers = headers.clone();
    this.right = new boolean[headers.length];
  }

  public static TextTable of(String... headers) {
    return new TextTable(headers);
  }

  /** Right-aligns these columns (0-based): counts, ids, percentages. */
  public TextTable alignRight(int... columns) {
    for (int c : columns) {
      right[c] = true;
    }
    return this;
  }

  /** Adds a row; {@code null} shows as "-". */
  public TextTable row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException(
          "expected " + headers.length + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(TextTable::cell).toArray(String[]::new));
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, one line per row, each ending in a newline. */
  public String render() {
    int[] width = new int[headers.length];
    for (int c = 0; c < headers.length; c++) {
      width[c] = length(headers[c]);
      for (String[] row : rows) {
        width[c] = Math.max(width[c], length(row[c]));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, width);
    for (String[] row : rows) {
      line(out, row, width);
    }
    return out.toString();
  }

  private void line(StringBuilder out, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(width[c] - length(cells[c]));
      if (c > 0) {
        l.append(GAP);
      }
      l.append(right[c] ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }

  static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    StringBuilder safe = new StringBuilder();
    String s = value.toString();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      safe.appendCodePoint(
          Character.isISOControl(cp) || dev.closeloop.language.Texts.isBidiControl(cp) ? ' ' : cp);
      i += Character.charCount(cp);
    }
    String text = safe.toString().strip().replaceAll(" {2,}", " ");
    if (length(text) > MAX_CELL) {
      int end = text.offsetByCodePoints(0, MAX_CELL - 1);
      text = text.substring(0, end).stripTrailing() + "…";
    }
    return text;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
