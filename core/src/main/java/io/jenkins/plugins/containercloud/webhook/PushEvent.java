package io.jenkins.plugins.containercloud.webhook;

/** What a delivery says happened: an image or code was pushed. */
public sealed interface PushEvent permits ImagePushed, CodePushed {

  /** The repository the push went to, as rules name it. */
  String repository();
}
