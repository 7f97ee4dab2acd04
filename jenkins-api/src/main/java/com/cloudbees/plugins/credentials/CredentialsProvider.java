package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;
import org.springframework.security.core.Authentication;

/** Compile-only declaration of Jenkins' {@code CredentialsProvider}; see jenkins-api/README.md. */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
    implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {

  private CredentialsProvider() {}

  public static <C extends Credentials> List<C> lookupCredentialsInItem(
      Class<C> type, Item item, Authentication authentication) {
    throw new UnsupportedOperationException(
        "CredentialsProvider.lookupCredentialsInItem runs only inside Jenkins");
  }

  public static <C extends Credentials> List<C> lookupCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException(
        "CredentialsProvider.lookupCredentialsInItem runs only inside Jenkins");
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run) {
    throw new UnsupportedOperationException(
        "CredentialsProvider.findCredentialById runs only inside Jenkins");
  }

  public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    throw new UnsupportedOperationException(
        "CredentialsProvider.listCredentialsInItem runs only inside Jenkins");
  }
}
