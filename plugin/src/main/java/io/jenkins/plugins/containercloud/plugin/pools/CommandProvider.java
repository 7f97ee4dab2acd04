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
 * Command: a program of the controller makes and ends machines (docs/autoscaling.md says what it is
 * given); no credentials.
 */
public final class CommandProvider extends PoolProvider {

  private final String command;
  private String timeout;

  @DataBoundConstructor
  public CommandProvider(String command) {
    this.command = trim(command);
  }

  public String getCommand() {
    return command;
  }

  public String getTimeout() {
    return timeout;
  }

  @DataBoundSetter
  public void setTimeout(String timeout) {
    this.timeout = trim(timeout);
  }

  /** None: the command has its own way to its IaaS. */
  @Override
  public String getCredentialsId() {
    return null;
  }

  @Override
  public String type() {
    return "command";
  }

  @Override
  Map<String, String> plainSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("command", command);
    s.put("timeout", timeout);
    return s;
  }

  @Override
  String usernameKey() {
    return null;
  }

  @Override
  String passwordKey() {
    return "secretRef";
  }

  /** The form of this kind and its Test connection. */
  @Extension
  @Symbol("command")
  public static final class DescriptorImpl extends KindDescriptor {

    @Override
    public String getDisplayName() {
      return "Command";
    }

    /** Checks the settings, then lists this Jenkins' machines: says what is wrong in words. */
    @POST
    public FormValidation doTestConnection(
        @QueryParameter String command, @QueryParameter String timeout) {
      CommandProvider provider = new CommandProvider(command);
      provider.setTimeout(timeout);
      return test(provider);
    }
  }
}
