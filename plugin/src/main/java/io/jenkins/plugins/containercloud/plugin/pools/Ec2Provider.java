package io.jenkins.plugins.containercloud.plugin.pools;

import hudson.Extension;
import hudson.util.FormValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Amazon EC2: instances in one region; the credentials' username is the access key id, the password
 * its secret (none: the controller's default AWS credentials).
 */
public final class Ec2Provider extends SignedInProvider {

  private final String region;
  private String endpoint;
  private String subnetId;
  private String securityGroupIds;
  private String keyName;

  @DataBoundConstructor
  public Ec2Provider(String region) {
    this.region = trim(region);
  }

  public String getRegion() {
    return region;
  }

  public String getEndpoint() {
    return endpoint;
  }

  @DataBoundSetter
  public void setEndpoint(String endpoint) {
    this.endpoint = trim(endpoint);
  }

  public String getSubnetId() {
    return subnetId;
  }

  @DataBoundSetter
  public void setSubnetId(String subnetId) {
    this.subnetId = trim(subnetId);
  }

  public String getSecurityGroupIds() {
    return securityGroupIds;
  }

  @DataBoundSetter
  public void setSecurityGroupIds(String securityGroupIds) {
    this.securityGroupIds = trim(securityGroupIds);
  }

  public String getKeyName() {
    return keyName;
  }

  @DataBoundSetter
  public void setKeyName(String keyName) {
    this.keyName = trim(keyName);
  }

  @Override
  public String type() {
    return "ec2";
  }

  @Override
  Map<String, String> plainSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("region", region);
    s.put("endpoint", endpoint);
    s.put("subnetId", subnetId);
    s.put("securityGroupIds", securityGroupIds);
    s.put("keyName", keyName);
    return s;
  }

  @Override
  String usernameKey() {
    return "accessKeyIdRef";
  }

  @Override
  String passwordKey() {
    return "secretAccessKeyRef";
  }

  /** The form of this kind and its Test connection. */
  @Extension
  @Symbol("ec2")
  public static final class DescriptorImpl extends KindDescriptor {

    @Override
    public String getDisplayName() {
      return "Amazon EC2";
    }

    /** Optional here: without credentials the controller's default AWS credentials are used. */
    @Override
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
      return FormValidation.ok();
    }

    /** Checks the settings, then lists this Jenkins' machines: says what is wrong in words. */
    @POST
    public FormValidation doTestConnection(
        @QueryParameter String region,
        @QueryParameter String endpoint,
        @QueryParameter String subnetId,
        @QueryParameter String securityGroupIds,
        @QueryParameter String keyName,
        @QueryParameter String credentialsId) {
      Ec2Provider provider = new Ec2Provider(region);
      provider.setEndpoint(endpoint);
      provider.setSubnetId(subnetId);
      provider.setSecurityGroupIds(securityGroupIds);
      provider.setKeyName(keyName);
      provider.setCredentialsId(credentialsId);
      return test(provider);
    }
  }
}
