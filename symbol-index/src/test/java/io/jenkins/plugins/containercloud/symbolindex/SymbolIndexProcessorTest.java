package io.jenkins.plugins.containercloud.symbolindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link SymbolIndexProcessor}. */
class SymbolIndexProcessorTest {

  @TempDir Path dir;

  @Test
  void listsEveryAnnotatedClass_byBinaryName_oncePerLine() throws IOException {
    Path out =
        compile(
            Map.of(
                "a/Top.java",
                """
                package a;
                @org.jenkinsci.Symbol("top")
                public class Top {
                  @org.jenkinsci.Symbol({"nested", "alias"})
                  public static class DescriptorImpl {}
                  public static class NotAnnotated {}
                }
                """,
                "b/Other.java",
                """
                package b;
                @org.jenkinsci.Symbol("other")
                public class Other {}
                """,
                "c/Plain.java",
                """
                package c;
                public class Plain {}
                """));

    assertThat(Files.readAllLines(out.resolve(SymbolIndexProcessor.INDEX), StandardCharsets.UTF_8))
        .containsExactly("a.Top", "a.Top$DescriptorImpl", "b.Other");
  }

  @Test
  void listsTheClassesDeclaringInitializersAndTerminators() throws IOException {
    Path out =
        compile(
            Map.of(
                "a/Start.java",
                """
                package a;
                public class Start {
                  @hudson.init.Initializer(after = hudson.init.InitMilestone.PLUGINS_STARTED)
                  public static void init() {}
                  @hudson.init.Terminator
                  public static void stop() {}
                }
                """));

    assertThat(
            Files.readAllLines(
                out.resolve(SymbolIndexProcessor.index(SymbolIndexProcessor.INITIALIZER))))
        .containsExactly("a.Start");
    assertThat(
            Files.readAllLines(
                out.resolve(SymbolIndexProcessor.index(SymbolIndexProcessor.TERMINATOR))))
        .containsExactly("a.Start");
    assertThat(out.resolve(SymbolIndexProcessor.INDEX)).doesNotExist();
  }

  @Test
  void writesNoIndex_whenNothingIsAnnotated() throws IOException {
    Path out = compile(Map.of("c/Plain.java", "package c; public class Plain {}"));

    assertThat(out.resolve("c/Plain.class")).exists();
    assertThat(out.resolve(SymbolIndexProcessor.INDEX)).doesNotExist();
  }

  private Path compile(Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fileManager,
              diagnostics,
              List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path")),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new SymbolIndexProcessor()));
      assertThat(task.call()).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
    return out;
  }
}
