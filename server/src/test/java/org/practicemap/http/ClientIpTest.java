package org.practicemap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpTest {
  final ClientIp ips = new ClientIp(List.of("10.0.0.0/8", "::1"));

  @Test
  void forwardedForIsBelievedOnlyFromATrustedProxy() {
    assertEquals("203.0.113.5", ips.resolve("203.0.113.5", "1.2.3.4"));
    assertEquals("1.2.3.4", ips.resolve("10.1.2.3", "1.2.3.4"));
    assertEquals("1.2.3.4", ips.resolve("::1", "1.2.3.4"));
  }

  @Test
  void theRightmostUntrustedHopIsTheClient() {
    assertEquals("1.2.3.4", ips.resolve("10.0.0.1", "9.9.9.9, 1.2.3.4, 10.0.0.7"));
    assertEquals("10.0.0.9", ips.resolve("10.0.0.1", "10.0.0.9, 10.0.0.7"));
    assertEquals("10.0.0.1", ips.resolve("10.0.0.1", "garbage"));
    assertEquals("1.2.3.4", ips.resolve("10.0.0.1", "evil, 1.2.3.4"));
  }

  @Test
  void rangesMatchByPrefix() {
    IpRange range = IpRange.parse("192.168.16.0/20");
    assertTrue(range.contains("192.168.31.255"));
    assertFalse(range.contains("192.168.32.0"));
    assertFalse(range.contains("::1"));
    assertFalse(range.contains("example.com"));
    assertTrue(IpRange.parse("2001:db8::/32").contains("2001:db8::1"));
    assertFalse(IpRange.isValid("10.0.0.0/33"));
    assertFalse(IpRange.isValid("localhost"));
    assertFalse(IpRange.isValid("1.2.3"));
  }
}
