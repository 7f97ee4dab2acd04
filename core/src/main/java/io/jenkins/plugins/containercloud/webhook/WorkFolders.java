package io.jenkins.plugins.containercloud.webhook;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-rule work folders of code-push builds, kept between runs, each used by one build at a
 * time: a lock in this process (file locks are per process) and a file lock beside the folder (for
 * another process sharing the disk).
 */
final class WorkFolders {

  private final Path root;
  private final ConcurrentMap<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

  WorkFolders(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Waits until nobody else builds in the folder {@code name} ({@code hook/rule}), then holds it.
   */
  Held hold(String name) throws IOException {
    Path folder = root.resolve(name).normalize();
    if (!folder.startsWith(root) || folder.equals(root)) {
      throw new IOException("work folder " + name + " is outside " + root);
    }
    ReentrantLock lock = locks.computeIfAbsent(folder, k -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(folder.getParent());
      FileChannel channel =
          FileChannel.open(
              folder.resolveSibling(folder.getFileName() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      try {
        return new Held(folder, lock, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /** A folder held by one build until closed. */
  record Held(Path folder, ReentrantLock lock, FileChannel channel, FileLock fileLock)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        fileLock.release();
        channel.close();
      } finally {
        lock.unlock();
      }
    }
  }
}
