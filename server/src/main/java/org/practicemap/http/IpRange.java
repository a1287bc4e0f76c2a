package org.practicemap.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}), as {@code TRUSTED_PROXIES} lists
 * them. Only literal addresses are accepted: a host name would need a DNS lookup.
 */
public final class IpRange {
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefix;

  private IpRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /** Parses {@code address} or {@code address/prefix}; fails with IllegalArgumentException. */
  public static IpRange parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(text);
    }
    byte[] address = literal(parts[0]);
    if (address == null) {
      throw new IllegalArgumentException(text);
    }
    int bits = address.length * 8;
    int prefix = parts.length == 2 ? prefix(parts[1], bits, text) : bits;
    return new IpRange(address, prefix);
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether {@code address} (a literal) lies in this range; anything unparsable does not. */
  public boolean contains(String address) {
    byte[] bytes = literal(address);
    if (bytes == null || bytes.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    if (!Arrays.equals(bytes, 0, full, network, 0, full)) {
      return false;
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (bytes[full] & mask) == (network[full] & mask);
  }

  /** The bytes of a literal IPv4 or IPv6 address, or null; never a DNS lookup. */
  static byte[] literal(String text) {
    String address = text.trim();
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    if (address.isEmpty() || !LITERAL.matcher(address).matches()) {
      return null;
    }
    if (!address.contains(":") && address.split("\\.", -1).length != 4) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static int prefix(String text, int bits, String whole) {
    try {
      int prefix = Integer.parseInt(text);
      if (prefix >= 0 && prefix <= bits) {
        return prefix;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(whole);
  }
}
