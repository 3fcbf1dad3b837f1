package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code mvn verify} says only what matters: javac has nothing to warn about in the main sources,
 * shade finds no file in two jars that it would keep only one of (each licence and notice file is
 * kept whole), and what the tests print is in the report files rather than on the console.
 */
class BuildNoiseIT {
  private static final Path TARGET = PackagedTool.PROJECT.resolve("target");

  @TempDir
  Path classes;

  @Test
  void theMainSourcesCompileWithoutWarnings() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(PackagedTool.PROJECT.resolve("src/main/java"))) {
      sources = files.filter(file -> file.toString().endsWith(".java")).toList();
    }
    String classPath = TARGET.resolve("classes") + ":"
        + Files.readString(TARGET.resolve("test-classpath.txt")).strip();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null,
        StandardCharsets.UTF_8)) {
      boolean compiled = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-g",
          "-proc:none", "-encoding", "UTF-8", "-classpath", classPath, "-d", classes.toString()),
          null, files.getJavaFileObjectsFromPaths(sources)).call();
      assertTrue(compiled, diagnostics.getDiagnostics().toString());
    }
    List<String> warnings = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
        .toList();
    assertEquals(List.of(), warnings);
  }

  @Test
  void shadeOverlapsNothingItWouldDropAndKeepsEveryLicenceAndNotice() throws Exception {
    Shade shade = Shade.configuredIn(PackagedTool.PROJECT.resolve("pom.xml"));
    Map<String, List<Path>> owners = new TreeMap<>();
    List<Path> jars = Stream.of(Files.readString(TARGET.resolve("runtime-classpath.txt")).strip()
        .split(":")).map(Path::of).toList();
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        file.stream().filter(entry -> !entry.isDirectory() && shade.wouldWarnAbout(entry.getName()))
            .forEach(entry -> owners.computeIfAbsent(entry.getName(), name -> new ArrayList<>())
                .add(jar.getFileName()));
      }
    }
    owners.values().removeIf(inJars -> inJars.size() < 2);
    assertEquals(Map.of(), owners, "in two jars, shade keeps one and warns; append them");

    try (JarFile shaded = new JarFile(TARGET.resolve("ttn-lw-migrate.jar").toFile())) {
      for (Path jar : jars) {
        try (JarFile file = new JarFile(jar.toFile())) {
          for (JarEntry entry : Collections.list(file.entries())) {
            String name = entry.getName().toUpperCase(java.util.Locale.ROOT);
            if (entry.isDirectory() || !(name.contains("LICENSE") || name.contains("NOTICE"))) {
              continue;
            }
            JarEntry kept = shaded.getJarEntry(entry.getName());
            assertTrue(kept != null && text(shaded, kept).contains(text(file, entry)),
                entry.getName() + " of " + jar.getFileName() + " is in ttn-lw-migrate.jar");
          }
        }
      }
    }
  }

  @Test
  void whatTheTestsPrintIsInTheirReportFiles() throws Exception {
    Path reports = TARGET.resolve("surefire-reports");
    Path output = reports.resolve("org.ttnlw.migrate.devices.IdInputTest-output.txt");
    Path report = reports.resolve("TEST-org.ttnlw.migrate.devices.IdInputTest.xml");

    assertTrue(Files.exists(output), "the test's log lines are in " + output);
    assertTrue(Files.readString(output).contains("was given before; exporting it once"));
    assertTrue(Files.getLastModifiedTime(output).toMillis()
        >= Files.getLastModifiedTime(report).toMillis() - 600_000, "written by this build");
  }

  private static String text(JarFile jar, JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * What the pom tells shade: the files it leaves out, and those it appends (all others of a
   * name but the first are dropped, with a warning).
   */
  private record Shade(List<PathMatcher> excluded, List<String> appended) {
    static Shade configuredIn(Path pom) throws Exception {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(pom.toFile());
      Element shade = null;
      NodeList plugins = document.getElementsByTagName("plugin");
      for (int i = 0; i < plugins.getLength(); i++) {
        Element plugin = (Element) plugins.item(i);
        if (childText(plugin, "artifactId").equals("maven-shade-plugin")) {
          shade = plugin;
        }
      }
      List<PathMatcher> excluded = new ArrayList<>();
      NodeList excludes = shade.getElementsByTagName("exclude");
      for (int i = 0; i < excludes.getLength(); i++) {
        excluded.add(FileSystems.getDefault().getPathMatcher("glob:"
            + excludes.item(i).getTextContent().strip()));
      }
      List<String> appended = new ArrayList<>();
      NodeList transformers = shade.getElementsByTagName("transformer");
      for (int i = 0; i < transformers.getLength(); i++) {
        Element transformer = (Element) transformers.item(i);
        if (transformer.getAttribute("implementation").endsWith(".AppendingTransformer")) {
          appended.add(childText(transformer, "resource"));
        }
      }
      return new Shade(excluded, appended);
    }

    /** Shade merges services files and leaves out jar indexes, which would be wrong. */
    boolean wouldWarnAbout(String name) {
      return !name.startsWith("META-INF/services/") && !name.equals("META-INF/INDEX.LIST")
          && !appended.contains(name)
          && excluded.stream().noneMatch(glob -> glob.matches(Path.of(name)));
    }

    private static String childText(Element element, String tag) {
      NodeList children = element.getElementsByTagName(tag);
      return children.getLength() == 0 ? "" : children.item(0).getTextContent().strip();
    }
  }
}
