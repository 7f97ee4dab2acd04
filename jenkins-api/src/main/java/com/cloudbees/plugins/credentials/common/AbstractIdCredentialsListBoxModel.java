package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Compile-only declaration of Jenkins' {@code AbstractIdCredentialsListBoxModel}; see
 * jenkins-api/README.md.
 */
@SuppressWarnings("rawtypes") // the credentials plugin takes a raw ItemGroup
public abstract class AbstractIdCredentialsListBoxModel<
        T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
    extends ListBoxModel {

  AbstractIdCredentialsListBoxModel() {}

  public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeEmptyValue runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication, Item context, Class<? extends C> type) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeAs runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication, ItemGroup context, Class<? extends C> type) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeAs runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication,
      Item context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeAs runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeAs(
      Authentication authentication,
      ItemGroup context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeAs runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
      Authentication authentication,
      Item context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeMatchingAs runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
      Authentication authentication,
      ItemGroup context,
      Class<? extends C> type,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeMatchingAs runs only inside Jenkins");
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
    throw new UnsupportedOperationException(
        "AbstractIdCredentialsListBoxModel.includeCurrentValue runs only inside Jenkins");
  }
}
