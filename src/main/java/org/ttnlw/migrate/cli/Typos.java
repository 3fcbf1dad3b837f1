package org.ttnlw.migrate.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.core.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** "Did you mean": the one command, flag or source closest to what was typed. */
final class Typos {
  private Typos() {}

  /**
   * The candidate nearest to {@code typed}, when it is near enough to be what was meant: at
   * most a quarter of its letters (and at least one) inserted, left out, changed or swapped.
   */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    int allowed = Math.max(1, typed.length() / 4);
    return candidates.stream()
        .filter(candidate -> distance(typed, candidate) <= allowed)
        .min(Comparator.comparingInt((String candidate) -> distance(typed, candidate))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** " (did you mean X?)" for the closest of {@code candidates}, or nothing. */
  static String didYouMean(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(name -> " (did you mean " + name + "?)").orElse("");
  }

  /**
   * For a command line picocli could not match: the flag or command nearest the first
   * argument it could not place, as "did you mean ...?", or nothing.
   */
  static Optional<String> suggestion(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandLine line = e.getCommandLine();
    if (typed.startsWith("-")) {
      List<String> flags = line.getCommandSpec().options().stream()
          .filter(option -> !option.hidden())
          .flatMap(option -> List.of(option.names()).stream())
          .toList();
      return closest(typed.split("=", 2)[0], flags).map(flag -> "did you mean " + flag + "?");
    }
    return closest(typed, line.getSubcommands().keySet()).map(name -> "did you mean " + name
        + "?");
  }

  /** The usage error for a command that does not exist, with the nearest one; exit code 2. */
  static int unknownCommand(LazyCommands.Unknown unknown) {
    CommandLine parent = unknown.parent();
    PrintWriter err = parent.getErr();
    err.println("ttn-lw-migrate: unknown command \"" + TerminalText.line(unknown.typed()) + "\""
        + closest(unknown.typed(), parent.getSubcommands().keySet())
            .map(name -> "; did you mean " + name + "?").orElse(""));
    err.println("Run `" + parent.getCommandSpec().qualifiedName() + " --help` for the commands.");
    return ExitCodes.USAGE;
  }

  /**
   * Optimal string alignment distance: insertions, deletions, changes and swaps of two
   * neighbouring letters, each counting one.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
