package io.jenkins.plugins.containercloud.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the history lives: an embedded H2 file (the default) or a database named by a JDBC URL
 * (PostgreSQL in production). The password is kept out of {@link #toString()}, {@link #url()} and
 * every message.
 */
public final class HistoryDatabase {

  /**
   * The file is closed when the process stops using it for a moment (DB_CLOSE_DELAY=0, the default:
   * the last connection closes it, see {@link EmbeddedFile}) so that other processes can take their
   * turn; the store closes it, not a JVM shutdown hook that could run before the last writes
   * (DB_CLOSE_ON_EXIT=FALSE); each commit reaches the file at once (WRITE_DELAY=0); closing does
   * not spend time compacting (MAX_COMPACT_TIME=0). H2 keeps the space of old versions for its
   * default retention time (45 s): without it (RETENTION_TIME=0), a process killed while it had the
   * file open lost its last commits when the file was opened again (docs/history.md).
   */
  static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0";

  /** How long an operation waits for its turn on an embedded file held by other processes. */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

  private final String url;
  private final String user;
  private final String password;
  private final boolean embedded;
  private final Duration lockTimeout;

  private HistoryDatabase(
      String url, String user, String password, boolean embedded, Duration lockTimeout) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.lockTimeout = lockTimeout;
  }

  /**
   * An H2 database in {@code fileWithoutSuffix}{@code .mv.db}; the folder is created when missing.
   * A trailing {@code .mv.db} is accepted and dropped.
   */
  public static HistoryDatabase h2File(Path fileWithoutSuffix) {
    return h2File(fileWithoutSuffix, LOCK_TIMEOUT);
  }

  /** {@link #h2File(Path)} with another wait for the file's lock (for tests). */
  static HistoryDatabase h2File(Path fileWithoutSuffix, Duration lockTimeout) {
    String file = fileWithoutSuffix.toAbsolutePath().normalize().toString();
    if (file.endsWith(".mv.db")) {
      file = file.substring(0, file.length() - ".mv.db".length());
    }
    if (file.contains(";")) {
      throw new IllegalArgumentException("an H2 file path may not contain ';', was " + file);
    }
    return new HistoryDatabase("jdbc:h2:file:" + file + H2_SETTINGS, "sa", "", true, lockTimeout);
  }

  /**
   * A database by JDBC URL: {@code jdbc:postgresql://host:port/database[?options]} or any {@code
   * jdbc:h2:} URL. {@code user} and {@code password} may be null when the URL or the server's
   * configuration supplies them.
   */
  public static HistoryDatabase jdbc(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "the history database URL must start with jdbc:postgresql:// or jdbc:h2:, was "
              + redact(url));
    }
    return new HistoryDatabase(url, user, password, false, null);
  }

  /** The JDBC URL, with any password in it replaced by ****. */
  public String url() {
    return redact(url);
  }

  /** The user name, or null when the URL or the server supplies it. */
  public String user() {
    return user;
  }

  /** Whether this is the embedded H2 file that {@link #h2File} describes. */
  public boolean isEmbedded() {
    return embedded;
  }

  /** The file whose OS lock gives processes their turns on the embedded file. */
  Path lockFile() {
    return Path.of(embeddedFile() + ".lock");
  }

  Duration lockTimeout() {
    return lockTimeout;
  }

  private String embeddedFile() {
    return url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
  }

  boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }

  /**
   * E.g. "jdbc:postgresql://db:5432/cc as containercloud", or "H2 file /var/lib/cc/history.mv.db".
   */
  @Override
  public String toString() {
    if (embedded) {
      return "H2 file " + embeddedFile() + ".mv.db";
    }
    return user == null || user.isEmpty() ? url() : url() + " as " + user;
  }

  /** A new connection in auto-commit mode; the driver is called directly, whatever loaded it. */
  Connection connect() throws SQLException {
    Driver driver = isH2() ? new org.h2.Driver() : new org.postgresql.Driver();
    Connection connection = driver.connect(url, driverProperties());
    if (connection == null) {
      throw new SQLException("the driver does not accept the URL " + url(), "08001");
    }
    return connection;
  }

  /** The URL with its secrets, for the driver alone. */
  String rawUrl() {
    return url;
  }

  String driverClassName() {
    return isH2() ? org.h2.Driver.class.getName() : org.postgresql.Driver.class.getName();
  }

  /** The user, the password and, for PostgreSQL, bounded waits; options in the URL win. */
  Properties driverProperties() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    if (!isH2()) {
      // Bounded waits, so that a dead server fails a write (to be retried) instead of hanging it.
      properties.setProperty("connectTimeout", "10");
      properties.setProperty("socketTimeout", "60");
      properties.setProperty("ApplicationName", "container-cloud");
    }
    return properties;
  }

  /** {@code text} with the password and any password parameter of a URL replaced by ****. */
  String redactSecrets(String text) {
    if (text == null) {
      return null;
    }
    String redacted = redact(text);
    return password == null || password.isEmpty() ? redacted : redacted.replace(password, "****");
  }

  static String redact(String url) {
    String withoutParameters = SECRET_PARAMETER.matcher(url).replaceAll("$1****");
    return USER_INFO.matcher(withoutParameters).replaceAll("//****@");
  }
}
