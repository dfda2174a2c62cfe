package dev.baton.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an {@link Idempotent} method under {@link Idempotency}: the method's whole body is the work.
 * It runs after Bean Validation ({@code PLATFORM_AFTER + 800}), so that a request refused as
 * invalid never claims its key, and has the key, the body and the secret from the method itself.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
class IdempotentInterceptor {

  private final Idempotency idempotency;
  private final ObjectMapper mapper;
  private final Map<Method, Endpoint> endpoints = new ConcurrentHashMap<>();

  IdempotentInterceptor(Idempotency idempotency, ObjectMapper mapper) {
    this.idempotency = idempotency;
    this.mapper = mapper;
  }

  @AroundInvoke
  Object run(InvocationContext invocation) {
    Endpoint endpoint =
        endpoints.computeIfAbsent(
            invocation.getMethod(),
            method -> Endpoint.of(method, invocation.getInterceptorBinding(Idempotent.class)));
    Object[] arguments = invocation.getParameters();
    return idempotency.run(
        (String) arguments[endpoint.key()],
        request(endpoint, arguments),
        () -> proceed(invocation),
        endpoint.secret());
  }

  /**
   * The bound body; a body left out is the same request as an empty one, {@code {}} (the moves
   * whose body is optional read it so).
   */
  private Object request(Endpoint endpoint, Object[] arguments) {
    if (endpoint.body() < 0) {
      return null;
    }
    Object body = arguments[endpoint.body()];
    return body != null ? body : mapper.convertValue(mapper.createObjectNode(), endpoint.type());
  }

  private static Response proceed(InvocationContext invocation) {
    try {
      return (Response) invocation.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Endpoints declare no checked exception; an interceptor below might.
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where an endpoint's parameters are: the key's index, the body's index (-1 without a body) and
   * type, and the member of the answer kept out of the stored one (null for none).
   */
  record Endpoint(int key, int body, Class<?> type, String secret) {

    static Endpoint of(Method method, Idempotent binding) {
      if (!Response.class.equals(method.getReturnType())) {
        throw invalid(method, "must answer a Response");
      }
      int key = -1;
      int body = -1;
      Annotation[][] annotations = method.getParameterAnnotations();
      for (int i = 0; i < annotations.length; i++) {
        if (isKey(annotations[i])) {
          key = i;
        } else if (isBody(method.getParameterTypes()[i], annotations[i])) {
          if (body >= 0) {
            throw invalid(method, "has two parameters that could be its body");
          }
          body = i;
        }
      }
      if (key < 0) {
        throw invalid(method, "must declare @HeaderParam(Idempotent.HEADER) String");
      }
      return new Endpoint(
          key,
          body,
          body < 0 ? null : method.getParameterTypes()[body],
          binding.secret().isEmpty() ? null : binding.secret());
    }

    private static boolean isKey(Annotation[] annotations) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof HeaderParam header && Idempotent.HEADER.equals(header.value())) {
          return true;
        }
      }
      return false;
    }

    /** JAX-RS binds the body to the parameter that is neither annotated for it nor a context. */
    private static boolean isBody(Class<?> type, Annotation[] annotations) {
      for (Annotation annotation : annotations) {
        if (isJaxRs(annotation.annotationType())) {
          return false;
        }
      }
      return !isJaxRs(type) && !type.getPackageName().startsWith("io.vertx");
    }

    private static boolean isJaxRs(Class<?> type) {
      return type.getPackageName().startsWith("jakarta.ws.rs")
          || type.getPackageName().startsWith("org.jboss.resteasy.reactive");
    }

    private static IllegalStateException invalid(Method method, String problem) {
      return new IllegalStateException(
          "@Idempotent "
              + method.getDeclaringClass().getSimpleName()
              + "."
              + method.getName()
              + " "
              + problem);
    }
  }
}
