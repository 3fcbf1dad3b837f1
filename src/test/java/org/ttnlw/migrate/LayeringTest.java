package org.ttnlw.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of src/main/java in layers, bottom first (docs/architecture.md): a package uses
 * its own classes and those of lower layers only, never a package of its own layer or above, so
 * the packages cannot form a cycle either. Read from the import lines and fully qualified names.
 */
class LayeringTest {
  private static final String BASE = "org.ttnlw.migrate";
  private static final List<List<String>> LAYERS = List.of(
      List.of("core"),
      List.of("json"),
      List.of("calls"),
      List.of("tts"),
      List.of("source"),
      List.of("source.lorawan"),
      List.of("source.tts", "source.json", "source.chirpstack", "source.firefly",
          "source.wanesy", "source.awsiot", "source.csv"),
      List.of("pipeline"),
      List.of("target"),
      List.of("devices", "gateways", "settings", "undo"),
      List.of("cli"));
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  /** A name of this project's: its package, then the class (the first capitalised part). */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)+)\\.[A-Z]");

  @Test
  void everyPackageHasALayer() {
    Set<String> placed = new HashSet<>();
    LAYERS.forEach(placed::addAll);
    Set<String> unplaced = new TreeSet<>(uses().keySet());
    unplaced.removeAll(placed);
    assertEquals(Set.of(), unplaced, "packages missing from LayeringTest.LAYERS and"
        + " docs/architecture.md");
  }

  @Test
  void noPackageUsesOneOfItsLayerOrAbove() {
    assertEquals(List.of(), upward(uses()));
  }

  @Test
  void packagesFormNoCycle() {
    assertEquals(List.of(), cycles(uses()));
  }

  @Test
  void findsAnUpwardUseAndACycle() {
    Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
    uses.put("core", Map.of("pipeline", Set.of("core/Futures.java")));
    uses.put("pipeline", Map.of("core", Set.of("pipeline/RunJournal.java")));
    uses.put("devices", Map.of("gateways", Set.of("devices/DeviceJob.java")));
    uses.put("gateways", Map.of());

    assertEquals(List.of("core/Futures.java: core uses pipeline, which is not below it",
        "devices/DeviceJob.java: devices uses gateways, which is not below it"), upward(uses));
    assertEquals(List.of("core -> pipeline -> core"), cycles(uses));
  }

  /** Package -> the packages it uses -> the files that use them, for every main package. */
  private static Map<String, Map<String, Set<String>>> uses() {
    Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher declared = PACKAGE.matcher(text);
        assertTrue(declared.find(), file + " has no package line");
        String from = relative(declared.group(1));
        Map<String, Set<String>> used = uses.computeIfAbsent(from, p -> new TreeMap<>());
        Matcher reference = REFERENCE.matcher(withoutComments(text));
        while (reference.find()) {
          String to = reference.group(1).substring(1);
          used.computeIfAbsent(to, p -> new TreeSet<>()).add(MAIN.relativize(file).toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // generated code (the protos) is not in src/main/java and not layered
    uses.values().forEach(used -> used.keySet().retainAll(uses.keySet()));
    return uses;
  }

  private static String relative(String pkg) {
    return pkg.equals(BASE) ? "" : pkg.substring(BASE.length() + 1);
  }

  private static String withoutComments(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
  }

  private static List<String> upward(Map<String, Map<String, Set<String>>> uses) {
    Map<String, Integer> layerOf = new HashMap<>();
    for (int layer = 0; layer < LAYERS.size(); layer++) {
      for (String pkg : LAYERS.get(layer)) {
        layerOf.put(pkg, layer);
      }
    }
    List<String> wrong = new ArrayList<>();
    uses.forEach((from, used) -> used.forEach((to, files) -> {
      if (!to.equals(from) && layerOf.containsKey(from) && layerOf.containsKey(to)
          && layerOf.get(to) >= layerOf.get(from)) {
        files.forEach(file -> wrong.add(file + ": " + from + " uses " + to
            + ", which is not below it"));
      }
    }));
    return wrong;
  }

  /** Each cycle once, as found by a depth-first walk from the packages in name order. */
  private static List<String> cycles(Map<String, Map<String, Set<String>>> uses) {
    List<String> found = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String start : uses.keySet()) {
      walk(start, new ArrayList<>(), uses, done, found);
    }
    return found;
  }

  private static void walk(String pkg, List<String> path,
      Map<String, Map<String, Set<String>>> uses, Set<String> done, List<String> found) {
    int at = path.indexOf(pkg);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(pkg);
      found.add(String.join(" -> ", cycle));
      return;
    }
    if (!done.add(pkg)) {
      return;
    }
    path.add(pkg);
    for (String next : uses.getOrDefault(pkg, Map.of()).keySet()) {
      if (!next.equals(pkg)) {
        walk(next, path, uses, done, found);
      }
    }
    path.remove(path.size() - 1);
  }
}
