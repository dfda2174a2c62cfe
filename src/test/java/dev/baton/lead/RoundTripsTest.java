package dev.baton.lead;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many times a request waits for PostgreSQL: the exchanges (Sync messages) the driver sends on
 * the request's thread, counted from its protocol log by the request's id. A round trip that sneaks
 * back into a handoff or a move fails here (DESIGN.md, "Round trips").
 */
@QuarkusTest
class RoundTripsTest {

  private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

  /** Counts the Sync messages sent for the request whose id is {@link #requestId}. */
  private final Handler syncs =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (" FE=> Sync".equals(record.getMessage())
              && record instanceof ExtLogRecord ext
              && requestId.equals(ext.getMdc("requestId"))) {
            exchanges.incrementAndGet();
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final AtomicInteger exchanges = new AtomicInteger();
  private String requestId = "";

  @BeforeEach
  void listen() {
    DRIVER.setUseParentHandlers(false);
    DRIVER.addHandler(syncs);
    DRIVER.setLevel(Level.FINEST);
  }

  @AfterEach
  void stop() {
    DRIVER.setLevel(null);
    DRIVER.removeHandler(syncs);
    DRIVER.setUseParentHandlers(true);
  }

  @Test
  void aHandoffWaitsForPostgreSqlThreeTimes() {
    assertEquals(
        3,
        fewest(
            As.MARKETING,
            call -> call.body(Leads.body(Leads.uniqueSource(), "GENERATED")).post(Leads.LEADS),
            201));
  }

  @Test
  void anAcceptAndAConvertWaitThreeTimesEach() {
    String[] leads = {
      Leads.leadIn("QUALIFIED"), Leads.leadIn("QUALIFIED"), Leads.leadIn("QUALIFIED")
    };
    AtomicInteger next = new AtomicInteger();
    assertEquals(
        3,
        fewest(
            As.ADMIN,
            call ->
                call.body(Map.of("owner", "jane@acme.com"))
                    .post(Leads.LEADS + "/" + leads[next.getAndIncrement()] + "/accept"),
            200));
    next.set(0);
    assertEquals(
        3,
        fewest(
            As.ADMIN,
            call ->
                call.body(Map.of())
                    .post(Leads.LEADS + "/" + leads[next.getAndIncrement()] + "/convert"),
            200));
  }

  @Test
  void aQualifyWaitsThreeTimesItsPoliciesBeingInMemory() {
    String[] leads = {
      Leads.leadIn("GENERATED"), Leads.leadIn("GENERATED"), Leads.leadIn("GENERATED")
    };
    AtomicInteger next = new AtomicInteger();
    assertEquals(
        3,
        fewest(
            As.ADMIN,
            call ->
                call.body(Map.of("score", 70))
                    .post(Leads.LEADS + "/" + leads[next.getAndIncrement()] + "/qualify"),
            200));
  }

  @Test
  void aPageOfTheListWaitsOnceWithTheExternalIdsOfItsLeads() {
    String source = Leads.uniqueSource();
    for (String system : List.of("hubspot", "salesforce")) {
      Map<String, Object> body = Leads.body(source, null);
      body.put(
          "externalRefs", List.of(Map.of("system", system, "id", UUID.randomUUID().toString())));
      Leads.handOff(body);
    }
    assertEquals(
        1, fewest(As.SALES, call -> call.queryParam("source", source).get(Leads.LEADS), 200));
    Api.as(As.SALES)
        .queryParam("source", source)
        .get(Leads.LEADS)
        .then()
        .body(
            "data.externalRefs.system",
            equalTo(List.of(List.of("hubspot"), List.of("salesforce"))));
  }

  /**
   * The fewest exchanges of three such requests: a connection's first use may add the driver's own
   * reads of type names, once per connection.
   */
  private int fewest(As who, Function<RequestSpecification, Response> request, int status) {
    int fewest = Integer.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      requestId = UUID.randomUUID().toString();
      exchanges.set(0);
      request.apply(Api.as(who).header("X-Request-Id", requestId)).then().statusCode(status);
      fewest = Math.min(fewest, exchanges.get());
    }
    return fewest;
  }
}
