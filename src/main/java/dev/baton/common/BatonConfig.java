package dev.baton.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Baton's own settings, from application.properties and the environment. */
@ConfigMapping(prefix = "baton")
public interface BatonConfig {

  /** BATON_BOOTSTRAP_ADMIN_KEY: the first admin key. */
  Optional<String> bootstrapAdminKey();

  /** BATON_MAX_BODY_SIZE: the largest request body accepted (1M by default). */
  MemorySize maxBodySize();
}
