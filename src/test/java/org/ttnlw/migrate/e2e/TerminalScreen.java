package org.ttnlw.migrate.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * A terminal of a given width replaying what a program wrote to it (carriage return, line feed,
 * erase in line, cursor up; colours ignored; text past the last column wraps onto a new row),
 * with every row kept, scrolled off or not. It records what a watching operator would see go
 * wrong: a row changed after the cursor left it (a redraw that climbs back), and a line redrawn
 * in place that had wrapped, which leaves its first rows behind on every redraw.
 */
final class TerminalScreen {
  private final int width;
  private final List<StringBuilder> rows = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private int row;
  private int column;
  private int lowest;
  private int erases;
  private boolean wrapped;
  private boolean returned;

  private TerminalScreen(int width) {
    this.width = width;
    rows.add(new StringBuilder());
  }

  static TerminalScreen replay(String output, int width) {
    TerminalScreen screen = new TerminalScreen(width);
    screen.feed(output);
    return screen;
  }

  private void feed(String output) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (c == '\r') {
        column = 0;
        returned = true;
      } else if (c == '\n') {
        newRow();
        wrapped = false;
      } else if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
        int end = i + 2;
        while (end < output.length() && !Character.isLetter(output.charAt(end))) {
          end++;
        }
        control(output.substring(i + 2, end), output.charAt(end));
        i = end;
      } else if (c >= ' ') {
        put(c);
      } else {
        violations.add("row " + row + ": control character " + (int) c);
      }
    }
  }

  private void control(String parameters, char command) {
    int count = parameters.isEmpty() ? 1 : Integer.parseInt(parameters.split(";")[0]);
    switch (command) {
      case 'K' -> {
        changing();
        erases++;
        StringBuilder current = rows.get(row);
        current.setLength(Math.min(current.length(), column));
      }
      case 'A' -> row = Math.max(0, row - count);
      case 'm' -> { }
      default -> violations.add("row " + row + ": unexpected control ESC[" + parameters
          + command);
    }
  }

  private void newRow() {
    row++;
    column = 0;
    while (rows.size() <= row) {
      rows.add(new StringBuilder());
    }
    lowest = Math.max(lowest, row);
  }

  private void put(char c) {
    changing();
    if (column >= width) {
      newRow();
      wrapped = true;
    }
    StringBuilder current = rows.get(row);
    while (current.length() < column) {
      current.append(' ');
    }
    if (column < current.length()) {
      current.setCharAt(column, c);
    } else {
      current.append(c);
    }
    column++;
  }

  /** Before a row is written to or erased. */
  private void changing() {
    if (wrapped && returned) {
      violations.add("row " + row + ": a line wider than " + width + " columns is redrawn in"
          + " place, leaving its start on the row above: " + rows.get(row - 1));
    }
    returned = false;
    if (row < lowest) {
      violations.add("row " + row + " changed after the cursor left it: " + rows.get(row));
    }
  }

  /** What went wrong, one line each; empty when the display behaved. */
  List<String> violations() {
    return violations.size() > 10 ? violations.subList(0, 10) : violations;
  }

  /** Every row, top to bottom, as the screen (and its scrollback) finally shows it. */
  List<String> rows() {
    List<String> text = rows.stream().map(StringBuilder::toString).toList();
    int last = text.size();
    while (last > 0 && text.get(last - 1).isEmpty()) {
      last--;
    }
    return text.subList(0, last);
  }

  /** How often a row was erased: each redraw of the live line erases it once. */
  int erases() {
    return erases;
  }
}
