package dev.baton.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path accepts, for the {@code Allow} header that a 405 must carry (RFC 9110): the
 * framework refuses the method but does not say which ones would do. Read once from the resources'
 * JAX-RS annotations.
 */
final class AllowedMethods {

  private record Route(Pattern path, String method) {}

  private static volatile List<Route> routes;

  private AllowedMethods() {}

  static String forPath(String path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes()) {
      if (route.path().matcher(path).matches()) {
        allowed.add(route.method());
      }
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    if (!allowed.isEmpty()) {
      allowed.add("OPTIONS");
    }
    return String.join(", ", allowed);
  }

  private static List<Route> routes() {
    if (routes == null) {
      List<Route> found = new ArrayList<>();
      for (Bean<?> bean :
          Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
        Path base = bean.getBeanClass().getAnnotation(Path.class);
        if (base == null) {
          continue;
        }
        for (Method method : bean.getBeanClass().getMethods()) {
          String verb = verb(method);
          if (verb != null) {
            Path sub = method.getAnnotation(Path.class);
            String template = base.value() + (sub == null ? "" : "/" + sub.value());
            found.add(new Route(pattern(template), verb));
          }
        }
      }
      routes = found;
    }
    return routes;
  }

  private static String verb(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static Pattern pattern(String template) {
    String normalized = ("/" + template).replaceAll("/+", "/").replaceAll("/$", "");
    StringBuilder regex = new StringBuilder();
    for (String part : normalized.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex + "/?");
  }
}
