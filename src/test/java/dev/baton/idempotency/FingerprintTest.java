package dev.baton.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.lead.MoveRecords.ConvertLead;
import dev.baton.lead.MoveRecords.QualifyLead;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stored records hold fingerprints: a release that computed them otherwise would answer a retry
 * sent across the upgrade with 422. Each value below is the SHA-256 of the endpoint, a line feed
 * and the canonical JSON shown, as stored today.
 */
@QuarkusTest
class FingerprintTest {

  @Inject Fingerprint fingerprint;

  @Test
  void noBodyIsNull() {
    // "POST /api/v1/leads/1/qualify\nnull"
    assertEquals(
        "397652e857d9973b471f9ca1216ed6b3e531f2badb9c17ce1860a8f7f65b729a",
        fingerprint.of("POST /api/v1/leads/1/qualify", null));
  }

  @Test
  void absentMembersAreLeftOut() {
    // "POST /api/v1/leads/1/qualify\n{}"
    assertEquals(
        "52e82cdbfa2999d264262bc83a9ef01945eb9f451fc70cedb394fdaee098e9dd",
        fingerprint.of("POST /api/v1/leads/1/qualify", new QualifyLead(null, null)));
    // "POST /api/v1/leads/1/qualify\n{\"note\":\"warm\",\"score\":80}"
    assertEquals(
        "261d4e739f01e0c9fd3e482cdd21c15410a9b96e9db79fb22413b4606e635689",
        fingerprint.of("POST /api/v1/leads/1/qualify", new QualifyLead(80, "warm")));
  }

  @Test
  void decimalsKeepTheirScale() {
    // "POST
    // /api/v1/leads/1/convert\n{\"amount\":12000.00,\"currency\":\"EUR\",\"opportunityRef\":\"006\"}"
    assertEquals(
        "a9c3f1b22f2298d15c18be7c26841fad157ddb0516610dac00b3ffecf890e866",
        fingerprint.of(
            "POST /api/v1/leads/1/convert",
            new ConvertLead("006", new BigDecimal("12000.00"), "EUR", null)));
  }

  @Test
  void membersAreSortedAtEveryLevel() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("zeta", List.of(Map.of("b", 2, "a", "é😀"), 3));
    request.put("alpha", Map.of("y", true, "x", "v"));
    request.put("none", null);
    // "POST
    // /api/v1/leads\n{\"alpha\":{\"x\":\"v\",\"y\":true},\"zeta\":[{\"a\":\"é😀\",\"b\":2},3]}"
    assertEquals(
        "388dd5b1e54dfc1c73b6a1f5a851e565b27f128b0ce2ea90b163995c39009c8c",
        fingerprint.of("POST /api/v1/leads", request));
  }
}
