package jenkins;

/** Compile-only declaration of Jenkins' {@code YesNoMaybe}; see jenkins-api/README.md. */
public enum YesNoMaybe {
  YES,
  NO,
  MAYBE;
}
