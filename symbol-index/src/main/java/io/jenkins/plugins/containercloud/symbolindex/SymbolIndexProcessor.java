package io.jenkins.plugins.containercloud.symbolindex;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Writes annotation-indexer's indexes, {@code META-INF/services/annotations/ANNOTATION}: for {@code
 * org.jenkinsci.Symbol} ({@value #INDEX}) and for {@code hudson.init.Initializer} and {@code
 * Terminator}, the binary name of every class that is annotated or declares an annotated member,
 * one per line. Jenkins reads them (through annotation-indexer's {@code Index.list}) to resolve the
 * symbols of Pipeline steps and configuration-as-code, and to run initializers and terminators.
 *
 * <p>Jenkins' own annotation-indexer does this job, but it is published only in the Jenkins
 * repository; this processor writes the same files in the same format.
 */
@SupportedAnnotationTypes({
  SymbolIndexProcessor.SYMBOL,
  SymbolIndexProcessor.INITIALIZER,
  SymbolIndexProcessor.TERMINATOR
})
public final class SymbolIndexProcessor extends AbstractProcessor {

  static final String SYMBOL = "org.jenkinsci.Symbol";
  static final String INITIALIZER = "hudson.init.Initializer";
  static final String TERMINATOR = "hudson.init.Terminator";
  static final String INDEX = index(SYMBOL);

  private final Map<String, Set<String>> classes = new TreeMap<>();

  /** The index file of {@code annotation}. */
  static String index(String annotation) {
    return "META-INF/services/annotations/" + annotation;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      Set<String> names =
          classes.computeIfAbsent(
              annotation.getQualifiedName().toString(), a -> new TreeSet<String>());
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        TypeElement type = enclosingType(element);
        if (type != null) {
          names.add(processingEnv.getElementUtils().getBinaryName(type).toString());
        }
      }
    }
    if (round.processingOver()) {
      classes.forEach(
          (annotation, names) -> {
            if (!names.isEmpty()) {
              write(index(annotation), names);
            }
          });
    }
    // Other processors (sezpoz's among them) may want to see the annotation as well.
    return false;
  }

  /** The class itself, or the class declaring an annotated method or field. */
  private static TypeElement enclosingType(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type) {
        return type;
      }
    }
    return null;
  }

  private void write(String index, Set<String> names) {
    try {
      FileObject file =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", index);
      try (Writer out =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String name : names) {
          out.write(name);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "cannot write " + index + ": " + e.getMessage());
    }
  }
}
