package dev.baton.testing;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Puts Baton's clock back to the real time after every {@code @QuarkusTest} method. */
public class ResetClock implements QuarkusTestAfterEachCallback {

  @Override
  public void afterEach(QuarkusTestMethodContext context) {
    if (Arc.container() != null) {
      Arc.container().instance(TestClock.class).get().reset();
    }
  }
}
