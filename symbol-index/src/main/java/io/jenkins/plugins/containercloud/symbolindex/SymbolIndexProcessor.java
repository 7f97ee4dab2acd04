package io.jenkins.plugins.containercloud.symbolindex;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@value #INDEX}: the binary name of every class annotated with {@code
 * org.jenkinsci.Symbol}, one per line, which Jenkins reads (through annotation-indexer's {@code
 * Index.list}) to resolve the symbols of Pipeline steps and configuration-as-code.
 *
 * <p>Jenkins' own annotation-indexer does this job, but it is published only in the Jenkins
 * repository; this processor writes the same file in the same format.
 */
@SupportedAnnotationTypes(SymbolIndexProcessor.SYMBOL)
public final class SymbolIndexProcessor extends AbstractProcessor {

  static final String SYMBOL = "org.jenkinsci.Symbol";
  static final String INDEX = "META-INF/services/annotations/" + SYMBOL;

  private final Set<String> classes = new TreeSet<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement type) {
          classes.add(processingEnv.getElementUtils().getBinaryName(type).toString());
        }
      }
    }
    if (round.processingOver() && !classes.isEmpty()) {
      write();
    }
    // Other processors (sezpoz's among them) may want to see the annotation as well.
    return false;
  }

  private void write() {
    try {
      FileObject file =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      try (Writer out =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String name : classes) {
          out.write(name);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e.getMessage());
    }
  }
}
