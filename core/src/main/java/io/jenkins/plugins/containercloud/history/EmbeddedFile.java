package io.jenkins.plugins.containercloud.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One embedded H2 file as this process uses it: its threads take turns (a fair semaphore), and the
 * process keeps the file open across operations while they come one after another — it closes it
 * {@link #IDLE} after the last one, or at the next operation once it held it {@link #SHARE_AFTER}
 * and another process waits, then stays off it for {@link #YIELD} so that the other gets in.
 * Opening the file costs about 14 ms on a small machine; a busy server paid that for every
 * operation before.
 */
final class EmbeddedFile {

  /** How long the file stays open after an operation, for the next one. */
  static final Duration IDLE = Duration.ofMillis(50);

  /** How long a process holds the file before it lets a waiting process in. */
  static final Duration SHARE_AFTER = Duration.ofMillis(200);

  /** How long a process that let go stays off the file: longer than a waiter's pause. */
  static final Duration YIELD = Duration.ofMillis(EmbeddedFileLock.MAX_POLL_MILLIS + 5);

  private static final ConcurrentMap<Path, EmbeddedFile> FILES = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService CLOSER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "container-cloud-history-file-closer");
            thread.setDaemon(true);
            return thread;
          });

  private final EmbeddedFileLock lock;
  private final Semaphore turn = new Semaphore(1, true);
  // Guarded by turn: only the thread holding it reads or changes these.
  private Open open;
  private long offUntil;
  // Whether the closer will look again; it keeps looking while the file is open.
  private boolean closerScheduled;

  private EmbeddedFile(Path lockFile) {
    this.lock = new EmbeddedFileLock(lockFile);
  }

  static EmbeddedFile of(Path lockFile) {
    return FILES.computeIfAbsent(lockFile.toAbsolutePath().normalize(), EmbeddedFile::new);
  }

  /**
   * This thread's turn on the file, as a connection to it (the one the file is open with); give it
   * back with {@link #release}.
   */
  Connection borrow(HistoryDatabase database) throws SQLException {
    Duration timeout = database.lockTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!turn.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw lock.inUse(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the history file " + lock.file(), e);
    }
    try {
      long now = System.nanoTime();
      if (open != null && now - open.since > SHARE_AFTER.toNanos() && open.held.othersWaiting()) {
        closeOpen();
        offUntil = now + YIELD.toNanos();
      }
      if (open == null) {
        pauseUntil(offUntil);
        EmbeddedFileLock.Held held = lock.acquire(deadline, timeout);
        try {
          open = new Open(held, database.connect(), System.nanoTime());
        } catch (SQLException | RuntimeException e) {
          held.close();
          throw e;
        }
      }
      return open.connection;
    } catch (SQLException | RuntimeException e) {
      turn.release();
      throw e;
    }
  }

  /** Ends the turn; a failed connection closes the file, else it stays open for a while. */
  void release(Connection connection, boolean failed) {
    try {
      if (open == null || open.connection != connection) {
        closeQuietly(connection);
        return;
      }
      if (!failed) {
        try {
          // As a fresh connection would be, for the next operation.
          connection.setAutoCommit(true);
          connection.setReadOnly(false);
        } catch (SQLException e) {
          failed = true;
        }
      }
      if (failed) {
        closeOpen();
        return;
      }
      open.used = System.nanoTime();
      if (!closerScheduled) {
        closerScheduled = true;
        CLOSER.schedule(this::closeIfIdle, IDLE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      turn.release();
    }
  }

  /** Closes the file now unless an operation holds it longer than {@code wait}. */
  void close(Duration wait) {
    try {
      if (!turn.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return; // the closer closes it once that operation is over
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      closeOpen();
    } finally {
      turn.release();
    }
  }

  /** Looks again later while an operation runs; closes the file once it was idle long enough. */
  private void closeIfIdle() {
    if (!turn.tryAcquire()) {
      CLOSER.schedule(this::closeIfIdle, IDLE.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      if (open == null) {
        closerScheduled = false;
        return;
      }
      long idleFor = System.nanoTime() - open.used;
      if (idleFor >= IDLE.toNanos()) {
        closerScheduled = false;
        closeOpen();
      } else {
        CLOSER.schedule(this::closeIfIdle, IDLE.toNanos() - idleFor, TimeUnit.NANOSECONDS);
      }
    } finally {
      turn.release();
    }
  }

  private void closeOpen() {
    if (open != null) {
      // The last connection closes the database (DB_CLOSE_DELAY=0), then the OS lock goes.
      closeQuietly(open.connection);
      open.held.close();
      open = null;
    }
  }

  private static void pauseUntil(long nanoTime) throws SQLException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the history file", e);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // A connection that cannot close cleanly still lets go of the file with its process.
    }
  }

  /** The file while this process has it open. */
  private static final class Open {
    final EmbeddedFileLock.Held held;
    final Connection connection;
    final long since;
    long used;

    Open(EmbeddedFileLock.Held held, Connection connection, long since) {
      this.held = held;
      this.connection = connection;
      this.since = since;
      this.used = since;
    }
  }
}
