package io.jenkins.plugins.containercloud.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Takes turns on one embedded H2 file between processes: an OS lock on byte 0 of a file beside it,
 * which the OS releases when a process dies, even by SIGKILL. A process that waits for it holds a
 * shared lock on byte 1 meanwhile, so that the holder can tell that someone is waiting and let go.
 * Threads of one process take turns in {@link EmbeddedFile}: the OS lock belongs to the whole
 * process.
 */
final class EmbeddedFileLock {

  /** SQL state of a lock that could not be taken in time: H2's own "file in use" state. */
  static final String IN_USE = "90020";

  /** SQL state of a folder or lock file that cannot be created or written. */
  static final String CANNOT_WRITE = "58030";

  /** The longest pause between two attempts of a waiting process. */
  static final long MAX_POLL_MILLIS = 20;

  private static final long TURN = 0;
  private static final long WAITING = 1;

  private final Path lockFile;

  EmbeddedFileLock(Path lockFile) {
    this.lockFile = lockFile.toAbsolutePath().normalize();
  }

  Path file() {
    return lockFile;
  }

  /**
   * Waits until {@code deadline} ({@link System#nanoTime()}) for this process to hold the file.
   * Polls rather than blocks: a blocking {@link FileChannel#lock()} has no timeout, and an
   * interrupt while it waits closes the channel.
   */
  Held acquire(long deadline, Duration timeout) throws SQLException {
    FileChannel channel = open();
    FileLock waiting = null;
    try {
      for (int attempt = 1; ; attempt++) {
        FileLock lock = channel.tryLock(TURN, 1, false);
        if (lock != null) {
          return new Held(lock);
        }
        if (waiting == null) {
          // Null while the holder looks whether anyone waits: taken at the next attempt.
          waiting = channel.tryLock(WAITING, 1, true);
        }
        if (System.nanoTime() > deadline) {
          throw inUse(timeout);
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
    } finally {
      releaseQuietly(waiting);
    }
  }

  private FileChannel open() throws SQLException {
    try {
      Files.createDirectories(lockFile.getParent());
      // Readable too: a waiting process's shared lock needs it.
      return FileChannel.open(
          lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  SQLException inUse(Duration timeout) {
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

  private static void releaseQuietly(FileLock lock) {
    if (lock != null && lock.isValid()) {
      try {
        lock.release();
      } catch (IOException e) {
        // it goes with the channel
      }
    }
  }

  /** This process's turn on the file; closing it ends the turn. */
  static final class Held implements AutoCloseable {
    private final FileLock lock;

    private Held(FileLock lock) {
      this.lock = lock;
    }

    /** Whether another process waits for the file now. */
    boolean othersWaiting() {
      try {
        FileLock probe = lock.channel().tryLock(WAITING, 1, false);
        if (probe == null) {
          return true;
        }
        probe.release();
        return false;
      } catch (IOException e) {
        return true; // when in doubt, let go
      }
    }

    @Override
    public void close() {
      closeQuietly(lock.channel()); // releases the lock with it
    }
  }
}
