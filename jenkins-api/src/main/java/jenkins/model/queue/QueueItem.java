package jenkins.model.queue;

import jenkins.model.FullyNamedModelObject;

/** Compile-only declaration of Jenkins' {@code QueueItem}; see jenkins-api/README.md. */
public interface QueueItem extends FullyNamedModelObject {}
