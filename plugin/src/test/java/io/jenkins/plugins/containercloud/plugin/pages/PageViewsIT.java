package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.containercloud.ui.UiBundle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Renders the Container Cloud pages' Jelly from the packaged {@code container-cloud.hpi} (every
 * expression replaced by what Jenkins would put there; an expression this test does not know fails
 * it) and holds the result to the .hpi's own contents: the app's mount element and its data
 * attributes, every script and stylesheet they load, every side-panel link, and no inline script or
 * event handler in any view. Runs after {@code package} (an {@code *IT}).
 */
class PageViewsIT {

  static final Path HPI = Path.of("target", "container-cloud.hpi");
  private static final String VIEWS =
      "io/jenkins/plugins/containercloud/plugin/pages/ContainerCloudRootAction/";
  private static final String SHELL = "lib/containercloud/page.jelly";
  private static final String JELLY_CORE = "jelly:core";
  static final String RES_URL = "/jenkins/static/0123abcd";
  private static final String PLUGIN_FILES = RES_URL + "/plugin/container-cloud/";

  /** What Jenkins puts in for the expressions the views use (a viewer who may view and deploy). */
  static final Map<String, Object> JENKINS =
      Map.of(
          "rootURL", "/jenkins",
          "resURL", RES_URL,
          "it.urlName", ContainerCloudRootAction.URL_NAME,
          "it.viewPermission", "Container Cloud/View",
          "it.clusterRoute", "clusters/staging",
          "it.viewer",
              new PageViewer(
                  "alice",
                  EnumSet.of(DashboardPermission.VIEW, DashboardPermission.DEPLOY),
                  List.of()),
          "h.getCrumbRequestField()", "Jenkins-Crumb",
          "h.getCrumb(request2)", "crumb-1234");

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

  private static final Map<String, byte[]> jar = new TreeMap<>();
  private static final Set<String> webapp = new TreeSet<>();

  @BeforeAll
  static void open() throws IOException {
    if (!jar.isEmpty()) {
      return;
    }
    assertThat(HPI).as("run mvn package first").exists();
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      for (JarEntry entry : hpi.stream().toList()) {
        if (!entry.getName().startsWith("WEB-INF/") && !entry.getName().startsWith("META-INF/")) {
          webapp.add(entry.getName());
        }
      }
      try (JarInputStream inner =
          new JarInputStream(hpi.getInputStream(hpi.getEntry("WEB-INF/lib/container-cloud.jar")))) {
        for (JarEntry e = inner.getNextJarEntry(); e != null; e = inner.getNextJarEntry()) {
          jar.put(e.getName(), inner.readAllBytes());
        }
      }
    }
  }

  @Test
  void everyPage_mountsTheAppFromThePluginsOwnFiles_withItsDataAttributes() throws Exception {
    Map<String, String> routes =
        Map.of(
            "index", "",
            "cluster", "clusters/staging",
            "rollouts", "rollouts",
            "history", "history",
            "scaling", "scaling",
            "webhooks", "webhooks");
    List<String> views =
        jar.keySet().stream()
            .filter(e -> e.startsWith(VIEWS) && e.endsWith(".jelly"))
            .map(e -> e.substring(VIEWS.length(), e.length() - ".jelly".length()))
            .toList();
    assertThat(views).containsExactlyInAnyOrderElementsOf(routes.keySet());

    for (String view : views) {
      Element page = only(parse(VIEWS + view + ".jelly"), "/lib/containercloud", "page");
      Map<String, Object> scope = new HashMap<>(JENKINS);
      scope.put("attrs.title", evaluate(page.getAttribute("title"), scope));
      scope.put("attrs.page", evaluate(page.getAttribute("page"), scope));
      Rendered shell = render(parse(SHELL), scope);

      Map<String, String> mount = shell.mount();
      assertThat(mount.keySet())
          .as(view + ": the mount's attributes")
          .containsExactlyInAnyOrderElementsOf(expectedDataAttributes());
      assertThat(mount)
          .as(view)
          .containsEntry("data-page", routes.get(view))
          .containsEntry("data-api-base", "/jenkins/container-cloud/api/v1")
          .containsEntry("data-csrf-header", "Jenkins-Crumb")
          .containsEntry("data-csrf-token", "crumb-1234")
          .containsEntry("data-user", "alice")
          .containsEntry("data-roles", "viewer,deployer")
          .containsEntry("data-permissions", "view,deploy")
          .containsEntry("data-features", "")
          .containsEntry("data-live", "poll")
          .containsEntry("data-chrome", "embedded");
      assertThat(shell.layoutPermission()).isEqualTo("Container Cloud/View");
      assertThat(shell.resources())
          .as(view + ": the app's script and stylesheet, from the plugin's files")
          .containsExactlyInAnyOrder(PLUGIN_FILES + "ui/app.js", PLUGIN_FILES + "ui/app.css");
      for (String href : shell.taskLinks()) {
        String target = href.substring("/jenkins/container-cloud/".length());
        assertThat(jar)
            .as(view + ": side-panel link " + href)
            .containsKey(VIEWS + (target.isEmpty() ? "index" : target) + ".jelly");
      }
    }
  }

  @Test
  void everyResourceAPageLoads_isInTheHpi_withWhatItImportsInTurn() throws Exception {
    Rendered shell = render(parse(SHELL), withPage(JENKINS));
    Set<String> files = new TreeSet<>();
    for (String url : shell.resources()) {
      assertThat(url).startsWith(PLUGIN_FILES);
      files.add(url.substring(PLUGIN_FILES.length()));
    }
    Rendered summary =
        render(
            parse(
                "io/jenkins/plugins/containercloud/plugin/action/ContainerCloudAction/summary.jelly"),
            withPage(JENKINS));
    summary.resources().forEach(url -> files.add(url.substring(PLUGIN_FILES.length())));
    assertThat(files).contains("ui/app.js", "ui/app.css", "css/container-cloud.css");

    Set<String> reached = new TreeSet<>();
    List<String> queue = new ArrayList<>(files);
    while (!queue.isEmpty()) {
      String file = queue.remove(0);
      assertThat(webapp).as("referenced, so it must be in the .hpi's webapp").contains(file);
      if (reached.add(file)) {
        queue.addAll(referencedBy(file));
      }
    }
  }

  @Test
  void noView_hasAnInlineScript_anEventHandler_orAJavascriptUrl() throws Exception {
    List<String> views =
        jar.keySet().stream().filter(e -> e.endsWith(".jelly") || e.endsWith(".html")).toList();
    assertThat(views).hasSizeGreaterThan(50);
    for (String view : views) {
      Document document = parse(view);
      for (Element e : elements(document.getDocumentElement())) {
        if (e.getLocalName().equals("script") && e.getNamespaceURI() == null) {
          assertThat(e.hasAttribute("src") || "application/json".equals(e.getAttribute("type")))
              .as(view + ": <script> without src")
              .isTrue();
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Attr a = (Attr) attributes.item(i);
          assertThat(a.getName().toLowerCase(java.util.Locale.ROOT))
              .as(view + ": event handler attribute")
              .doesNotMatch("on[a-z]+");
          assertThat(a.getValue().trim().toLowerCase(java.util.Locale.ROOT))
              .as(view + ": " + a.getName())
              .doesNotStartWith("javascript:");
        }
      }
    }
  }

  /**
   * The mount element's data attributes of {@code view} (e.g. {@code rollouts}) as Jenkins renders
   * them for {@code jenkins}'s values, and the page's title.
   */
  static Map<String, String> mount(String view, Map<String, Object> jenkins) throws Exception {
    open();
    Element page = only(parse(VIEWS + view + ".jelly"), "/lib/containercloud", "page");
    Map<String, Object> scope = new HashMap<>(jenkins);
    scope.put("attrs.title", evaluate(page.getAttribute("title"), scope));
    scope.put("attrs.page", evaluate(page.getAttribute("page"), scope));
    Map<String, String> mount = new LinkedHashMap<>(render(parse(SHELL), scope).mount());
    mount.put("title", String.valueOf(scope.get("attrs.title")));
    return mount;
  }

  /** A file of the .hpi's webapp, or null. */
  static byte[] webappFile(String name) throws IOException {
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      JarEntry entry = hpi.getJarEntry(name);
      return entry == null || name.startsWith("WEB-INF/")
          ? null
          : hpi.getInputStream(entry).readAllBytes();
    }
  }

  /** The data attributes of the ui's own page (index.html), and those only Jenkins' pages set. */
  private static Set<String> expectedDataAttributes() throws IOException {
    String index;
    try (InputStream in =
        UiBundle.class
            .getClassLoader()
            .getResourceAsStream(UiBundle.RESOURCE_PATH + "index.html")) {
      assertThat(in).as("the ui bundle's index.html").isNotNull();
      index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> names =
        new TreeSet<>(List.of("data-page", "data-live", "data-chrome", "data-permissions"));
    Matcher m = Pattern.compile("(data-[a-z-]+)=\"\\{\\{").matcher(index);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).contains("data-api-base", "data-csrf-header", "data-csrf-token");
    return names;
  }

  /**
   * Files of the webapp that {@code file} loads: a module's relative imports, a stylesheet's urls.
   */
  private static List<String> referencedBy(String file) throws IOException {
    String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
    String text;
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      text =
          new String(hpi.getInputStream(hpi.getEntry(file)).readAllBytes(), StandardCharsets.UTF_8);
    }
    Pattern reference =
        file.endsWith(".js")
            ? Pattern.compile("(?:import|from)\\s*\\(?\\s*[\"']\\./([^\"']+)[\"']")
            : Pattern.compile("url\\(\\s*[\"']?(?!data:)([^\"')]+)[\"']?\\s*\\)");
    List<String> found = new ArrayList<>();
    Matcher m = reference.matcher(text);
    while (m.find()) {
      found.add(Path.of(folder + m.group(1)).normalize().toString());
    }
    return found;
  }

  private static Map<String, Object> withPage(Map<String, Object> jenkins) {
    Map<String, Object> scope = new HashMap<>(jenkins);
    scope.put("attrs.title", "Overview");
    scope.put("attrs.page", "");
    return scope;
  }

  /** What a rendered view holds that this test checks. */
  private record Rendered(
      Map<String, String> mount,
      List<String> resources,
      List<String> taskLinks,
      String layoutPermission) {}

  private static Rendered render(Document document, Map<String, Object> scope) {
    Map<String, String> mount = new LinkedHashMap<>();
    List<String> resources = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    String permission = null;
    for (Element e : elements(document.getDocumentElement())) {
      String ns = e.getNamespaceURI();
      String name = e.getLocalName();
      if (JELLY_CORE.equals(ns) && name.equals("set")) {
        scope.put(e.getAttribute("var"), evaluateObject(e.getAttribute("value"), scope));
      } else if ("/lib/layout".equals(ns) && name.equals("task")) {
        tasks.add(evaluate(e.getAttribute("href"), scope));
      } else if ("/lib/layout".equals(ns) && name.equals("layout")) {
        permission = evaluate(e.getAttribute("permission"), scope);
      } else if (ns == null && name.equals("script")) {
        resources.add(evaluate(e.getAttribute("src"), scope));
      } else if (ns == null && name.equals("link") && "stylesheet".equals(e.getAttribute("rel"))) {
        resources.add(evaluate(e.getAttribute("href"), scope));
      } else if (ns == null && "container-cloud-app".equals(e.getAttribute("id"))) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Attr a = (Attr) attributes.item(i);
          if (a.getName().startsWith("data-")) {
            mount.put(a.getName(), evaluate(a.getValue(), scope));
          }
        }
      }
    }
    return new Rendered(mount, resources, tasks, permission);
  }

  private static String evaluate(String text, Map<String, Object> scope) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value(m.group(1), scope))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value for {@code j:set}: the object itself when the text is one expression. */
  private static Object evaluateObject(String text, Map<String, Object> scope) {
    Matcher m = EXPRESSION.matcher(text);
    return m.matches() ? value(m.group(1), scope) : evaluate(text, scope);
  }

  private static Object value(String expression, Map<String, Object> scope) {
    if (expression.startsWith("%")) {
      return expression.substring(1);
    }
    if (scope.containsKey(expression)) {
      return scope.get(expression);
    }
    int dot = expression.lastIndexOf('.');
    if (dot > 0 && scope.get(expression.substring(0, dot)) instanceof PageViewer viewer) {
      String property = expression.substring(dot + 1);
      try {
        Method getter =
            PageViewer.class.getMethod(
                "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        return getter.invoke(viewer);
      } catch (ReflectiveOperationException e) {
        return fail("the views use ${" + expression + "}, which PageViewer does not have");
      }
    }
    return fail("a view uses ${" + expression + "}, which this test does not know");
  }

  private static Element only(Document document, String namespace, String name) {
    List<Element> found =
        elements(document.getDocumentElement()).stream()
            .filter(e -> namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName()))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<Element> elements(Element root) {
    List<Element> all = new ArrayList<>();
    all.add(root);
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        all.addAll(elements(child));
      }
    }
    return all;
  }

  private static Document parse(String entry) throws Exception {
    byte[] bytes = jar.get(entry);
    assertThat(bytes).as(entry + " in the inner jar").isNotNull();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes), entry);
  }
}
