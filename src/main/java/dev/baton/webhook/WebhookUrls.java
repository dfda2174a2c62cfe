package dev.baton.webhook;

import dev.baton.config.BatonConfig;
import dev.baton.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Guards against server-side request forgery: a webhook URL must be https (http only by
 * configuration), on an allowed port, without credentials, and every address its host resolves to
 * must be public. Checked when a subscription is saved, and again before each connection, whose
 * address is then the one checked (so a DNS answer that changes in between does not matter).
 */
@ApplicationScoped
public class WebhookUrls {

  private static final String CANONICAL_IPV4 =
      "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

  private final BatonConfig.Webhook config;

  public WebhookUrls(BatonConfig config) {
    this.config = config.webhook();
  }

  /** The URL if acceptable, else a 400 naming {@code field}. */
  URI check(String url, String field) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw ProblemException.invalid(field, "must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
      throw ProblemException.invalid(
          field, config.allowHttp() ? "must be an http or https URL" : "must be an https URL");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null || uri.getHost() == null) {
      throw ProblemException.invalid(field, "must name a host, without credentials");
    }
    if (uri.getRawFragment() != null) {
      throw ProblemException.invalid(field, "must not have a fragment");
    }
    if (uri.getHost().matches("[0-9.]+") && !uri.getHost().matches(CANONICAL_IPV4)) {
      // 0177.0.0.1 or 2130706433: read differently by different resolvers; say it plainly.
      throw ProblemException.invalid(field, "a numeric host must be a plain dotted IPv4 address");
    }
    int port = port(uri);
    if (!config.anyPort() && !config.ports().contains(port)) {
      throw ProblemException.invalid(
          field, "port " + port + " is not allowed; use " + config.ports());
    }
    resolve(uri, field);
    return uri;
  }

  /** The public address to connect to; a 400 naming {@code field} when there is none. */
  InetAddress resolve(URI uri, String field) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host(uri));
    } catch (UnknownHostException e) {
      throw ProblemException.invalid(field, "host '" + uri.getHost() + "' cannot be resolved");
    }
    for (InetAddress address : addresses) {
      if (!config.allowPrivateNetworks() && !isPublic(address)) {
        throw ProblemException.invalid(
            field, "resolves to a private, local or reserved address; only public hosts");
      }
    }
    return addresses[0];
  }

  static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String host(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  /** Not loopback, private, link-local (cloud metadata), unique-local, multicast or reserved. */
  static boolean isPublic(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      boolean mappedV4 = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean compatV4 = isZero(b, 0, 12);
      if (mappedV4 || (compatV4 && !v6.isLoopbackAddress() && !v6.isAnyLocalAddress())) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      int first = b[0] & 0xff;
      if (first == 0x20 && (b[1] & 0xff) == 0x02) {
        // 6to4: the IPv4 address it wraps decides.
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      boolean uniqueLocal = (first & 0xfe) == 0xfc;
      boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff;
      boolean documentation =
          first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
      return !(v6.isLoopbackAddress()
          || v6.isAnyLocalAddress()
          || v6.isLinkLocalAddress()
          || v6.isSiteLocalAddress()
          || v6.isMulticastAddress()
          || uniqueLocal
          || nat64
          || documentation);
    }
    byte[] b = ((Inet4Address) address).getAddress();
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    return !(address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress() // 169.254/16, cloud metadata
        || address.isSiteLocalAddress() // 10/8, 172.16/12, 192.168/16
        || address.isMulticastAddress()
        || a0 == 0
        || (a0 == 100 && a1 >= 64 && a1 < 128) // carrier-grade NAT
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 2) // documentation
        || (a0 == 198 && a1 == 51 && (b[2] & 0xff) == 100) // documentation
        || (a0 == 203 && a1 == 0 && (b[2] & 0xff) == 113) // documentation
        || a0 >= 240); // reserved, broadcast
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  List<Integer> ports() {
    return config.ports();
  }
}
