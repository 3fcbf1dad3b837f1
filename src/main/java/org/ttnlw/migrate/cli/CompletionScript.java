package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash (and zsh, through bashcompinit) completion script: commands, the values of {@code
 * --source}, and each command's own flags. A command that takes {@code --source} completes the
 * flags of the source already given ({@code device --source ttnv3 --ttnv3.<TAB>}), not every
 * source's.
 */
final class CompletionScript {
  private final Map<String, String> commands = new LinkedHashMap<>();
  private final Map<String, List<String>> subcommands = new LinkedHashMap<>();
  private final Map<String, Set<String>> flags = new LinkedHashMap<>();
  private final Map<String, Map<String, Set<String>>> sourceFlags = new LinkedHashMap<>();
  private final Map<String, List<String>> sources = new LinkedHashMap<>();

  private CompletionScript() {}

  /** The script for {@code tool}, the whole command tree ({@link Cli#whole}). */
  static String bash(CommandLine tool) {
    CompletionScript script = new CompletionScript();
    script.walk(tool, "");
    return script.text();
  }

  private void walk(CommandLine line, String path) {
    List<String> names = new ArrayList<>();
    for (CommandLine sub : line.getSubcommands().values().stream().distinct().toList()) {
      String subPath = (path + " " + sub.getCommandName()).strip();
      names.add(sub.getCommandName());
      commands.put(path + "|" + sub.getCommandName(), subPath);
      for (String alias : sub.getCommandSpec().aliases()) {
        commands.put(path + "|" + alias, subPath);
      }
      walk(sub, subPath);
    }
    subcommands.put(path, names);
    Optional<OptionSpec> source = Optional.ofNullable(line.getCommandSpec().findOption("--source"));
    List<String> sourceNames = new ArrayList<>();
    source.map(OptionSpec::completionCandidates).ifPresent(values -> values.forEach(
        sourceNames::add));
    if (!sourceNames.isEmpty()) {
      sources.put(path, sourceNames);
    }
    Set<String> own = new TreeSet<>();
    Map<String, Set<String>> bySource = new LinkedHashMap<>();
    for (OptionSpec option : line.getCommandSpec().options()) {
      if (option.hidden()) {
        continue;
      }
      for (String name : option.names()) {
        if (aliases().keySet().stream().anyMatch(alias -> name.startsWith("--" + alias + "."))) {
          continue; // the Go tool's spelling of a flag completed under its source's name
        }
        Optional<String> owner = sourceNames.stream()
            .filter(sourceName -> name.startsWith("--" + sourceName + ".")).findFirst();
        if (owner.isPresent()) {
          bySource.computeIfAbsent(owner.get(), key -> new TreeSet<>()).add(name);
        } else {
          own.add(name);
        }
      }
    }
    flags.put(path, own);
    if (!bySource.isEmpty()) {
      sourceFlags.put(path, bySource);
    }
  }

  private String text() {
    StringBuilder script = new StringBuilder();
    script.append("""
        # bash completion for ttn-lw-migrate, written from its command tree at build time.
        # bash: source this file; zsh: autoload -U +X bashcompinit && bashcompinit, then source it.

        _ttn_lw_migrate_command() {
          case "$1|$2" in
        """);
    commands.forEach((typed, path) -> script.append("    ").append(quote(typed))
        .append(") echo ").append(quote(path)).append(" ;;\n"));
    script.append("  esac\n}\n\n_ttn_lw_migrate_subcommands() {\n  case \"$1\" in\n");
    subcommands.forEach((path, names) -> {
      if (!names.isEmpty()) {
        script.append("    ").append(quote(path)).append(") echo ")
            .append(quote(String.join(" ", names))).append(" ;;\n");
      }
    });
    script.append("  esac\n}\n\n_ttn_lw_migrate_sources() {\n  case \"$1\" in\n");
    sources.forEach((path, names) -> script.append("    ").append(quote(path)).append(") echo ")
        .append(quote(String.join(" ", names))).append(" ;;\n"));
    script.append("  esac\n}\n\n# the flags of command $1, with those of source $2 where it takes"
        + " --source\n_ttn_lw_migrate_flags() {\n  case \"$1\" in\n");
    flags.forEach((path, own) -> {
      script.append("    ").append(quote(path)).append(")\n      echo ")
          .append(quote(String.join(" ", own))).append('\n');
      Map<String, Set<String>> bySource = sourceFlags.getOrDefault(path, Map.of());
      if (!bySource.isEmpty()) {
        script.append("      case \"$2\" in\n");
        bySource.forEach((source, names) -> script.append("        ")
            .append(quote(source)).append(") echo ").append(quote(String.join(" ", names)))
            .append(" ;;\n"));
        script.append("      esac\n");
      }
      script.append("      ;;\n");
    });
    script.append("""
          esac
        }

        _ttn_lw_migrate() {
          local cur="${COMP_WORDS[COMP_CWORD]}" prev="" path="" source="" next i
          if [ "$COMP_CWORD" -gt 0 ]; then prev="${COMP_WORDS[COMP_CWORD-1]}"; fi
          for ((i = 1; i < COMP_CWORD; i++)); do
            case "${COMP_WORDS[i]}" in
              --source=*) source="${COMP_WORDS[i]#--source=}" ;;
              --source) source="${COMP_WORDS[i+1]}" ;;
              -*) ;;
              *)
                next=$(_ttn_lw_migrate_command "$path" "${COMP_WORDS[i]}")
                if [ -n "$next" ]; then path="$next"; fi
                ;;
            esac
          done
          source=$(_ttn_lw_migrate_source_name "$path" "$source")
          if [ "$prev" = "--source" ]; then
            COMPREPLY=($(compgen -W "$(_ttn_lw_migrate_sources "$path")" -- "$cur"))
          elif [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "$(_ttn_lw_migrate_flags "$path" "$source")" -- "$cur"))
          else
            COMPREPLY=($(compgen -W "$(_ttn_lw_migrate_subcommands "$path")" -- "$cur"))
          fi
        }

        # an alias given to --source (tts) completes the flags of the source it names (ttnv3)
        _ttn_lw_migrate_source_name() {
          case "$2" in
        """);
    aliases().forEach((alias, name) -> script.append("    ").append(quote(alias))
        .append(") echo ").append(quote(name)).append(" ;;\n"));
    script.append("""
            *) echo "$2" ;;
          esac
        }

        complete -o default -F _ttn_lw_migrate ttn-lw-migrate
        """);
    return script.toString();
  }

  /** Each source alias with its source's name. */
  private static Map<String, String> aliases() {
    Map<String, String> aliases = new LinkedHashMap<>();
    SourcePlugins.all().forEach(plugin -> plugin.aliases()
        .forEach(alias -> aliases.put(alias, plugin.name())));
    return aliases;
  }

  /** A word in single quotes for the shell; the names and flags hold no quote. */
  private static String quote(String word) {
    return "'" + word + "'";
  }
}
