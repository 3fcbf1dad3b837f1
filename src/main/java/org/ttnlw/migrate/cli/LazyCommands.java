package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Subcommands that are built only when the command line walks into them. A placeholder holds a
 * command's name, aliases and description (what its parent's help lists) and how to build it;
 * {@link #expandAlong} builds the commands the arguments name, one level after the other, so a
 * run builds the flags of its own command only and loads no other command's classes.
 */
final class LazyCommands {
  private LazyCommands() {}

  /** The placeholder's picocli user object: how to build the real command. */
  private record Deferred(Supplier<CommandLine> build) {}

  /** Adds a placeholder for an annotated command class, named and described by its annotation. */
  static void add(CommandLine parent, Class<?> commandClass, Supplier<CommandLine> build) {
    Command annotation = commandClass.getAnnotation(Command.class);
    add(parent, annotation.name(), List.of(annotation.aliases()), annotation.description(),
        build);
  }

  static void add(CommandLine parent, String name, List<String> aliases, String[] description,
      Supplier<CommandLine> build) {
    CommandSpec placeholder = CommandSpec.wrapWithoutInspection(new Deferred(build));
    placeholder.name(name).aliases(aliases.toArray(String[]::new));
    placeholder.usageMessage().description(description);
    parent.addSubcommand(new CommandLine(placeholder));
  }

  /**
   * Builds the commands that {@code args} walk into, from the root down.
   *
   * @return the first argument where a command was expected and none has that name: a typed
   *     command that does not exist (a command with positional parameters takes it as one)
   */
  static Optional<Unknown> expandAlong(CommandLine root, String[] args) {
    CommandLine current = root;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return Optional.empty();
      }
      if (arg.startsWith("-")) {
        OptionSpec option = current.getCommandSpec().findOption(arg);
        if (!arg.contains("=") && option != null && option.arity().max() > 0) {
          i++;
        }
        continue;
      }
      if (!current.getSubcommands().containsKey(arg)) {
        boolean takesArguments = !current.getCommandSpec().positionalParameters().isEmpty();
        return takesArguments || current.getSubcommands().isEmpty()
            ? Optional.empty() : Optional.of(new Unknown(current, arg));
      }
      current = expand(current, arg);
    }
    return Optional.empty();
  }

  /** A name typed where {@code parent} expects one of its subcommands. */
  record Unknown(CommandLine parent, String typed) {}

  /** Builds every command, for the man pages and the completion script. */
  static void expandAll(CommandLine line) {
    for (String name : new ArrayList<>(names(line))) {
      expandAll(expand(line, name));
    }
  }

  /** The subcommand {@code typed} names, built in its placeholder's place if it was one. */
  private static CommandLine expand(CommandLine parent, String typed) {
    CommandLine sub = parent.getSubcommands().get(typed);
    if (!(sub.getCommand() instanceof Deferred deferred)) {
      return sub;
    }
    CommandLine built = deferred.build().get();
    // picocli appends a new subcommand: the later ones are added again, keeping the help's order
    List<String> names = names(parent);
    List<CommandLine> later = new ArrayList<>();
    for (String name : names.subList(names.indexOf(sub.getCommandName()) + 1, names.size())) {
      later.add(parent.getCommandSpec().removeSubcommand(name));
    }
    parent.getCommandSpec().removeSubcommand(sub.getCommandName());
    parent.addSubcommand(built);
    later.forEach(parent::addSubcommand);
    return built;
  }

  private static List<String> names(CommandLine line) {
    return line.getSubcommands().values().stream().distinct()
        .map(CommandLine::getCommandName).toList();
  }
}
