package dev.baton.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses count as public: only literals, so no DNS is involved. */
class WebhookUrlsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "192.0.2.10",
        "198.51.100.7",
        "203.0.113.200",
        "2002:7f00:1::1",
        "2002:a00:1::1",
        "127.255.255.254",
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "169.254.0.1",
        "100.64.0.1",
        "100.127.255.255",
        "192.0.0.8",
        "198.18.0.1",
        "198.19.255.255",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "fc00::1",
        "fd00:ec2::254",
        "ff02::1",
        "ff0e::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "::10.0.0.1",
        "64:ff9b::7f00:1",
        "2001:db8::1"
      })
  void internalAddressesAreNotPublic(String address) throws UnknownHostException {
    assertFalse(WebhookUrls.isPublic(literal(address)), address + " counted as public");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "8.8.8.8",
        "1.1.1.1",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "11.0.0.1",
        "192.169.0.1",
        "169.253.255.255",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2a00:1450:4001:81c::200e",
        "::ffff:8.8.8.8"
      })
  void publicAddressesArePublic(String address) throws UnknownHostException {
    assertTrue(WebhookUrls.isPublic(literal(address)), address + " counted as internal");
  }

  /** Only a literal address: getByName does no lookup for those. */
  private static InetAddress literal(String address) throws UnknownHostException {
    assertTrue(address.contains(":") || address.matches("[0-9.]+"), "not a literal: " + address);
    return InetAddress.getByName(address);
  }
}
