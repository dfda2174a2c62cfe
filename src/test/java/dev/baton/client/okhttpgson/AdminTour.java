package dev.baton.client.okhttpgson;

import static dev.baton.client.okhttpgson.Clients.admin;
import static dev.baton.client.okhttpgson.Clients.as;
import static dev.baton.client.okhttpgson.Clients.refused;
import static dev.baton.client.okhttpgson.Clients.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.gson.api.ApiKeysApi;
import dev.baton.client.gson.api.RejectionReasonsApi;
import dev.baton.client.gson.api.SlaPolicyApi;
import dev.baton.client.gson.model.Accountable;
import dev.baton.client.gson.model.ApiKey;
import dev.baton.client.gson.model.ApiKeyPage;
import dev.baton.client.gson.model.CreatedApiKey;
import dev.baton.client.gson.model.NewApiKey;
import dev.baton.client.gson.model.NewRejectionReason;
import dev.baton.client.gson.model.Problem;
import dev.baton.client.gson.model.RejectionReason;
import dev.baton.client.gson.model.Role;
import dev.baton.client.gson.model.SegmentTargets;
import dev.baton.client.gson.model.SlaPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** API keys, the rejection reason catalog and the SLA policy through the okhttp-gson client. */
interface AdminTour {

  @Test
  default void anAdminCreatesReadsListsAndRevokesAKey() throws Exception {
    ApiKeysApi keys = new ApiKeysApi(admin());
    CreatedApiKey created =
        keys.createApiKey(
            new NewApiKey().name("crm-" + UUID.randomUUID()).role(Role.ANALYST).rateLimit(600),
            null);
    assertTrue(created.getKey().startsWith(created.getPrefix()), created.getPrefix());
    assertEquals(600, created.getRateLimit());
    ApiKey read = keys.getApiKey(created.getId());
    assertEquals(created.getName(), read.getName());
    assertNull(read.getRevokedAt());
    assertTrue(allKeys(keys).contains(created.getId()));

    ApiKey revoked = keys.revokeApiKey(created.getId());
    assertNotNull(revoked.getRevokedAt());
    Problem unauthorized =
        refused(
            401,
            () -> new RejectionReasonsApi(withKey(created.getKey())).listRejectionReasons(null));
    assertEquals("urn:baton:problem:unauthorized", unauthorized.getType());
    assertEquals(
        "urn:baton:problem:unauthorized",
        refused(401, () -> new SlaPolicyApi(withKey(created.getKey())).getSlaPolicy()).getType());
  }

  @Test
  default void keysAreForAdminsOnlyAndAKeyNeedsARole() {
    ApiKeysApi asMarketing = new ApiKeysApi(as(Role.MARKETING));
    NewApiKey key = new NewApiKey().name("crm").role(Role.ADMIN);
    assertEquals(
        "urn:baton:problem:forbidden",
        refused(403, () -> asMarketing.createApiKey(key, null)).getType());
    assertEquals(
        "urn:baton:problem:forbidden",
        refused(403, () -> asMarketing.listApiKeys(null, null)).getType());

    ApiKeysApi keys = new ApiKeysApi(admin());
    Problem noRole = refused(400, () -> keys.createApiKey(new NewApiKey().name("crm"), null));
    assertEquals("role", noRole.getErrors().get(0).getField());
    UUID unknown = UUID.randomUUID();
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> keys.getApiKey(unknown)).getType());
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> keys.revokeApiKey(unknown)).getType());
  }

  @Test
  default void anAdminAddsARejectionReasonAndTurnsItOffAndOn() throws Exception {
    RejectionReasonsApi reasons = new RejectionReasonsApi(admin());
    String code = "TOUR_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    NewRejectionReason reason =
        new NewRejectionReason()
            .code(code)
            .label("Wrong language")
            .accountable(Accountable.MARKETING);
    RejectionReason created = reasons.createRejectionReason(reason, null);
    assertEquals(code, created.getCode());
    assertTrue(created.getActive());
    assertEquals(
        "urn:baton:problem:reason-exists",
        refused(409, () -> reasons.createRejectionReason(reason, null)).getType());

    assertEquals(false, reasons.deactivateRejectionReason(code, null).getActive());
    assertEquals(false, reasons.getRejectionReason(code).getActive());
    assertTrue(
        new RejectionReasonsApi(as(Role.SALES))
            .listRejectionReasons(true).getData().stream()
                .noneMatch(r -> r.getCode().equals(code)));
    assertEquals(true, reasons.activateRejectionReason(code, null).getActive());
    RejectionReason notIcp =
        reasons.listRejectionReasons(null).getData().stream()
            .filter(r -> r.getCode().equals("NOT_ICP"))
            .findFirst()
            .orElseThrow();
    assertEquals(Accountable.MARKETING, notIcp.getAccountable());

    for (Executable call :
        List.<Executable>of(
            () -> reasons.getRejectionReason("NO_SUCH_CODE"),
            () -> reasons.activateRejectionReason("NO_SUCH_CODE", null),
            () -> reasons.deactivateRejectionReason("NO_SUCH_CODE", null))) {
      assertEquals("urn:baton:problem:not-found", refused(404, call).getType());
    }
  }

  @Test
  default void anAdminReplacesTheSlaPolicyAndAnInvalidOneIsRefused() throws Exception {
    SlaPolicyApi sla = new SlaPolicyApi(admin());
    SlaPolicy current = new SlaPolicyApi(as(Role.ANALYST)).getSlaPolicy();
    List<SegmentTargets> segments = new ArrayList<>(current.getSegments());
    segments.add(new SegmentTargets().segment("tour-" + UUID.randomUUID()).acceptanceHours(4));
    try {
      SlaPolicy replaced = sla.replaceSlaPolicy(policy(current).segments(segments));
      assertEquals(current.getAcceptanceHours(), replaced.getAcceptanceHours());
      assertEquals(4, replaced.getSegments().get(segments.size() - 1).getAcceptanceHours());
      assertNotNull(replaced.getUpdatedAt());
      assertEquals(segments.size(), sla.getSlaPolicy().getSegments().size());
    } finally {
      sla.replaceSlaPolicy(policy(current)); // other tests expect the policy they know
    }

    Problem invalid = refused(400, () -> sla.replaceSlaPolicy(new SlaPolicy().acceptanceHours(0)));
    assertEquals("acceptanceHours", invalid.getErrors().get(0).getField());
  }

  /** The policy's targets, without what the server sets (updatedAt, updatedBy). */
  private static SlaPolicy policy(SlaPolicy read) {
    return new SlaPolicy()
        .acceptanceHours(read.getAcceptanceHours())
        .qualifiedLeadsPerMonth(read.getQualifiedLeadsPerMonth())
        .minAcceptanceRate(read.getMinAcceptanceRate())
        .segments(read.getSegments());
  }

  private static List<UUID> allKeys(ApiKeysApi keys) throws Exception {
    List<UUID> ids = new ArrayList<>();
    String cursor = null;
    do {
      ApiKeyPage page = keys.listApiKeys(cursor, 200);
      page.getData().forEach(k -> ids.add(k.getId()));
      cursor = page.getNextCursor();
    } while (cursor != null);
    return ids;
  }
}
