package dev.baton.idempotency;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A POST that is safe to retry under an {@code Idempotency-Key}: its work runs once per key, in the
 * transaction that records its answer, and a retry gets that answer ({@link Idempotency}).
 *
 * <p>The method declares the header, {@code @HeaderParam(Idempotent.HEADER)}: the key is read from
 * that parameter, and it is what the OpenAPI document lists. The request whose fingerprint a retry
 * must match is the method's body parameter (none for a method without a body), and the method
 * answers a {@link jakarta.ws.rs.core.Response}. {@link IdempotentInterceptor} checks all three.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Idempotent {

  String HEADER = "Idempotency-Key";

  /**
   * A member of the answer that is shown only once, such as a new API key: kept out of the stored
   * answer, so that a replay omits it. Empty: the whole answer is stored.
   */
  @Nonbinding
  String secret() default "";
}
