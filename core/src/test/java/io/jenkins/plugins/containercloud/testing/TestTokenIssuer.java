package io.jenkins.plugins.containercloud.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token service for the testbed's token-auth registry: checks Basic credentials and issues JWTs
 * signed with the key whose certificate the registry trusts, granting what the scope asks.
 */
public final class TestTokenIssuer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final PrivateKey key;
  private final String certificateDer;
  private final String expectedAuthorization;
  private final AtomicInteger issued = new AtomicInteger();

  private TestTokenIssuer(String user, String password) throws Exception {
    this.key = readKey(Path.of(Testbed.require("TESTBED_TOKEN_KEY")));
    this.certificateDer = readCertificate(Path.of(Testbed.require("TESTBED_TOKEN_CERT")));
    this.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    int port = Integer.parseInt(Testbed.require("TESTBED_TOKEN_REALM_PORT"));
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    server.createContext("/token", this::handle);
    server.start();
  }

  /**
   * Starts the issuer on the realm port the registry names; only {@code user:password} gets tokens.
   */
  public static TestTokenIssuer start(String user, String password) throws Exception {
    return new TestTokenIssuer(user, password);
  }

  /** How many tokens were issued. */
  public int issuedTokens() {
    return issued.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!expectedAuthorization.equals(authorization)) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    List<String> scopes = new ArrayList<>();
    String query = exchange.getRequestURI().getRawQuery();
    String service = "";
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      if (kv[0].equals("scope")) {
        scopes.add(value);
      } else if (kv[0].equals("service")) {
        service = value;
      }
    }
    byte[] body;
    try {
      String token = sign(service, scopes);
      body =
          JSON.writeValueAsBytes(
              JSON.createObjectNode().put("token", token).put("expires_in", 300));
    } catch (Exception e) {
      throw new IOException("could not sign a token", e);
    }
    issued.incrementAndGet();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private String sign(String service, List<String> scopes) throws Exception {
    ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
    header.putArray("x5c").add(certificateDer);
    long now = Instant.now().getEpochSecond();
    ObjectNode claims =
        JSON.createObjectNode()
            .put("iss", Testbed.require("TESTBED_TOKEN_ISSUER"))
            .put("sub", "ci")
            .put("aud", service)
            .put("iat", now - 5)
            .put("nbf", now - 5)
            .put("exp", now + 300)
            .put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      if (parts.length == 3) {
        ObjectNode grant = access.addObject().put("type", parts[0]).put("name", parts[1]);
        ArrayNode actions = grant.putArray("actions");
        for (String action : parts[2].split(",")) {
          actions.add(action);
        }
      }
    }
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        url.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + url.encodeToString(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(signature.sign());
  }

  private static PrivateKey readKey(Path pem) throws Exception {
    String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String readCertificate(Path pem) throws Exception {
    try (var in = Files.newInputStream(pem)) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
