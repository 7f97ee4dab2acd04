package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import jenkins.model.GlobalConfiguration;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens the packaged {@code container-cloud.hpi} and checks it as Jenkins will read it: the
 * manifest, the inner jar, the bundled jars, the extension and symbol indexes, and the views and
 * help of every form. Runs after {@code package} (an {@code *IT}).
 */
class HpiPackageIT {

  private static final Path HPI = Path.of("target", "container-cloud.hpi");
  private static final String INNER_JAR = "WEB-INF/lib/container-cloud.jar";
  private static final String PACKAGE = "io/jenkins/plugins/containercloud/plugin/";
  private static final String PAGES = "io.jenkins.plugins.containercloud.plugin.pages.";
  private static final String POOLS = "io.jenkins.plugins.containercloud.plugin.pools.";
  private static final String WEBHOOKS = "io.jenkins.plugins.containercloud.plugin.webhooks.";

  /** The plugin versions of the shared Jenkins API reference (its README's tables). */
  private static final Map<String, String> DEPENDENCIES =
      Map.of(
          "workflow-step-api", "710.v3e456cc85233",
          "credentials", "1502.v5c95e620ddfe",
          "plain-credentials", "199.v9f8e1f741799",
          "kubernetes-client-api", "7.3.1-256.v788a_0b_787114",
          "docker-java-api", "3.7.1-136.v5d70f77a_c3d6",
          "jackson2-api", "2.22.0-439.vb_b_43658d6176");

  /** What neither Jenkins core nor those plugins provide; docs/architecture.md says why. */
  private static final List<String> BUNDLED =
      List.of(
          "container-cloud-core-",
          "jib-core-",
          "jib-build-plan-",
          "google-http-client-",
          "google-http-client-apache-v2-",
          "google-http-client-gson-",
          "google-auth-library-credentials-",
          "google-auth-library-oauth2-http-",
          "gson-",
          "httpclient-4.",
          "httpcore-4.",
          "opencensus-api-",
          "opencensus-contrib-http-util-",
          "grpc-context-",
          "flyway-core-",
          "flyway-database-postgresql-",
          "flyway-database-cockroachdb-",
          "commons-text-",
          "h2-",
          "postgresql-",
          "HikariCP-",
          // The AWS SDK of the EC2 node-pool provider (its JDK-based HTTP client only).
          "annotations-",
          "auth-",
          "aws-core-",
          "aws-query-protocol-",
          "checksums-",
          "checksums-spi-",
          "ec2-",
          "endpoints-spi-",
          "eventstream-",
          "http-auth-",
          "http-auth-aws-",
          "http-auth-aws-eventstream-",
          "http-auth-spi-",
          "http-client-spi-",
          "identity-spi-",
          "json-utils-",
          "metrics-spi-",
          "profiles-",
          "protocol-core-",
          "reactive-streams-",
          "regions-",
          "retries-",
          "retries-spi-",
          "sdk-core-",
          "third-party-jackson-core-",
          "url-connection-client-",
          "utils-",
          "utils-lite-");

  /** Packages of jenkins-api and of the libraries Jenkins and its library plugins provide. */
  private static final List<String> PROVIDED_PACKAGES =
      List.of(
          "hudson/",
          "jenkins/",
          "org/kohsuke/",
          "org/jenkinsci/",
          "org/jvnet/",
          "net/sf/json/",
          "com/cloudbees/",
          "net/java/sezpoz/",
          "jakarta/servlet/",
          "org/springframework/",
          "io/fabric8/",
          "okhttp3/",
          "okio/",
          "kotlin/",
          "com/fasterxml/jackson/",
          "org/yaml/snakeyaml/",
          "org/snakeyaml/",
          "com/github/dockerjava/",
          "org/apache/hc/",
          "org/bouncycastle/",
          "org/slf4j/",
          "com/google/common/",
          "org/apache/commons/lang3/",
          "org/apache/commons/compress/",
          "org/apache/commons/io/",
          "org/apache/commons/codec/",
          "org/apache/commons/logging/",
          "com/sun/jna/",
          "org/objectweb/asm/");

  @TempDir static Path unpacked;

  private static Manifest outer;
  private static Manifest inner;
  private static Path innerJar;
  private static List<String> innerEntries;
  private static List<Class<?>> classes;
  private static URLClassLoader hpiClasses;

  @BeforeAll
  static void open() throws Exception {
    assertThat(HPI).as("run mvn package first").exists();
    List<URL> libs = new ArrayList<>();
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      outer = hpi.getManifest();
      for (JarEntry entry : hpi.stream().toList()) {
        if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
          Path lib = unpacked.resolve(entry.getName().substring("WEB-INF/lib/".length()));
          try (InputStream in = hpi.getInputStream(entry)) {
            Files.copy(in, lib);
          }
          libs.add(lib.toUri().toURL());
        }
      }
    }
    innerJar = unpacked.resolve("container-cloud.jar");
    try (JarFile jar = new JarFile(innerJar.toFile())) {
      inner = jar.getManifest();
      innerEntries = jar.stream().map(JarEntry::getName).toList();
    }
    // The plugin's classes as Jenkins would load them: from the .hpi's jars, over the Jenkins API
    // and the libraries of the test class path, never from target/classes.
    hpiClasses = new URLClassLoader(libs.toArray(URL[]::new), new WithoutPluginClasses());
    classes = new ArrayList<>();
    for (String entry : innerEntries) {
      if (entry.endsWith(".class")) {
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        classes.add(Class.forName(name, false, hpiClasses));
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    hpiClasses.close();
  }

  /** The test's class path without the plugin's own package, which must come from the .hpi. */
  private static final class WithoutPluginClasses extends ClassLoader {

    private static final String OWN = PACKAGE.replace('/', '.');

    WithoutPluginClasses() {
      super(HpiPackageIT.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(OWN)) {
        throw new ClassNotFoundException(name + " is not in the .hpi");
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith(PACKAGE) ? null : super.getResource(name);
    }

    @Override
    public java.util.Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith(PACKAGE)
          ? java.util.Collections.emptyEnumeration()
          : super.getResources(name);
    }
  }

  @Test
  void pluginClasses_areLoadedFromTheInnerJar() throws Exception {
    assertThat(classes).isNotEmpty();
    URL jar = innerJar.toUri().toURL();
    for (Class<?> type : classes) {
      assertThat(type.getProtectionDomain().getCodeSource().getLocation())
          .as(type.getName())
          .isEqualTo(jar);
    }
  }

  @Test
  void manifest_describesThePluginAsMavenHpiPluginWould() {
    Attributes main = outer.getMainAttributes();
    assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
    assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins.container-cloud");
    assertThat(main.getValue("Artifact-Id")).isEqualTo("container-cloud");
    assertThat(main.getValue("Short-Name")).isEqualTo("container-cloud");
    assertThat(main.getValue("Long-Name")).isEqualTo("Container Cloud");
    assertThat(main.getValue("Url")).startsWith("https://");
    assertThat(main.getValue("Plugin-Version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.541.1");
    assertThat(main.getValue("Hudson-Version")).isEqualTo("2.541.1");
    assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("21");
    assertThat(main.getValue("Plugin-Developers")).matches("[^:,]+:[^:,]*:[^:,]*");
    assertThat(main.getValue("Plugin-Class")).as("no META-INF/services/hudson.Plugin").isNull();
  }

  @Test
  void manifest_dependsOnTheLibraryAndApiPlugins_withExactVersions() {
    Map<String, String> dependencies = new LinkedHashMap<>();
    for (String dependency : outer.getMainAttributes().getValue("Plugin-Dependencies").split(",")) {
      assertThat(dependency).matches("[a-z0-9-]+:[A-Za-z0-9._-]+");
      String[] parts = dependency.split(":");
      dependencies.put(parts[0], parts[1]);
    }
    assertThat(dependencies).isEqualTo(DEPENDENCIES);
  }

  @Test
  void manifest_isWellFormed_withLinesOf72BytesAtMost() throws IOException {
    byte[] raw;
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      raw = hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF")).readAllBytes();
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    assertThat(text).startsWith("Manifest-Version: 1.0").endsWith("\r\n\r\n");
    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(72);
      assertThat(line)
          .as("a header or a continuation")
          .matches("(|[A-Za-z0-9][A-Za-z0-9_-]*: .*| .*)");
    }
  }

  @Test
  void innerJar_carriesTheSameNames_andTheViewsAndIndex() {
    for (String header :
        List.of(
            "Group-Id",
            "Artifact-Id",
            "Url",
            "Plugin-Dependencies",
            "Plugin-Developers",
            "Short-Name",
            "Plugin-Version",
            "Long-Name",
            "Jenkins-Version")) {
      assertThat(outer.getMainAttributes().getValue(header)).as(header).isNotBlank();
      assertThat(inner.getMainAttributes().getValue(header))
          .as(header)
          .isEqualTo(outer.getMainAttributes().getValue(header));
    }
    assertThat(innerEntries)
        .contains("index.jelly", PACKAGE + "ContainerCloudConfiguration/config.jelly");
  }

  @Test
  void innerJar_holdsOnlyThePluginsOwnClasses() {
    assertThat(innerEntries)
        .filteredOn(e -> e.endsWith(".class"))
        .isNotEmpty()
        .allMatch(e -> e.startsWith(PACKAGE), "in " + PACKAGE);
  }

  @Test
  void bundledJars_areExactlyWhatNothingElseProvides() throws IOException {
    List<String> libs;
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      libs =
          hpi.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
              .map(n -> n.substring("WEB-INF/lib/".length()))
              .filter(n -> !n.equals("container-cloud.jar"))
              .toList();
      for (String lib : libs) {
        assertThat(BUNDLED)
            .as(lib)
            .anyMatch(
                prefix ->
                    lib.startsWith(prefix) && lib.substring(prefix.length()).matches("[0-9].*"));
        for (String entry : entries(hpi, "WEB-INF/lib/" + lib)) {
          assertThat(PROVIDED_PACKAGES).as(lib + " holds " + entry).noneMatch(entry::startsWith);
        }
      }
    }
    assertThat(libs).hasSameSizeAs(BUNDLED);
  }

  @Test
  void bundledJars_holdCommonsText_whichFlywayLoadsOnAnUnknownSetting() throws Exception {
    // flyway-core declares commons-text optional, and neither Jenkins nor a library plugin ships
    // it: without it Flyway's configuration check fails with NoClassDefFoundError.
    List<URL> bundled = new ArrayList<>();
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      for (JarEntry entry : hpi.stream().toList()) {
        if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
          bundled.add(
              unpacked.resolve(entry.getName().substring("WEB-INF/lib/".length())).toUri().toURL());
        }
      }
    }
    try (URLClassLoader onlyTheHpi =
        new URLClassLoader(bundled.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> configUtils =
          Class.forName("org.flywaydb.core.internal.configuration.ConfigUtils", false, onlyTheHpi);
      Class<?> fuzzyScore =
          Class.forName("org.apache.commons.text.similarity.FuzzyScore", false, onlyTheHpi);
      assertThat(configUtils.getClassLoader()).isSameAs(onlyTheHpi);
      assertThat(fuzzyScore.getClassLoader()).isSameAs(onlyTheHpi);
    }
  }

  @Test
  void jenkinsProfileBuild_bundlesTheSameJars_underTheSameCoordinates() throws Exception {
    // plugin/jenkins-build (maven-hpi-plugin, not runnable here) must package what this build
    // does: its strict hpi.bundledArtifacts list is held to this .hpi's jars.
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ProjectFiles.find("plugin/jenkins-build/pom.xml").toFile());
    List<String> artifactIds = new ArrayList<>();
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      hpi.stream()
          .map(JarEntry::getName)
          .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar") && !n.equals(INNER_JAR))
          .map(n -> n.substring("WEB-INF/lib/".length()).replaceFirst("-[0-9][^/]*\\.jar$", ""))
          .sorted()
          .forEach(artifactIds::add);
    }

    assertThat(childText(pom, "groupId")).isEqualTo(outer.getMainAttributes().getValue("Group-Id"));
    assertThat(childText(pom, "artifactId"))
        .isEqualTo(outer.getMainAttributes().getValue("Short-Name"));
    assertThat(pom.getElementsByTagName("hpi.strictBundledArtifacts").item(0).getTextContent())
        .isEqualTo("true");
    assertThat(pom.getElementsByTagName("hpi.bundledArtifacts").item(0).getTextContent())
        .isEqualTo(String.join(",", artifactIds));
  }

  /** The text of {@code name} directly under the POM's {@code <project>}. */
  private static String childText(Document pom, String name) {
    NodeList children = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().strip();
      }
    }
    throw new AssertionError("no <" + name + "> in plugin/jenkins-build/pom.xml");
  }

  @Test
  void extensionIndex_listsEveryExtensionClass() throws IOException {
    Set<String> indexed = new TreeSet<>();
    try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {innerJar.toUri().toURL()}, null)) {
      for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, jarOnly)) {
        indexed.add(item.className());
      }
    }
    Set<String> annotated =
        classes.stream()
            .filter(c -> c.isAnnotationPresent(Extension.class))
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(annotated).hasSize(24).contains(PAGES + "ContainerCloudRootAction");
    assertThat(annotated)
        .contains(
            WEBHOOKS + "WebhookRootAction",
            WEBHOOKS + "WebhookCrumbExclusion",
            WEBHOOKS + "WebhooksFeature");
    assertThat(indexed).isEqualTo(annotated);
  }

  @Test
  void initializerAndTerminatorIndexes_listTheClassesDeclaringThem() throws Exception {
    for (String annotation : List.of("hudson.init.Initializer", "hudson.init.Terminator")) {
      Class<? extends java.lang.annotation.Annotation> type =
          Class.forName(annotation).asSubclass(java.lang.annotation.Annotation.class);
      Set<String> declaring =
          classes.stream()
              .filter(
                  c ->
                      Arrays.stream(c.getDeclaredMethods())
                          .anyMatch(m -> m.isAnnotationPresent(type)))
              .map(Class::getName)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(declaring).as(annotation).isNotEmpty();
      assertThat(index("META-INF/services/annotations/" + annotation))
          .as(annotation)
          .isEqualTo(declaring);
    }
    assertThat(index("META-INF/services/annotations/hudson.init.Initializer"))
        .containsExactly(
            PAGES + "ContainerCloudPermissions",
            PAGES + "DashboardHost",
            POOLS + "PoolsLifecycle",
            WEBHOOKS + "WebhookHost");
    assertThat(index("META-INF/services/annotations/hudson.init.Terminator"))
        .containsExactly(
            PAGES + "DashboardHost", POOLS + "PoolsLifecycle", WEBHOOKS + "WebhookHost");
  }

  @Test
  void pagesViewsSymbolAndWebapp_areInPlace() throws IOException {
    String views = PACKAGE + "pages/ContainerCloudRootAction/";
    assertThat(innerEntries)
        .contains(
            "lib/containercloud/taglib",
            "lib/containercloud/page.jelly",
            "images/symbols/container-cloud.svg",
            PACKAGE + "pages/ContainerCloudPermissions.properties",
            PACKAGE + "action/ContainerCloudAction/summary.jelly",
            PACKAGE + "action/WorkloadAction/jobMain.jelly",
            PACKAGE + "action/WorkloadAction/index.jelly")
        .containsAll(
            List.of("index", "cluster", "rollouts", "history", "scaling", "webhooks").stream()
                .map(v -> views + v + ".jelly")
                .toList());
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      for (String file : List.of("ui/app.js", "ui/app.css", "css/container-cloud.css")) {
        assertThat(hpi.getEntry(file)).as(file + " in the .hpi's webapp").isNotNull();
      }
      assertThat(hpi.getEntry("ui/index.html")).as("the standalone host's page").isNull();
      assertThat(hpi.getEntry("ui/UiBundle.class")).isNull();
    }
  }

  private static Set<String> index(String entry) throws IOException {
    try (JarFile jar = new JarFile(innerJar.toFile())) {
      JarEntry found = jar.getJarEntry(entry);
      assertThat(found).as(entry).isNotNull();
      return new TreeSet<>(
          new String(jar.getInputStream(found).readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList());
    }
  }

  @Test
  void symbolIndex_listsEverySymbolClass() throws IOException {
    Set<String> indexed;
    try (JarFile jar = new JarFile(innerJar.toFile())) {
      String text =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/services/annotations/org.jenkinsci.Symbol"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      indexed = new TreeSet<>(text.lines().toList());
    }
    Set<String> annotated =
        classes.stream()
            .filter(c -> c.isAnnotationPresent(Symbol.class))
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(annotated).hasSize(19);
    assertThat(indexed).isEqualTo(annotated);
  }

  @Test
  void everyForm_hasItsViewAndHelp_andItsFieldsBind() throws Exception {
    List<Class<?>> forms = classes.stream().filter(HpiPackageIT::hasForm).toList();
    assertThat(forms)
        .extracting(Class::getSimpleName)
        .containsExactlyInAnyOrder(
            "ContainerCloudConfiguration",
            "ClusterSettings",
            "RegistrySettings",
            "HistoryDatabaseSettings",
            "ContainerBuildStep",
            "ContainerPushStep",
            "ContainerDeployStep",
            "ContainerRollbackStep",
            "NodePoolSettings",
            "Ec2Provider",
            "QingCloudProvider",
            "OpenStackProvider",
            "CommandProvider",
            "ContainerScaleStep",
            "ContainerCapacityStep",
            "WebhookHookSettings",
            "WebhookRuleSettings",
            "WebhookDeploySettings",
            "WebhookJobSettings");
    for (Class<?> form : forms) {
      String folder = form.getName().replace('.', '/') + "/";
      Set<String> fields = boundFields(form);
      assertThat(innerEntries).as(form + " view").contains(folder + "config.jelly");
      Document view = parse(folder + "config.jelly");
      assertThat(attributes(view, "field")).as(form + " form fields").isEqualTo(fields);
      for (String with : attributes(view, "with")) {
        assertThat(fields).as(form + " validateButton with=").containsAll(List.of(with.split(",")));
      }
      for (String field : fields) {
        assertThat(innerEntries).as(form + " help").contains(folder + "help-" + field + ".html");
        parse(folder + "help-" + field + ".html");
      }
      checkDescriptorMethods(form, fields);
    }
  }

  @Test
  void everyViewAndHelpFile_isWellFormed() throws Exception {
    List<String> views =
        innerEntries.stream().filter(e -> e.endsWith(".jelly") || e.endsWith(".html")).toList();
    assertThat(views).hasSizeGreaterThan(50);
    for (String view : views) {
      parse(view);
    }
  }

  /** doCheckX / doFillXItems of the form's descriptor refer to fields it has. */
  private static void checkDescriptorMethods(Class<?> form, Set<String> fields) {
    Class<?> descriptor =
        GlobalConfiguration.class.isAssignableFrom(form)
            ? form
            : Arrays.stream(form.getDeclaredClasses())
                .filter(c -> c.getSimpleName().equals("DescriptorImpl"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(form + " has no DescriptorImpl"));
    for (Method method : descriptor.getDeclaredMethods()) {
      String name = method.getName();
      String field = null;
      if (name.startsWith("doCheck")) {
        field = name.substring("doCheck".length());
      } else if (name.startsWith("doFill") && name.endsWith("Items")) {
        field = name.substring("doFill".length(), name.length() - "Items".length());
      }
      if (field != null) {
        assertThat(fields)
            .as(descriptor.getName() + "." + name)
            .contains(Character.toLowerCase(field.charAt(0)) + field.substring(1));
      }
    }
  }

  private static boolean hasForm(Class<?> type) {
    return GlobalConfiguration.class.isAssignableFrom(type)
        || Arrays.stream(type.getConstructors())
            .anyMatch(c -> c.isAnnotationPresent(DataBoundConstructor.class));
  }

  /** The names Stapler binds: constructor parameters (by -parameters) and setters. */
  private static Set<String> boundFields(Class<?> type) {
    Set<String> fields = new LinkedHashSet<>();
    for (Constructor<?> constructor : type.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        for (Parameter parameter : constructor.getParameters()) {
          assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
          fields.add(parameter.getName());
        }
      }
    }
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)
          && Modifier.isPublic(method.getModifiers())) {
        String name = method.getName().substring("set".length());
        fields.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      }
    }
    return fields;
  }

  private static Set<String> attributes(Document document, String attribute) {
    Set<String> values = new TreeSet<>();
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute(attribute)) {
        values.add(element.getAttribute(attribute));
      }
    }
    return values;
  }

  private static Document parse(String entry) throws Exception {
    try (JarFile jar = new JarFile(innerJar.toFile())) {
      JarEntry found = jar.getJarEntry(entry);
      assertThat(found).as(entry).isNotNull();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      byte[] bytes = jar.getInputStream(found).readAllBytes();
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes), entry);
    }
  }

  private static List<String> entries(JarFile hpi, String jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarInputStream in = new JarInputStream(hpi.getInputStream(hpi.getEntry(jar)))) {
      for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
