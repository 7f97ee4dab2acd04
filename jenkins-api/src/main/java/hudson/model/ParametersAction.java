package hudson.model;

import hudson.model.labels.LabelAssignmentAction;
import java.util.Iterator;
import java.util.List;
import jenkins.model.RunAction2;

/** Compile-only declaration of Jenkins' {@code ParametersAction}; see jenkins-api/README.md. */
public class ParametersAction
    implements RunAction2,
        Iterable<ParameterValue>,
        Queue.QueueAction,
        EnvironmentContributingAction,
        LabelAssignmentAction {

  private final List<ParameterValue> parameters;

  public ParametersAction(List<ParameterValue> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  public ParametersAction(ParameterValue... parameters) {
    this(List.of(parameters));
  }

  // The six below are required of a concrete action that is iterable; Jenkins' declares them too.
  @Override
  public Iterator<ParameterValue> iterator() {
    return parameters.iterator();
  }

  @Override
  public String getIconFileName() {
    throw new UnsupportedOperationException(
        "ParametersAction.getIconFileName runs only inside Jenkins");
  }

  @Override
  public String getDisplayName() {
    throw new UnsupportedOperationException(
        "ParametersAction.getDisplayName runs only inside Jenkins");
  }

  @Override
  public String getUrlName() {
    throw new UnsupportedOperationException("ParametersAction.getUrlName runs only inside Jenkins");
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    throw new UnsupportedOperationException("ParametersAction.onAttached runs only inside Jenkins");
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    throw new UnsupportedOperationException("ParametersAction.onLoad runs only inside Jenkins");
  }
}
