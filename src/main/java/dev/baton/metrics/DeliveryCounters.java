package dev.baton.metrics;

import dev.baton.webhook.DeliveryAttempted;
import dev.baton.webhook.DeliveryAttempted.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code baton_webhook_deliveries_total{outcome}}: the attempts the dispatcher made, by what came
 * of them. Each of the four series is there from the start, at 0.
 */
@Startup
@ApplicationScoped
public class DeliveryCounters {

  private final Map<Outcome, Counter> counters;

  public DeliveryCounters(MeterRegistry registry) {
    counters =
        Arrays.stream(Outcome.values())
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    outcome ->
                        Counter.builder("baton.webhook.deliveries")
                            .description(
                                "Webhook delivery attempts, by outcome: succeeded, retrying (a"
                                    + " retry is scheduled), failed (given up), gone (410)")
                            .tag("outcome", outcome.label())
                            .register(registry)));
  }

  void count(@Observes DeliveryAttempted attempt) {
    counters.get(attempt.outcome()).increment();
  }
}
