package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link QingCloudSigner} against the signatures QingCloud published: its signature page's
 * RunInstances example (zone pek3a, and the older page's pek1, also asserted by QingCloud's Go
 * SDK), and the Go SDK's {@code TestSigner0} (path without a trailing slash, no version).
 */
class QingCloudSignerTest {

  private static Map<String, String> runInstancesExample(String zone) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("count", "1");
    p.put("vxnets.1", "vxnet-0");
    p.put("zone", zone);
    p.put("instance_type", "small_b");
    p.put("signature_version", "1");
    p.put("signature_method", "HmacSHA256");
    p.put("instance_name", "demo");
    p.put("image_id", "centos64x86a");
    p.put("login_mode", "passwd");
    p.put("login_passwd", "QingCloud20130712");
    p.put("version", "1");
    p.put("access_key_id", "QYACCESSKEYIDEXAMPLE");
    p.put("action", "RunInstances");
    p.put("time_stamp", "2013-08-27T14:30:10Z");
    return p;
  }

  @Test
  void thePublishedRunInstancesExample_isReproducedByteForByte() {
    Map<String, String> params = runInstancesExample("pek3a");

    String toSign = QingCloudSigner.stringToSign("GET", "/iaas/", params);

    assertThat(toSign)
        .isEqualTo(
            "GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1"
                + "&image_id=centos64x86a&instance_name=demo&instance_type=small_b"
                + "&login_mode=passwd&login_passwd=QingCloud20130712&signature_method=HmacSHA256"
                + "&signature_version=1&time_stamp=2013-08-27T14%3A30%3A10Z&version=1"
                + "&vxnets.1=vxnet-0&zone=pek3a");
    assertThat(QingCloudSigner.signature("SECRETACCESSKEY", toSign))
        .isEqualTo("byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=");
    assertThat(QingCloudSigner.signedQuery("GET", "/iaas/", params, "SECRETACCESSKEY"))
        .endsWith("&zone=pek3a&signature=byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D");
  }

  @Test
  void theOlderPek1Example_andTheGoSdkVector_match() {
    assertThat(
            QingCloudSigner.signedQuery(
                "GET", "/iaas/", runInstancesExample("pek1"), "SECRETACCESSKEY"))
        .endsWith("&signature=32bseYy39DOlatuewpeuW5vpmW51sD1A%2FJdGynqSpP8%3D");

    Map<String, String> go = new LinkedHashMap<>();
    go.put("instance.0", "i-xxxxxxxx");
    go.put("action", "DescribeInstance");
    go.put("verbose", "1");
    go.put("access_key_id", "ENV_ACCESS_KEY_ID");
    go.put("signature_method", "HmacSHA256");
    go.put("signature_version", "1");
    go.put("time_stamp", "0001-01-01T00:00:00Z");
    assertThat(
            QingCloudSigner.signature(
                "ENV_SECRET_ACCESS_KEY", QingCloudSigner.stringToSign("GET", "/iaas", go)))
        .isEqualTo("ZHa2iQ8PeyP1ktMF9C+DjOQBl537ti9RnYZ1Qqr6KRg=");
  }

  @Test
  void spaces_utf8_andReservedCharacters_areEncodedAsTheSignaturePageSays() {
    assertThat(QingCloudSigner.percent("a b+c/d=é~-_.*"))
        .isEqualTo("a%20b%2Bc%2Fd%3D%C3%A9~-_.%2A");
    // Sorted by the final names, so vxnets.10 comes before vxnets.2.
    assertThat(QingCloudSigner.canonicalQuery(Map.of("vxnets.2", "b", "vxnets.10", "a")))
        .isEqualTo("vxnets.10=a&vxnets.2=b");
  }
}
