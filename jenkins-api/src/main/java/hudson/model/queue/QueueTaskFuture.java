package hudson.model.queue;

import hudson.model.Queue;
import java.util.concurrent.Future;

/** Compile-only declaration of Jenkins' {@code QueueTaskFuture}; see jenkins-api/README.md. */
public interface QueueTaskFuture<R extends Queue.Executable> extends Future<R> {}
