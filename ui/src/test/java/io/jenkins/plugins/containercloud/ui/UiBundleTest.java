package io.jenkins.plugins.containercloud.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests for {@link UiBundle}: the built bundle is on the classpath under its fixed path and keeps
 * to Jenkins' Content-Security-Policy (no inline script, no inline handlers, no eval, nothing from
 * another origin).
 */
class UiBundleTest {

  private static final List<String> FILES =
      List.of("index.html", "login.html", "app.js", "app.css", "login.js");

  /** XML namespace names in Preact's DOM code: identifiers, never fetched. */
  private static final Set<String> NAMESPACES =
      Set.of(
          "http://www.w3.org/2000/svg",
          "http://www.w3.org/1999/xhtml",
          "http://www.w3.org/1998/Math/MathML");

  private static String read(String file) throws IOException {
    try (InputStream in =
        UiBundle.class.getClassLoader().getResourceAsStream(UiBundle.RESOURCE_PATH + file)) {
      assertThat(in).as("%s%s on the classpath", UiBundle.RESOURCE_PATH, file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bundle_isOnTheClasspathUnderTheFixedPath() throws IOException {
    for (String file : FILES) {
      assertThat(read(file)).as(file).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "login.html"})
  void pages_haveNoInlineScriptNorInlineHandlers(String page) throws IOException {
    String html = read(page);
    Matcher script =
        Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
    while (script.find()) {
      assertThat(script.group(1)).as("a script of %s", page).contains("src=");
      assertThat(script.group(2)).as("the body of a script of %s", page).isBlank();
    }
    assertThat(html).as(page).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    assertThat(html).as(page).doesNotContainIgnoringCase("javascript:");
  }

  @Test
  void index_loadsTheBundleByRelativeUrlsAndHasTheMountPlaceholders() throws IOException {
    String html = read("index.html");
    assertThat(html)
        .contains("<script type=\"module\" src=\"app.js\"></script>")
        .contains("href=\"app.css\"")
        .contains(
            "<div id=\"container-cloud-app\" data-api-base=\"{{apiBase}}\""
                + " data-csrf-header=\"{{csrfHeader}}\" data-csrf-token=\"{{csrfToken}}\""
                + " data-user=\"{{user}}\" data-roles=\"{{roles}}\""
                + " data-permissions=\"{{permissions}}\" data-features=\"{{features}}\""
                + " data-notice=\"{{notice}}\" data-logout-url=\"{{logoutUrl}}\"></div>");
  }

  @Test
  void login_postsToARelativeUrl() throws IOException {
    assertThat(read("login.html"))
        .contains("method=\"post\" action=\"login\"")
        .contains("name=\"username\"")
        .contains("name=\"password\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.js", "login.js"})
  void scripts_neverEvaluateStrings(String script) throws IOException {
    String js = read(script);
    assertThat(js).as(script).doesNotContainPattern("\\beval\\s*\\(");
    assertThat(js).as(script).doesNotContainPattern("new\\s+Function\\s*\\(");
  }

  @Test
  void bundle_refersToNoOtherOrigin() throws IOException {
    Pattern url = Pattern.compile("(?i)(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s\"'`)]*");
    for (String file : FILES) {
      Matcher m = url.matcher(read(file));
      while (m.find()) {
        assertThat(m.group()).as("a URL in %s", file).isIn(NAMESPACES);
      }
    }
  }
}
