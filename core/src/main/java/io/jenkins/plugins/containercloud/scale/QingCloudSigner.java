package io.jenkins.plugins.containercloud.scale;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * QingCloud's API signature (signature version 1, HmacSHA256) exactly as its documentation gives
 * it: every parameter but {@code signature}, sorted by name, names and values percent-encoded
 * (space as {@code %20}, upper-case hex, only {@code A-Z a-z 0-9 - _ . ~} left as they are), joined
 * with {@code &}; the string to sign is {@code METHOD\nPATH\nQUERY}; the signature is the Base64 of
 * its HMAC-SHA256 under the secret key, itself percent-encoded when appended to the URL.
 */
final class QingCloudSigner {

  private QingCloudSigner() {}

  /** The canonical query of {@code params} ({@code signature} left out), sorted by name. */
  static String canonicalQuery(Map<String, String> params) {
    SortedMap<String, String> sorted = new TreeMap<>(params);
    sorted.remove("signature");
    return sorted.entrySet().stream()
        .map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** What is signed: {@code method + "\n" + path + "\n" + canonical query}. */
  static String stringToSign(String method, String path, Map<String, String> params) {
    return method + "\n" + path + "\n" + canonicalQuery(params);
  }

  /** The Base64 HMAC-SHA256 of {@code stringToSign} under {@code secret} (not yet URL-encoded). */
  static String signature(String secret, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The full query to send: the canonical query with {@code &signature=...} appended last. */
  static String signedQuery(String method, String path, Map<String, String> params, String secret) {
    String query = canonicalQuery(params);
    return query + "&signature=" + percent(signature(secret, method + "\n" + path + "\n" + query));
  }

  /** RFC 3986 percent-encoding of the UTF-8 bytes, as QingCloud's signature page asks. */
  static String percent(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
