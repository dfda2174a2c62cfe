package dev.baton.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema check that KubernetesManifestsIT relies on refuses what a cluster would refuse. */
class KubernetesSchemaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: baton
        labels: {app.kubernetes.io/name: baton}
      spec:
        replicas: 2
        selector:
          matchLabels: {app.kubernetes.io/name: baton}
        template:
          metadata:
            labels: {app.kubernetes.io/name: baton}
          spec:
            terminationGracePeriodSeconds: 45
            containers:
              - name: baton
                image: baton:1.0.0
                ports: [{containerPort: 8080, name: http}]
                resources:
                  limits: {cpu: 1000m, memory: 384Mi}
                readinessProbe:
                  httpGet: {path: /q/health/ready, port: 8080}
      """;

  @Test
  void aValidDeploymentPasses() throws Exception {
    assertEquals(List.of(), KubernetesSchema.problems(YAML.readTree(DEPLOYMENT)));
  }

  @Test
  void anUnknownFieldIsRefused() throws Exception {
    assertRefused(
        DEPLOYMENT.replace("terminationGracePeriodSeconds", "terminationGracePeriod"),
        "terminationGracePeriod");
  }

  @Test
  void anUnknownFieldDeepInsideIsRefused() throws Exception {
    assertRefused(DEPLOYMENT.replace("path: /q/health/ready", "url: /q/health/ready"), "url");
  }

  @Test
  void aMissingRequiredFieldIsRefused() throws Exception {
    assertRefused(DEPLOYMENT.replace("- name: baton\n", "- \n"), "name");
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() throws Exception {
    assertRefused(DEPLOYMENT.replace("replicas: 2", "replicas: two"), "\"two\"");
    assertRefused(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\""), "replicas");
    assertRefused(
        DEPLOYMENT.replace("[{containerPort: 8080, name: http}]", "{containerPort: 8080}"),
        "JsonArray");
  }

  @Test
  void aKindWithoutSchemaIsRefused() throws Exception {
    assertRefused(DEPLOYMENT.replace("apps/v1", "apps/v1beta1"), "no schema for apps/v1beta1");
    assertRefused(
        DEPLOYMENT.replace("apps/v1", "monitoring.coreos.com/v1").replace("Deployment", "X"),
        "no schema");
  }

  private static void assertRefused(String yaml, String mentioning) throws Exception {
    JsonNode object = YAML.readTree(yaml);
    List<String> problems = KubernetesSchema.problems(object);
    assertTrue(
        !problems.isEmpty() && problems.toString().contains(mentioning),
        "expected a problem mentioning '" + mentioning + "', got " + problems);
  }
}
