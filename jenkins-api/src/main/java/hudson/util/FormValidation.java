package hudson.util;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.kohsuke.stapler.HttpResponse;

/**
 * Compile-only declaration of Jenkins' {@code FormValidation}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: results are plain data, as in Jenkins: {@code getMessage()} is the
 * HTML-escaped message (null for {@link #ok()}), and {@code toString()} is {@code "KIND: message"},
 * e.g. {@code "ERROR: Image is required"}.
 */
public abstract class FormValidation extends IOException implements HttpResponse {

  private static final FormValidation OK = new Result(Kind.OK, null, "<div/>");

  private FormValidation(String message) {
    super(message);
  }

  public static FormValidation ok() {
    return OK;
  }

  public static FormValidation ok(String message) {
    return withMarkup(Kind.OK, escape(message));
  }

  public static FormValidation error(String message) {
    return withMarkup(Kind.ERROR, escape(message));
  }

  public static FormValidation warning(String message) {
    return withMarkup(Kind.WARNING, escape(message));
  }

  /** An error whose markup carries the stack trace of {@code e} behind a "show details" link. */
  public static FormValidation error(Throwable e, String message) {
    if (e == null) {
      return withMarkup(Kind.ERROR, escape(message));
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return withMarkup(
        Kind.ERROR,
        escape(message)
            + " </div><div><a href='#' class='showDetails'>(show details)</a>"
            + "<pre style='display:none'>"
            + escape(trace.toString())
            + "</pre>");
  }

  private static FormValidation withMarkup(Kind kind, String markup) {
    return markup == null ? ok() : new Result(kind, markup, markup);
  }

  // Jenkins' Util.escape.
  private static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\n' -> out.append("<br>");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#039;");
        case ' ' -> {
          boolean moreSpaces = i + 1 < text.length() && text.charAt(i + 1) == ' ';
          out.append(moreSpaces ? "&nbsp;" : " ");
        }
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private enum Kind {
    OK,
    WARNING,
    ERROR
  }

  /** One result; Jenkins' are anonymous subclasses, which declare toString as this one does. */
  private static final class Result extends FormValidation {

    private final Kind kind;
    private final String html;

    Result(Kind kind, String message, String html) {
      super(message);
      this.kind = kind;
      this.html = html;
    }

    @Override
    public String toString() {
      return kind + ": " + html;
    }
  }
}
