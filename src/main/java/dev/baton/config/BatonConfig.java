package dev.baton.config;

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

  Webhook webhook();

  Metrics metrics();

  Batch batch();

  Imports imports();

  interface Imports {
    /** BATON_IMPORTS_MAX_SIZE: the largest file an import takes (50G by default). */
    @WithDefault("50G")
    MemorySize maxSize();

    /** BATON_IMPORTS_ROWS_PER_BATCH: rows each batch of an import writes in one transaction. */
    @WithDefault("1000")
    int rowsPerBatch();

    /**
     * BATON_IMPORTS_CLAIM: how long a replica's claim on a running job lasts without a batch
     * committed; past it, another replica resumes the job from its last checkpoint. An upload's
     * lease is ten times this per chunk stored: past it, the upload's job fails.
     */
    @WithDefault("60S")
    Duration claim();

    /** BATON_IMPORTS_CHECK_EVERY: how often each replica looks for import jobs to run. */
    @WithDefault("1S")
    Duration checkEvery();
  }

  interface Batch {
    /**
     * BATON_BATCH_CONCURRENCY: batches of leads one replica hands off at once (2 by default). A
     * batch holds a database connection and up to 500 leads for its whole run; more at once would
     * take the pool and the heap from every other request.
     */
    @WithDefault("2")
    int concurrency();

    /** BATON_BATCH_WAIT: how long a batch waits for its turn before it is answered 503 busy. */
    @WithDefault("30S")
    Duration waitAtMost();
  }

  interface Metrics {
    /**
     * BATON_METRICS_REFRESH_EVERY: how often each replica reads the gauges that come from the
     * database (feed lag, webhook backlog); a scrape never waits for the database.
     */
    @WithDefault("10S")
    Duration refreshEvery();
  }

  RateLimit rateLimit();

  interface RateLimit {
    /**
     * BATON_RATE_LIMIT_REQUESTS_PER_WINDOW: the requests an API key may make per window, unless the
     * key has its own quota; 0 turns rate limiting off.
     */
    @WithDefault("6000")
    int requestsPerWindow();

    /** BATON_RATE_LIMIT_WINDOW: the length of a window, in whole seconds (one minute). */
    @WithDefault("60S")
    Duration window();
  }

  interface Webhook {
    /** BATON_WEBHOOK_ALLOW_HTTP: accept http:// URLs besides https:// (never in production). */
    @WithDefault("false")
    boolean allowHttp();

    /** BATON_WEBHOOK_PORTS: the ports a webhook URL may name. */
    @WithDefault("443,80,8080,8443")
    java.util.List<Integer> ports();

    /** BATON_WEBHOOK_ANY_PORT: any port (tests, whose receivers listen on random ports). */
    @WithDefault("false")
    boolean anyPort();

    /**
     * BATON_WEBHOOK_ALLOW_PRIVATE_NETWORKS: deliver to loopback and private addresses too. Only for
     * tests and closed networks: it opens the door to server-side request forgery.
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** BATON_WEBHOOK_RETRY_SCHEDULE: the waits before each retry; after the last, it failed. */
    @WithDefault("5S,5M,30M,2H,5H,10H,14H,20H,24H")
    java.util.List<Duration> retrySchedule();

    /** BATON_WEBHOOK_DISPATCH_EVERY: how often each replica looks for deliveries due. */
    @WithDefault("1S")
    Duration dispatchEvery();

    /** BATON_WEBHOOK_TIMEOUT: how long a receiver has to answer. */
    @WithDefault("10S")
    Duration timeout();

    /** BATON_WEBHOOK_PAUSE_AFTER: a subscription failing for this long is paused. */
    @WithDefault("P5D")
    Duration pauseAfter();

    /** BATON_WEBHOOK_SECRET_OVERLAP: how long the previous secret still signs after a rotation. */
    @WithDefault("24H")
    Duration secretOverlap();
  }

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
