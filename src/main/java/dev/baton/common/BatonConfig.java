package dev.baton.common;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Baton's own settings, from application.properties and the environment. */
@ConfigMapping(prefix = "baton")
public interface BatonConfig {

  /** BATON_BOOTSTRAP_ADMIN_KEY: the first admin key. */
  Optional<String> bootstrapAdminKey();
}
