package io.jenkins.plugins.containercloud.scale;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Base64 form of a machine's user data, checked against the cloud's limit on that form. */
final class UserDataEncoding {

  private UserDataEncoding() {}

  /**
   * The Base64 of {@code userData}; when it is longer than {@code limit} characters, fails naming
   * {@code bootstrap.userData}, what the cloud accepts ({@code accepts}) and {@code fix}.
   */
  static String base64Within(String userData, int limit, String accepts, String fix) {
    String encoded = Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
    if (encoded.length() > limit) {
      throw new ProviderException(
          "UserDataTooLarge",
          ProviderException.Kind.INVALID,
          "bootstrap.userData: the rendered user data is "
              + encoded.length()
              + " characters in Base64; "
              + accepts
              + ": "
              + fix,
          null);
    }
    return encoded;
  }
}
