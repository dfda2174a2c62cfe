package dev.baton.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a Kubernetes object against the schema of its apiVersion and kind, strictly: with the
 * models that the official Java client generates from the Kubernetes OpenAPI spec, an unknown
 * field, a missing required field or a value of the wrong type is a problem, as with kubeconform
 * -strict. A kind missing from the table is a problem too, not a pass.
 */
final class KubernetesSchema {

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1 ConfigMap", V1ConfigMap.class),
          Map.entry("v1 Secret", V1Secret.class),
          Map.entry("v1 Service", V1Service.class),
          Map.entry("v1 ServiceAccount", V1ServiceAccount.class),
          Map.entry("apps/v1 Deployment", V1Deployment.class),
          Map.entry("batch/v1 Job", V1Job.class),
          Map.entry("policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class),
          Map.entry("autoscaling/v1 HorizontalPodAutoscaler", V1HorizontalPodAutoscaler.class),
          Map.entry("autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
          Map.entry("networking.k8s.io/v1 Ingress", V1Ingress.class),
          Map.entry("networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class),
          Map.entry("rbac.authorization.k8s.io/v1 Role", V1Role.class),
          Map.entry("rbac.authorization.k8s.io/v1 RoleBinding", V1RoleBinding.class));

  private static final Gson GSON = JSON.getGson();

  private KubernetesSchema() {}

  /** What is wrong with the object; empty when it conforms. */
  static List<String> problems(JsonNode object) {
    String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
    Class<?> model = MODELS.get(type);
    if (model == null) {
      return List.of("no schema for " + type);
    }
    JsonElement given = JsonParser.parseString(object.toString());
    Object parsed;
    try {
      // The generated adapters refuse unknown and missing required fields at every level.
      parsed = GSON.fromJson(given, model);
    } catch (RuntimeException e) {
      // JsonParseException, IllegalArgumentException, or a ClassCastException where an object
      // stands for a list: the generated code refuses the object either way.
      return List.of(type + ": " + e);
    }
    // Gson reads "2" into an integer field; the schema does not: compare with what comes back.
    List<String> problems = new ArrayList<>();
    compare(given, GSON.toJsonTree(parsed), type, problems);
    return problems;
  }

  private static void compare(JsonElement given, JsonElement back, String at, List<String> out) {
    if (given.isJsonNull()) {
      return;
    }
    if (back == null || back.isJsonNull()) {
      out.add(at + ": not kept by the schema");
    } else if (given.isJsonObject()) {
      for (var field : given.getAsJsonObject().entrySet()) {
        compare(
            field.getValue(),
            back.getAsJsonObject().get(field.getKey()),
            at + "." + field.getKey(),
            out);
      }
    } else if (given.isJsonArray()) {
      for (int i = 0; i < given.getAsJsonArray().size(); i++) {
        compare(
            given.getAsJsonArray().get(i), back.getAsJsonArray().get(i), at + "[" + i + "]", out);
      }
    } else if (given.getAsJsonPrimitive().isString() && !isString(back)) {
      out.add(at + ": expected " + back + ", not the string " + given);
    } else if (given.getAsJsonPrimitive().isBoolean() && !back.getAsJsonPrimitive().isBoolean()) {
      out.add(at + ": expected a string, not " + given);
    }
  }

  private static boolean isString(JsonElement element) {
    return element.isJsonPrimitive() && ((JsonPrimitive) element).isString();
  }
}
