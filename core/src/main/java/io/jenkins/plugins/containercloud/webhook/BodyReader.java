package io.jenkins.plugins.containercloud.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body once, as raw bytes, stopping at a cap so a huge body costs nothing. */
final class BodyReader {

  /** A body that went over the cap. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private BodyReader() {}

  /** At most {@code cap} bytes; {@link TooLarge} as soon as byte {@code cap + 1} arrives. */
  static byte[] read(InputStream in, int cap) throws IOException, TooLarge {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 16 * 1024));
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > cap) {
        throw new TooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
