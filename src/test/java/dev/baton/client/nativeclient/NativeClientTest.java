package dev.baton.client.nativeclient;

import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client that OpenAPI Generator makes from the committed openapi.yaml with its native
 * library (the JDK's HttpClient and Jackson), used as generated, drives every operation of the API
 * against the running application: each one answers it a success and a typed problem. The tours are
 * by feature.
 */
@QuarkusTest
class NativeClientTest
    implements LeadsTour,
        MovesTour,
        WebhooksTour,
        AdminTour,
        ReportsTour,
        RoutingTour,
        ExportsTour,
        ImportsTour {

  private static final AtomicInteger RAN = new AtomicInteger();

  @AfterEach
  void count() {
    RAN.incrementAndGet();
  }

  /** Once every tour has run (not when only some were selected), every operation was driven. */
  @AfterAll
  static void everyOperationAnsweredTheClientASuccessAndAProblem() {
    long tours =
        Arrays.stream(NativeClientTest.class.getMethods())
            .filter((Method m) -> m.isAnnotationPresent(Test.class))
            .count();
    if (RAN.get() == tours) {
      Clients.CALLS.assertEveryOperationAnsweredSuccessAndError();
    }
  }
}
