package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/install.md as a user follows it: each {@code bash} block (the {@code zsh} one where zsh
 * is installed, the man pages' where man is) runs as written on the tar.gz {@code mvn package}
 * built, in the folder the archive was downloaded to, with only PATH {@code /usr/bin:/bin} and a
 * JDK. So that it runs without root, {@code sudo} is left out, {@code /opt} and {@code /usr/local/bin} are folders
 * under a temporary root, {@code ~} is a temporary home, and {@code 0.1.0} is the version built.
 */
class InstallDocIT {
  private static final String VERSION = System.getProperty("project.version", "unknown");
  private static final String SYSTEM_PATH = "/usr/bin:/bin";
  private static final Set<PosixFilePermission> WRITE = Set.of(PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  @TempDir
  static Path root;
  private static List<Block> blocks;
  private static Path installed;
  private static PackagedTool.Result install;

  /** A fenced block of install.md, under its {@code ##} section. */
  record Block(String section, String language, String text) {}

  @BeforeAll
  static void install() throws Exception {
    blocks = blocks(Files.readAllLines(PackagedTool.PROJECT.resolve("docs/install.md")));
    Path downloads = Files.createDirectories(root.resolve("downloads"));
    String archive = "ttn-lw-migrate-" + VERSION + ".tar.gz";
    Files.copy(PackagedTool.PROJECT.resolve("target").resolve(archive), downloads.resolve(archive));
    Files.createDirectories(root.resolve("opt"));
    Files.createDirectories(root.resolve("usr/local/bin"));
    Files.createDirectories(root.resolve("home"));
    install = bash(block("Install from the archive", 0), SYSTEM_PATH);
    installed = root.resolve("opt/ttn-lw-migrate-" + VERSION);
  }

  @AfterAll
  static void makeRemovable() throws Exception {
    PackagedTool.run(List.of("chmod", "-R", "u+w", root.toString()), root, Map.of(), "");
  }

  @Test
  void everyShellBlockOfInstallMdIsRunHere() {
    assertEquals(List.of(
        "Install from the archive/bash", "Install from the archive/bash", "Shell completion/bash",
        "Shell completion/zsh", "Man pages/bash", "Man pages/bash"),
        blocks.stream().filter(b -> b.language().equals("bash") || b.language().equals("zsh"))
            .map(b -> b.section() + "/" + b.language()).toList(),
        "a block added to docs/install.md needs running in this test");
  }

  @Test
  void unpackedReadOnlyAndOnPathItPrintsItsVersion() throws Exception {
    assertVersion(install);
    try (Stream<Path> files = Files.walk(installed)) {
      List<Path> writable = files.filter(file -> !Collections.disjoint(
          permissions(file), WRITE)).toList();
      assertEquals(List.of(), writable, "the install is read-only");
    }
    PackagedTool.Result archived = PackagedTool.run(List.of("tar", "-tzf", "ttn-lw-migrate-"
        + VERSION + ".tar.gz"), root.resolve("downloads"), Map.of(), "");
    assertEquals(archived.stdout().lines().filter(entry -> !entry.endsWith("/")).sorted()
        .toList(), files(), "the tool wrote nothing into its install");
  }

  @Test
  void aLinkOnPathFindsTheInstall() throws Exception {
    PackagedTool.Result linked = bash(block("Install from the archive", 1),
        root.resolve("usr/local/bin") + ":" + SYSTEM_PATH);

    assertVersion(linked);
    assertTrue(Files.isSymbolicLink(root.resolve("usr/local/bin/ttn-lw-migrate")));
  }

  @Test
  void bashCompletionSourcesCleanlyAndCompletesCommandsAndFlags() throws Exception {
    Block sourcing = block("Shell completion", 0);
    PackagedTool.Result sourced = bash(sourcing, SYSTEM_PATH);
    assertEquals(0, sourced.exitCode(), sourced.toString());
    assertEquals("", sourced.stderr(), sourced.toString());

    // What Tab does: bash calls the registered function with the words typed so far.
    String tab = """
        set +e
        tab() {
          COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
          COMPREPLY=()
          function=$(complete -p ttn-lw-migrate | sed -E 's/.* -F ([^ ]+) .*/\\1/')
          "$function" ttn-lw-migrate "${COMP_WORDS[COMP_CWORD]}" 2>/dev/null
          echo "${COMPREPLY[*]}"
        }
        tab ttn-lw-migrate dev
        tab ttn-lw-migrate device --sou
        tab ttn-lw-migrate ttnv3 ''
        """;
    PackagedTool.Result completed = bash(new Block(sourcing.section(), "bash",
        sourcing.text() + tab), SYSTEM_PATH);

    List<String> offered = completed.stdout().lines().toList();
    assertEquals(3, offered.size(), completed.toString());
    assertTrue(List.of(offered.get(0).split(" ")).contains("device"), completed.toString());
    assertEquals("--source", offered.get(1), completed.toString());
    assertTrue(List.of(offered.get(2).split(" ")).containsAll(List.of("device", "application",
        "migrate")), completed.toString());
  }

  @Test
  void zshCompletionRegisters() throws Exception {
    Block block = block("Shell completion", 1);
    if (!onSystemPath("zsh")) {
      // Not skipped (a skip is a warning in the build): the script it sources is the one
      // bashCompletionSourcesCleanlyAndCompletesCommandsAndFlags runs.
      assertTrue(block.text().contains(block("Shell completion", 0).text()), block.text());
      return;
    }
    PackagedTool.Result result = PackagedTool.run(List.of("zsh", "-c",
        substituted(block.text()) + "\nprint -r -- ${_comps[ttn-lw-migrate]}"), root,
        environment(SYSTEM_PATH), "");

    assertEquals(0, result.exitCode(), result.toString());
    assertFalse(result.stdout().isBlank(), "a completion for ttn-lw-migrate: " + result);
  }

  @Test
  void manPagesRenderWithAndWithoutManpath() throws Exception {
    if (!onSystemPath("man")) {
      for (String page : List.of("ttn-lw-migrate.1", "ttn-lw-migrate-device.1")) {
        String roff = Files.readString(installed.resolve("man/man1").resolve(page));
        assertTrue(roff.startsWith("'\\\" t") || roff.contains("\n.TH "), page + ": " + roff);
      }
      return;
    }
    PackagedTool.Result device = bash(block("Man pages", 0), SYSTEM_PATH);
    assertEquals(0, device.exitCode(), device.toString());
    assertTrue(device.stdout().contains("ttn-lw-migrate-device - Export end devices by device ID"),
        device.toString());
    assertTrue(device.stdout().contains("--ttnv3.app-id"), device.toString());

    PackagedTool.Result tool = bash(block("Man pages", 1), SYSTEM_PATH);
    assertEquals(0, tool.exitCode(), tool.toString());
    assertTrue(tool.stdout().contains("SYNOPSIS") && tool.stdout().contains("ttn-lw-migrate"
        + " device"), tool.toString());
  }

  private static Set<PosixFilePermission> permissions(Path file) {
    try {
      return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the install, as tar lists them. */
  private static List<String> files() throws IOException {
    try (Stream<Path> files = Files.walk(installed)) {
      return files.filter(Files::isRegularFile)
          .map(file -> installed.getParent().relativize(file).toString()).sorted().toList();
    }
  }

  private static void assertVersion(PackagedTool.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().matches("ttn-lw-migrate " + VERSION.replace(".", "\\.")
        + " \\(commit ([0-9a-f]{12}|unknown), built [-0-9T:]+Z\\)\n"), result.toString());
  }

  /** The {@code index}-th block (from 0) of {@code section}. */
  private static Block block(String section, int index) {
    return blocks.stream().filter(b -> b.section().equals(section)).toList().get(index);
  }

  private static PackagedTool.Result bash(Block block, String path) throws Exception {
    return PackagedTool.run(List.of("bash", "-e", "-c", substituted(block.text())),
        root.resolve("downloads"), environment(path), "");
  }

  private static Map<String, String> environment(String path) {
    return Map.of("PATH", path, "HOME", root.resolve("home").toString());
  }

  /** The block as it runs without root, in the temporary root, on the version built. */
  private static String substituted(String text) {
    return text.replace("sudo ", "")
        .replace("ttn-lw-migrate-0.1.0", "ttn-lw-migrate-" + VERSION)
        .replace("/opt/", root + "/opt/").replace("/opt\n", root + "/opt\n")
        .replace("/usr/local/bin/", root + "/usr/local/bin/")
        .replace("~/", root + "/home/");
  }

  private static boolean onSystemPath(String program) {
    return Stream.of(SYSTEM_PATH.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir,
        program)));
  }

  static List<Block> blocks(List<String> lines) {
    List<Block> found = new ArrayList<>();
    String section = "";
    String language = null;
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (language == null && line.startsWith("## ")) {
        section = line.substring(3).strip();
      } else if (language == null && line.startsWith("```")) {
        language = line.substring(3).strip();
        text.setLength(0);
      } else if (language != null && line.startsWith("```")) {
        found.add(new Block(section, language, text.toString()));
        language = null;
      } else if (language != null) {
        text.append(line).append('\n');
      }
    }
    return found;
  }
}
