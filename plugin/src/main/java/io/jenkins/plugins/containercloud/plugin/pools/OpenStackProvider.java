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
 * OpenStack: Nova servers, signed in to Keystone v3 with the credentials' username and password.
 */
public final class OpenStackProvider extends SignedInProvider {

  private final String authUrl;
  private String projectName;
  private String projectId;
  private String userDomainName;
  private String projectDomainName;
  private String region;
  private String networkId;
  private String keyName;
  private String securityGroups;
  private String availabilityZone;

  @DataBoundConstructor
  public OpenStackProvider(String authUrl) {
    this.authUrl = trim(authUrl);
  }

  public String getAuthUrl() {
    return authUrl;
  }

  public String getProjectName() {
    return projectName;
  }

  @DataBoundSetter
  public void setProjectName(String projectName) {
    this.projectName = trim(projectName);
  }

  public String getProjectId() {
    return projectId;
  }

  @DataBoundSetter
  public void setProjectId(String projectId) {
    this.projectId = trim(projectId);
  }

  public String getUserDomainName() {
    return userDomainName;
  }

  @DataBoundSetter
  public void setUserDomainName(String userDomainName) {
    this.userDomainName = trim(userDomainName);
  }

  public String getProjectDomainName() {
    return projectDomainName;
  }

  @DataBoundSetter
  public void setProjectDomainName(String projectDomainName) {
    this.projectDomainName = trim(projectDomainName);
  }

  public String getRegion() {
    return region;
  }

  @DataBoundSetter
  public void setRegion(String region) {
    this.region = trim(region);
  }

  public String getNetworkId() {
    return networkId;
  }

  @DataBoundSetter
  public void setNetworkId(String networkId) {
    this.networkId = trim(networkId);
  }

  public String getKeyName() {
    return keyName;
  }

  @DataBoundSetter
  public void setKeyName(String keyName) {
    this.keyName = trim(keyName);
  }

  public String getSecurityGroups() {
    return securityGroups;
  }

  @DataBoundSetter
  public void setSecurityGroups(String securityGroups) {
    this.securityGroups = trim(securityGroups);
  }

  public String getAvailabilityZone() {
    return availabilityZone;
  }

  @DataBoundSetter
  public void setAvailabilityZone(String availabilityZone) {
    this.availabilityZone = trim(availabilityZone);
  }

  @Override
  public String type() {
    return "openstack";
  }

  @Override
  Map<String, String> plainSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("authUrl", authUrl);
    s.put("projectName", projectName);
    s.put("projectId", projectId);
    s.put("userDomainName", userDomainName);
    s.put("projectDomainName", projectDomainName);
    s.put("region", region);
    s.put("networkId", networkId);
    s.put("keyName", keyName);
    s.put("securityGroups", securityGroups);
    s.put("availabilityZone", availabilityZone);
    return s;
  }

  @Override
  String usernameKey() {
    return "username";
  }

  @Override
  String passwordKey() {
    return "passwordRef";
  }

  /** The form of this kind and its Test connection. */
  @Extension
  @Symbol("openstack")
  public static final class DescriptorImpl extends KindDescriptor {

    @Override
    public String getDisplayName() {
      return "OpenStack";
    }

    /** Checks the settings, then lists this Jenkins' machines: says what is wrong in words. */
    @POST
    public FormValidation doTestConnection(
        @QueryParameter String authUrl,
        @QueryParameter String projectName,
        @QueryParameter String projectId,
        @QueryParameter String userDomainName,
        @QueryParameter String projectDomainName,
        @QueryParameter String region,
        @QueryParameter String networkId,
        @QueryParameter String keyName,
        @QueryParameter String securityGroups,
        @QueryParameter String availabilityZone,
        @QueryParameter String credentialsId) {
      OpenStackProvider provider = new OpenStackProvider(authUrl);
      provider.setProjectName(projectName);
      provider.setProjectId(projectId);
      provider.setUserDomainName(userDomainName);
      provider.setProjectDomainName(projectDomainName);
      provider.setRegion(region);
      provider.setNetworkId(networkId);
      provider.setKeyName(keyName);
      provider.setSecurityGroups(securityGroups);
      provider.setAvailabilityZone(availabilityZone);
      provider.setCredentialsId(credentialsId);
      return test(provider);
    }
  }
}
