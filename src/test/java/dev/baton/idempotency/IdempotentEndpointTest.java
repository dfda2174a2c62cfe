package dev.baton.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.idempotency.IdempotentInterceptor.Endpoint;
import jakarta.validation.Valid;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where {@link IdempotentInterceptor} finds the key and the body of an endpoint. */
class IdempotentEndpointTest {

  record Body(String name) {}

  static class Endpoints {

    @Idempotent(secret = "key")
    public Response create(
        @Valid Body body, @HeaderParam(Idempotent.HEADER) String key, UriInfo uri) {
      return null;
    }

    @Idempotent
    public Response move(
        @PathParam("id") String id,
        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
        Body body,
        @HeaderParam(Idempotent.HEADER) String key) {
      return null;
    }

    @Idempotent
    public Response rotate(@PathParam("id") String id, @HeaderParam(Idempotent.HEADER) String key) {
      return null;
    }

    @Idempotent
    public Response withoutKey(Body body) {
      return null;
    }

    @Idempotent
    public Response twoBodies(Body one, Body other, @HeaderParam(Idempotent.HEADER) String key) {
      return null;
    }

    @Idempotent
    public Body notAResponse(Body body, @HeaderParam(Idempotent.HEADER) String key) {
      return null;
    }
  }

  @Test
  void theBodyIsTheParameterNeitherAnnotatedForJaxRsNorAContext() {
    Endpoint create = endpoint("create");
    assertEquals(1, create.key());
    assertEquals(0, create.body());
    assertEquals(Body.class, create.type());
    assertEquals("key", create.secret());

    Endpoint move = endpoint("move");
    assertEquals(3, move.key());
    assertEquals(2, move.body());
    assertNull(move.secret());
  }

  @Test
  void anEndpointWithoutABodyHasNone() {
    Endpoint rotate = endpoint("rotate");
    assertEquals(1, rotate.key());
    assertEquals(-1, rotate.body());
  }

  @Test
  void anEndpointThatCannotBeRunSaysWhy() {
    assertTrue(refusal("withoutKey").contains("must declare @HeaderParam(Idempotent.HEADER)"));
    assertTrue(refusal("twoBodies").contains("two parameters that could be its body"));
    assertTrue(refusal("notAResponse").contains("must answer a Response"));
  }

  private static Endpoint endpoint(String name) {
    Method method = method(name);
    return Endpoint.of(method, method.getAnnotation(Idempotent.class));
  }

  private static String refusal(String name) {
    return assertThrows(IllegalStateException.class, () -> endpoint(name)).getMessage();
  }

  private static Method method(String name) {
    return Arrays.stream(Endpoints.class.getMethods())
        .filter(method -> method.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
