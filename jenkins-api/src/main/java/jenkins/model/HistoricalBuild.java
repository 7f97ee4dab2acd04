package jenkins.model;

/** Compile-only declaration of Jenkins' {@code HistoricalBuild}; see jenkins-api/README.md. */
public interface HistoricalBuild extends FullyNamedModelObject {}
