package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Only the commands a command line walks into are built. */
class LazyCommandsTest {
  @Command(name = "root")
  static final class Group {
    @Option(names = "--level")
    int level;
  }

  @Command(name = "leaf", aliases = "lf", description = "A leaf.")
  static final class Leaf {
    @Parameters
    List<String> ids;
  }

  private final List<String> built = new ArrayList<>();

  private CommandLine tree() {
    CommandLine root = new CommandLine(new Group());
    for (String name : List.of("one", "two", "three")) {
      LazyCommands.add(root, name, List.of(), new String[] {"The " + name + "."}, () -> {
        built.add(name);
        CommandLine group = new CommandLine(new Group());
        group.getCommandSpec().name(name);
        LazyCommands.add(group, Leaf.class, () -> {
          built.add(name + " leaf");
          return new CommandLine(new Leaf());
        });
        return group;
      });
    }
    return root;
  }

  @Test
  void buildsOnlyTheCommandsOnThePathKeepingTheOrder() {
    CommandLine root = tree();
    assertEquals(Optional.empty(), LazyCommands.expandAlong(root,
        new String[] {"--level", "two", "two", "lf", "one"}));
    assertEquals(List.of("two", "two leaf"), built);
    assertEquals(List.of("one", "two", "three"), List.copyOf(root.getSubcommands().keySet()));
    assertTrue(root.getSubcommands().get("two").getCommand() instanceof Group);
    assertEquals("The one.", root.getSubcommands().get("one").getCommandSpec().usageMessage()
        .description()[0]);
  }

  @Test
  void anUnknownCommandIsReportedWhereACommandWasExpected() {
    CommandLine root = tree();
    Optional<LazyCommands.Unknown> unknown = LazyCommands.expandAlong(root,
        new String[] {"one", "leef", "x"});
    assertEquals("leef", unknown.orElseThrow().typed());
    assertEquals("one", unknown.orElseThrow().parent().getCommandName());
  }

  @Test
  void buildsEverythingForTheDocs() {
    CommandLine root = tree();
    LazyCommands.expandAll(root);
    assertEquals(List.of("one", "one leaf", "two", "two leaf", "three", "three leaf"), built);
  }
}
