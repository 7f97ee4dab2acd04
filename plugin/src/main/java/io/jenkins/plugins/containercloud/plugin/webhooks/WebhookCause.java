package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.model.Cause;

/**
 * Why a job's build started: a webhook delivery, named by its source, hook and id (the id the
 * Webhooks page and the history show), and the rule that matched.
 */
public final class WebhookCause extends Cause {

  private final String source;
  private final String hook;
  private final String deliveryId;
  private final String rule;

  public WebhookCause(String source, String hook, String deliveryId, String rule) {
    this.source = source;
    this.hook = hook;
    this.deliveryId = deliveryId;
    this.rule = rule;
  }

  public String getSource() {
    return source;
  }

  public String getHook() {
    return hook;
  }

  public String getDeliveryId() {
    return deliveryId;
  }

  public String getRule() {
    return rule;
  }

  @Override
  public String getShortDescription() {
    return JobBuilds.causeText(source, hook, deliveryId, rule);
  }
}
