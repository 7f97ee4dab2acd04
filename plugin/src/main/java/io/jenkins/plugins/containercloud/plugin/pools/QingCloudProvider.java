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
 * QingCloud: instances in one zone; the credentials' username is the access key id, the password
 * its secret key.
 */
public final class QingCloudProvider extends SignedInProvider {

  private final String zone;
  private String endpoint;
  private String vxnet;
  private String securityGroup;
  private String loginKeypair;

  @DataBoundConstructor
  public QingCloudProvider(String zone) {
    this.zone = trim(zone);
  }

  public String getZone() {
    return zone;
  }

  public String getEndpoint() {
    return endpoint;
  }

  @DataBoundSetter
  public void setEndpoint(String endpoint) {
    this.endpoint = trim(endpoint);
  }

  public String getVxnet() {
    return vxnet;
  }

  @DataBoundSetter
  public void setVxnet(String vxnet) {
    this.vxnet = trim(vxnet);
  }

  public String getSecurityGroup() {
    return securityGroup;
  }

  @DataBoundSetter
  public void setSecurityGroup(String securityGroup) {
    this.securityGroup = trim(securityGroup);
  }

  public String getLoginKeypair() {
    return loginKeypair;
  }

  @DataBoundSetter
  public void setLoginKeypair(String loginKeypair) {
    this.loginKeypair = trim(loginKeypair);
  }

  @Override
  public String type() {
    return "qingcloud";
  }

  @Override
  Map<String, String> plainSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("zone", zone);
    s.put("endpoint", endpoint);
    s.put("vxnet", vxnet);
    s.put("securityGroup", securityGroup);
    s.put("loginKeypair", loginKeypair);
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
  @Symbol("qingcloud")
  public static final class DescriptorImpl extends KindDescriptor {

    @Override
    public String getDisplayName() {
      return "QingCloud";
    }

    /** Checks the settings, then lists this Jenkins' machines: says what is wrong in words. */
    @POST
    public FormValidation doTestConnection(
        @QueryParameter String zone,
        @QueryParameter String endpoint,
        @QueryParameter String vxnet,
        @QueryParameter String securityGroup,
        @QueryParameter String loginKeypair,
        @QueryParameter String credentialsId) {
      QingCloudProvider provider = new QingCloudProvider(zone);
      provider.setEndpoint(endpoint);
      provider.setVxnet(vxnet);
      provider.setSecurityGroup(securityGroup);
      provider.setLoginKeypair(loginKeypair);
      provider.setCredentialsId(credentialsId);
      return test(provider);
    }
  }
}
