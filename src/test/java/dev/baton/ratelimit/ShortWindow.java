package dev.baton.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The rate-limit tests' profile: short windows, so that a reset can be waited for; each key gets a
 * small quota of its own.
 */
public class ShortWindow implements QuarkusTestProfile {

  static final int DEFAULT_QUOTA = 1000;
  static final int WINDOW = 5;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "baton.rate-limit.window",
        WINDOW + "S",
        "baton.rate-limit.requests-per-window",
        Integer.toString(DEFAULT_QUOTA));
  }
}
