package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * Help whose text wraps only at spaces. picocli breaks a long token after a dot, which split
 * {@code --target.app-id} into {@code --target.} and {@code app-id} on two lines: a flag an
 * operator cannot copy. Here a token that does not fit moves to the next line whole.
 */
final class SpaceWrappedHelp extends Help {
  /** Command names longer than this stand on their own line, as picocli lays them out. */
  private static final int NAME_WIDTH = 30;

  private final HelpSections sections;

  private SpaceWrappedHelp(CommandSpec spec, ColorScheme colorScheme, HelpSections sections) {
    super(spec, colorScheme);
    this.sections = sections;
  }

  /** Help for each command, its flags under the headings {@code sections} gives them. */
  static CommandLine.IHelpFactory factory(HelpSections sections) {
    return (spec, colorScheme) -> new SpaceWrappedHelp(spec, colorScheme, sections);
  }

  /**
   * The flags under their headings, each heading's flags in alphabetical order. A command with
   * subcommands lists only its help flags: the run's flags are each subcommand's to list.
   */
  @Override
  public String optionList() {
    StringBuilder list = new StringBuilder();
    boolean group = !commandSpec().subcommands().isEmpty();
    sections.of(commandSpec()).forEach((heading, options) -> {
      if (!group || heading.equals(HelpSections.HELP)) {
        list.append(System.lineSeparator()).append(heading).append(":")
            .append(System.lineSeparator()).append(optionListExcludingGroups(options));
      }
    });
    return list.toString();
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options,
      List<PositionalParamSpec> positionals, ColorScheme colorScheme) {
    Layout layout = super.createDefaultLayout(options, positionals, colorScheme);
    IOptionRenderer renderer = layout.optionRenderer();
    return new Layout(colorScheme, new Table(colorScheme, layout.textTable().columns()),
        (option, labels, scheme) -> renderer.render(sections.shown(option), labels, scheme),
        layout.parameterRenderer());
  }

  @Override
  public TextTable createTextTable(Map<?, ?> map) {
    TextTable table = super.createTextTable(map);
    return new Table(colorScheme(), table.columns());
  }

  /** The subcommands, each with the first line of its description, wrapped at spaces. */
  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    subcommands.values().stream().distinct().forEach(help -> {
      CommandSpec sub = help.commandSpec();
      List<String> names = new ArrayList<>(List.of(sub.name()));
      names.addAll(List.of(sub.aliases()));
      String[] description = sub.usageMessage().description();
      rows.put(String.join(", ", names), description.length == 0 ? ""
          : firstSentence(description[0]));
    });
    int nameWidth = rows.keySet().stream().mapToInt(String::length)
        .filter(length -> length <= NAME_WIDTH).max().orElse(NAME_WIDTH);
    int width = commandSpec().usageMessage().width() - nameWidth - 4;
    StringBuilder list = new StringBuilder();
    rows.forEach((names, description) -> {
      List<String> lines = Table.wrap(description, width, 2);
      list.append("  ").append(names);
      if (names.length() > nameWidth) {
        list.append(System.lineSeparator()).append(" ".repeat(nameWidth + 4));
      } else {
        list.append(" ".repeat(nameWidth - names.length() + 2));
      }
      list.append(lines.get(0)).append(System.lineSeparator());
      for (String line : lines.subList(1, lines.size())) {
        list.append(" ".repeat(nameWidth + 4)).append(line).append(System.lineSeparator());
      }
    });
    return list.toString();
  }

  /** Up to the first full stop that ends a sentence, for the list of commands. */
  private static String firstSentence(String paragraph) {
    int end = paragraph.indexOf(". ");
    return end < 0 ? paragraph : paragraph.substring(0, end + 1);
  }

  /** A table that pre-wraps each value at spaces, so picocli never has to break a word. */
  private static final class Table extends TextTable {
    private final ColorScheme colorScheme;

    Table(ColorScheme colorScheme, Column[] columns) {
      super(colorScheme, columns);
      this.colorScheme = colorScheme;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      int width = column.width - column.indent;
      String plain = value.plainString();
      if (plain.length() <= width || column.overflow != Column.Overflow.WRAP
          || plain.contains("\n") || hasStyles(value)) {
        return super.putValue(row, col, value);
      }
      List<String> lines = wrap(plain, width, indentWrappedLines);
      Cell cell = super.putValue(row, col, colorScheme.text(lines.get(0)));
      for (int i = 1; i < lines.size(); i++) {
        addEmptyRow();
        cell = super.putValue(rowCount() - 1, col, colorScheme.text(lines.get(i)));
      }
      return cell;
    }

    /** Text with ANSI styles is left to picocli, which keeps them across lines. */
    private static boolean hasStyles(Text value) {
      return !value.toString().equals(value.plainString());
    }

    /** Lines of at most {@code width}, broken at spaces; later lines indented. */
    static List<String> wrap(String text, int width, int indent) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" +")) {
        int limit = lines.isEmpty() ? width : width - indent;
        if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
          lines.add((lines.isEmpty() ? "" : " ".repeat(indent)) + line);
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add((lines.isEmpty() ? "" : " ".repeat(indent)) + line);
      return lines;
    }
  }
}
