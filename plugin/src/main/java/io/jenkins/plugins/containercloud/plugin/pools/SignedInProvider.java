package io.jenkins.plugins.containercloud.plugin.pools;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * A provider kind that signs in to its IaaS with Jenkins credentials (a username with password).
 */
public abstract sealed class SignedInProvider extends PoolProvider
    permits Ec2Provider, QingCloudProvider, OpenStackProvider {

  private String credentialsId;

  @Override
  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = trim(credentialsId);
  }
}
