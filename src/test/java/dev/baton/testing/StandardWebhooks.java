package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Receiver.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies what a {@link Receiver} got as a Standard Webhooks receiver would: the v1 signatures of
 * the webhook-signature header, HMAC-SHA256 of id.timestamp.body with the subscription's secret,
 * and a timestamp close to now. Written here independently of Baton's code.
 */
public final class StandardWebhooks {

  private StandardWebhooks() {}

  /** The base64 v1 signatures carried by a webhook-signature header. */
  public static List<String> signatures(Message message) {
    assertTrue(message.signature() != null, "no webhook-signature header");
    List<String> all = new ArrayList<>();
    for (String part : message.signature().split(" ")) {
      assertTrue(part.startsWith("v1,"), "not a v1 signature: " + part);
      all.add(part.substring(3));
    }
    return all;
  }

  /** HMAC-SHA256 of id.timestamp.body keyed with the base64-decoded part after whsec_. */
  public static String expected(String secret, Message message) {
    assertTrue(secret.startsWith("whsec_"), secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      byte[] signed =
          mac.doFinal(
              (message.id() + "." + message.timestamp() + "." + message.body())
                  .getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signed);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** True when one of the message's signatures is the one {@code secret} makes. */
  public static boolean signedWith(String secret, Message message) {
    byte[] want = expected(secret, message).getBytes(StandardCharsets.US_ASCII);
    return signatures(message).stream()
        .anyMatch(s -> MessageDigest.isEqual(want, s.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Verifies a message as a Standard Webhooks receiver would, tolerating 5 minutes of skew. */
  public static void verify(String secret, Message message) {
    assertTrue(message.id() != null && !message.id().isBlank(), "no webhook-id");
    assertTrue(message.timestamp() != null, "no webhook-timestamp");
    long timestamp = Long.parseLong(message.timestamp());
    long now = Instant.now().getEpochSecond();
    assertTrue(Math.abs(now - timestamp) < 300, "webhook-timestamp too far from now: " + timestamp);
    assertTrue(signedWith(secret, message), "signature does not verify: " + message);
  }
}
