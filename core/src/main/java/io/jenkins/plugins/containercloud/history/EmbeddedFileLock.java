package io.jenkins.plugins.containercloud.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Takes turns on one embedded H2 file between processes (an OS lock on a file beside it, which the
 * OS releases when a process dies, even by SIGKILL) and between threads of one process (a
 * semaphore: the OS lock belongs to the whole process). Each history operation holds it for one
 * short transaction, so many command-line processes and a server can share the file.
 */
final class EmbeddedFileLock {

  /** SQL state of a lock that could not be taken in time: H2's own "file in use" state. */
  static final String IN_USE = "90020";

  /** SQL state of a folder or lock file that cannot be created or written. */
  static final String CANNOT_WRITE = "58030";

  private static final ConcurrentMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long MAX_POLL_MILLIS = 20;

  private final Path lockFile;
  private final Duration timeout;

  EmbeddedFileLock(Path lockFile, Duration timeout) {
    this.lockFile = lockFile.toAbsolutePath().normalize();
    this.timeout = timeout;
  }

  /** Waits (at most the timeout) until this process alone holds the file; close to let go. */
  Held acquire() throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Semaphore turn = IN_PROCESS.computeIfAbsent(lockFile, p -> new Semaphore(1, true));
    try {
      if (!turn.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw inUse();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the history file " + lockFile, e);
    }
    try {
      return new Held(lockUntil(deadline), turn);
    } catch (SQLException | RuntimeException e) {
      turn.release();
      throw e;
    }
  }

  /**
   * Polls rather than blocks: a blocking {@link FileChannel#lock()} has no timeout, and an
   * interrupt while it waits closes the channel.
   */
  private FileLock lockUntil(long deadline) throws SQLException {
    FileChannel channel = open();
    try {
      for (int attempt = 1; ; attempt++) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
        if (System.nanoTime() > deadline) {
          throw inUse();
        }
        // Jittered, so that waiting processes do not retry in step.
        Thread.sleep(
            ThreadLocalRandom.current().nextLong(1, Math.min(attempt, MAX_POLL_MILLIS) + 1));
      }
    } catch (IOException e) {
      closeQuietly(channel);
      throw cannotWrite(e);
    } catch (InterruptedException e) {
      closeQuietly(channel);
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the history file " + lockFile, e);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private FileChannel open() throws SQLException {
    try {
      Files.createDirectories(lockFile.getParent());
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  private SQLException inUse() {
    return new SQLException(
        "another process held " + lockFile + " for over " + timeout.toSeconds() + " s", IN_USE);
  }

  private SQLException cannotWrite(IOException e) {
    return new SQLException("cannot create or lock " + lockFile + ": " + e, CANNOT_WRITE, e);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // the lock, if any, goes with the channel either way
    }
  }

  /** This process's turn on the file; closing it ends the turn. */
  static final class Held implements AutoCloseable {
    private final FileLock lock;
    private final Semaphore turn;

    private Held(FileLock lock, Semaphore turn) {
      this.lock = lock;
      this.turn = turn;
    }

    @Override
    public void close() {
      try {
        lock.channel().close(); // releases the lock with it
      } catch (IOException e) {
        // closing a local file's channel does not fail in a way that keeps the lock
      } finally {
        turn.release();
      }
    }
  }
}
