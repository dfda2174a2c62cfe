package dev.baton.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code baton_webhook_deliveries_total{outcome}}: the attempts {@link WebhookDispatcher} recorded,
 * by outcome, each series there from the start at 0.
 */
@Startup
@ApplicationScoped
public class DeliveryOutcomes {

  static final String SUCCEEDED = "succeeded";
  static final String RETRYING = "retrying";
  static final String FAILED = "failed";
  static final String GONE = "gone";

  private final Map<String, Counter> counters;

  public DeliveryOutcomes(MeterRegistry registry) {
    counters =
        List.of(SUCCEEDED, RETRYING, FAILED, GONE).stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    outcome ->
                        Counter.builder("baton.webhook.deliveries")
                            .description(
                                "Webhook delivery attempts, by outcome: succeeded, retrying (a"
                                    + " retry is scheduled), failed (given up), gone (410)")
                            .tag("outcome", outcome)
                            .register(registry)));
  }

  void count(String outcome) {
    counters.get(outcome).increment();
  }
}
