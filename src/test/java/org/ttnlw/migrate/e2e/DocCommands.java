package org.ttnlw.migrate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The {@code ttn-lw-migrate} commands that README.md and docs/ show, in code blocks and inline. */
final class DocCommands {
  private static final Pattern INLINE = Pattern.compile("`(ttn-lw-migrate [^`]+)`");

  private DocCommands() {}

  /** A command and where it is shown. */
  record DocCommand(Path file, int line, String command) {
    @Override
    public String toString() {
      return PackagedTool.PROJECT.relativize(file) + ":" + line + ": " + command;
    }
  }

  /** Each documented command once, where it is first shown. */
  static List<DocCommand> all() throws IOException {
    List<Path> files = new ArrayList<>(List.of(PackagedTool.PROJECT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(PackagedTool.PROJECT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    Map<String, DocCommand> commands = new LinkedHashMap<>();
    for (Path file : files) {
      for (DocCommand command : in(file, Files.readAllLines(file))) {
        commands.putIfAbsent(command.command(), command);
      }
    }
    return List.copyOf(commands.values());
  }

  static List<DocCommand> in(Path file, List<String> lines) {
    List<DocCommand> commands = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        Matcher inline = INLINE.matcher(line);
        while (inline.find()) {
          commands.add(new DocCommand(file, i + 1, inline.group(1)));
        }
        continue;
      }
      if (line.startsWith("$ ")) {
        line = line.substring(2);
      }
      if (!line.startsWith("ttn-lw-migrate ")) {
        continue;
      }
      int first = i;
      StringBuilder command = new StringBuilder();
      while (line.endsWith("\\") && i + 1 < lines.size()) {
        command.append(line, 0, line.length() - 1).append(' ');
        line = lines.get(++i).strip();
      }
      command.append(line);
      commands.add(new DocCommand(file, first + 1, withoutComment(command.toString())));
    }
    return commands;
  }

  private static String withoutComment(String command) {
    int hash = command.indexOf(" #");
    return hash < 0 ? command : command.substring(0, hash).strip();
  }
}
