package io.jenkins.plugins.containercloud.history;

/** The stored output of one step of a webhook trigger's pipeline (secrets already masked). */
public record WebhookStepLog(int seq, String step, String log) {}
