package io.jenkins.plugins.containercloud.plugin.pools;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.testing.Testbed;
import org.junit.jupiter.api.Test;

/**
 * Tests for the providers' Test connection: a real listing call against the testbed's EC2 (moto),
 * and settings or credentials that cannot work, told in words with no secret in them.
 */
class ProviderConnectionTestTest {

  private static final String SECRET = "wJalrXUtnFEMI-secret-value";

  private final CredentialResolver credentials =
      TestCredentials.resolver(
          TestCredentials.usernamePassword("aws", "AKIAIOSFODNN7EXAMPLE", SECRET),
          TestCredentials.secretText("token", SECRET));

  private static String text(FormValidation validation) {
    return validation.toString();
  }

  @Test
  void ec2_listsTheMachines_onTheTestbedsEc2() {
    Ec2Provider ec2 = new Ec2Provider("us-east-1");
    ec2.setEndpoint(Testbed.require("TESTBED_EC2_ENDPOINT"));
    ec2.setCredentialsId("aws");

    FormValidation result = ProviderConnectionTest.run(ec2, credentials);

    assertThat(text(result))
        .startsWith("OK: Connected to ec2: the machines could be listed (0 of a test pool)");
  }

  @Test
  void anUnreachableEndpoint_isAnError_withoutTheSecret() {
    Ec2Provider ec2 = new Ec2Provider("us-east-1");
    // A closed port on the loopback: nothing listens there.
    ec2.setEndpoint("http://127.0.0.1:9");
    ec2.setCredentialsId("aws");

    String result = text(ProviderConnectionTest.run(ec2, credentials));

    assertThat(result).startsWith("ERROR: ").doesNotContain(SECRET);
  }

  @Test
  void wrongSettingsOrCredentials_areToldInWords() {
    Ec2Provider ec2 = new Ec2Provider("us-east-1");
    ec2.setCredentialsId("token");
    assertThat(text(ProviderConnectionTest.run(ec2, credentials)))
        .isEqualTo(
            "ERROR: credentialsId: the credentials &#039;token&#039; are not a username with"
                + " password (the access key id and its secret); choose credentials that are");

    QingCloudProvider qingcloud = new QingCloudProvider(null);
    qingcloud.setCredentialsId("aws");
    assertThat(text(ProviderConnectionTest.run(qingcloud, credentials)))
        .startsWith("ERROR: provider qingcloud: the setting zone is required");

    OpenStackProvider openstack = new OpenStackProvider("keystone.example.com");
    openstack.setCredentialsId("aws");
    openstack.setProjectName("ci");
    assertThat(text(ProviderConnectionTest.run(openstack, credentials)))
        .startsWith("ERROR: provider openstack: authUrl must be an http(s) URL of Keystone v3");

    Ec2Provider missing = new Ec2Provider("us-east-1");
    missing.setCredentialsId("gone");
    assertThat(text(ProviderConnectionTest.run(missing, credentials)))
        .startsWith("ERROR: credentialsId: no credentials with id &#039;gone&#039;");
  }
}
