package hudson.model;

/** Compile-only declaration of Jenkins' {@code Cause}; see jenkins-api/README.md. */
public abstract class Cause {

  public Cause() {}

  public abstract String getShortDescription();

  /** Compile-only declaration of Jenkins' {@code Cause.RemoteCause}; see jenkins-api/README.md. */
  public static class RemoteCause extends Cause {

    private final String addr;
    private final String note;

    public RemoteCause(String host, String note) {
      this.addr = host;
      this.note = note;
    }

    // Required of a concrete Cause; Jenkins' RemoteCause declares it too, with these messages.
    @Override
    public String getShortDescription() {
      return note == null
          ? "Started by remote host " + addr
          : "Started by remote host " + addr + " with note: " + note;
    }
  }
}
