package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With production settings, URLs that lead inside are refused at subscription time. */
@QuarkusTest
@TestProfile(WebhookSsrfTest.ProductionUrls.class)
class WebhookSsrfTest {

  /** The production defaults: https only, the usual ports, public addresses only. */
  public static class ProductionUrls implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "baton.webhook.allow-private-networks", "false",
          "baton.webhook.any-port", "false",
          "baton.webhook.allow-http", "false");
    }
  }

  private final Hooks hooks = new Hooks();

  @Inject EntityManager em;
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void cleanUp() {
    hooks.deleteAll();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.215.14/",
        "http://example.com/hook",
        "https://127.0.0.1/",
        "https://127.1.2.3/",
        "https://localhost/",
        "https://2130706433/",
        "https://0177.0.0.1/",
        "https://127.000.000.001/",
        "https://0x7f000001/",
        "https://[::1]/",
        "https://[::ffff:127.0.0.1]/",
        "https://[::ffff:7f00:1]/",
        "https://[0:0:0:0:0:ffff:169.254.169.254]/",
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.1/",
        "https://192.168.1.1/",
        "https://172.16.0.1/",
        "https://172.31.255.254/",
        "https://100.64.0.1/",
        "https://0.0.0.0/",
        "https://224.0.0.1/",
        "https://[fc00::1]/",
        "https://[fd00:ec2::254]/",
        "https://[fe80::1]/",
        "https://[::]/",
        "https://user@127.0.0.1/",
        "https://user:pass@93.184.215.14/",
        "https://93.184.215.14@127.0.0.1/",
        "https://example.com:22/",
        "https://93.184.215.14:6379/",
        "ftp://93.184.215.14/",
        "file:///etc/passwd",
        "gopher://93.184.215.14/"
      })
  void aUrlLeadingInsideIsRefusedNamingUrl(String url) {
    as(As.MARKETING)
        .body(Map.of("url", url))
        .post(WEBHOOKS)
        .then()
        .statusCode(400)
        .body("type", endsWith(":validation-error"))
        .body("status", equalTo(400))
        .body("errors.field", hasItem("url"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://93.184.215.14/",
        "https://93.184.215.14/hooks/baton?x=1",
        "https://93.184.215.14:8443/",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"
      })
  void aPublicHttpsUrlIsAccepted(String url) {
    hooks.subscribe(url, null);
  }

  @Test
  void patchingToAnInsideUrlIsRefusedToo() {
    String id = hooks.subscribe("https://93.184.215.14/", null).getString("webhook.id");
    as(As.MARKETING)
        .body(Map.of("url", "https://169.254.169.254/latest/meta-data"))
        .patch(WEBHOOKS + "/" + id)
        .then()
        .statusCode(400)
        .body("type", endsWith(":validation-error"))
        .body("errors.field", hasItem("url"));
    as(As.MARKETING)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .body("url", equalTo("https://93.184.215.14/"));
  }

  /**
   * A host that passed the check at subscription time but now resolves inside (DNS rebinding) is
   * refused at connection time. Simulated by a subscription row whose URL already points at
   * loopback, as if its name had been re-pointed there after it was saved.
   */
  @Test
  void anAddressThatTurnedInternalIsRefusedAtConnectionTime() throws Exception {
    String id = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO webhook (id, owner_key_id, url, secret, state, created_at,"
                            + " updated_at) VALUES (CAST(?1 AS uuid), CAST(?2 AS uuid), ?3, ?4,"
                            + " 'ACTIVE', ?5, ?5)")
                    .setParameter(1, id)
                    .setParameter(2, UUID.randomUUID().toString())
                    .setParameter(3, receiver.url())
                    .setParameter(
                        4, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                    .setParameter(5, Instant.now())
                    .executeUpdate());
    hooks.track(id);

    as(As.ADMIN)
        .post(WEBHOOKS + "/" + id + "/test")
        .then()
        .statusCode(200)
        .body("success", equalTo(false))
        .body("statusCode", org.hamcrest.Matchers.nullValue())
        .body("error", org.hamcrest.Matchers.containsString("address refused"));

    String lead = Leads.leadIn("GENERATED");
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<Map<String, Object>> deliveries = List.of();
    while (System.nanoTime() < deadline) {
      deliveries =
          as(As.ADMIN)
              .get(WEBHOOKS + "/" + id + "/deliveries?limit=200")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("data");
      if (deliveries.stream()
          .anyMatch(d -> lead.equals(d.get("leadId")) && !Hooks.attempts(d).isEmpty())) {
        break;
      }
      Thread.sleep(200);
    }
    Map<String, Object> delivery =
        deliveries.stream().filter(d -> lead.equals(d.get("leadId"))).findFirst().orElseThrow();
    Map<String, Object> attempt = Hooks.attempts(delivery).get(0);
    org.junit.jupiter.api.Assertions.assertNull(attempt.get("statusCode"), attempt.toString());
    org.junit.jupiter.api.Assertions.assertTrue(
        String.valueOf(attempt.get("error")).contains("address refused"), attempt.toString());
    org.junit.jupiter.api.Assertions.assertEquals(List.of(), receiver.all());
  }
}
