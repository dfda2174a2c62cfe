package dev.baton.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Baton's own settings, from application.properties and the environment. */
@ConfigMapping(prefix = "baton")
public interface BatonConfig {

  /** BATON_BOOTSTRAP_ADMIN_KEY: the first admin key. */
  Optional<String> bootstrapAdminKey();

  /** BATON_MAX_BODY_SIZE: the largest request body accepted (1M by default). */
  MemorySize maxBodySize();

  Idempotency idempotency();

  Event event();

  Sla sla();

  interface Sla {
    /** BATON_SLA_CHECK_EVERY: how often each replica looks for breached acceptance deadlines. */
    Duration checkEvery();
  }

  interface Event {
    /** BATON_EVENT_RETENTION: how long events are kept (feed and histories); at least 90 days. */
    @WithDefault("P365D")
    Duration retention();
  }

  interface Idempotency {
    /** BATON_IDEMPOTENCY_RETENTION: how long an Idempotency-Key is remembered (24h by default). */
    @WithDefault("24H")
    Duration retention();
  }
}
