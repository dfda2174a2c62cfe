package dev.baton.deploy;

import static dev.baton.deploy.Manifests.containerPort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests that `./mvnw package` generates in target/kubernetes/kubernetes.yml: every object
 * conforms to the Kubernetes schema of its kind, and the Deployment is one that survives production
 * (replicas, resources, probes, configuration by reference, graceful stop). {@link PodSecurityIT}
 * checks the security of its pod.
 */
class KubernetesManifestsIT {

  private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
  private static final Pattern SECRET_NAME =
      Pattern.compile("PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL", Pattern.CASE_INSENSITIVE);

  private static Manifests manifests;

  @BeforeAll
  static void readManifests() throws IOException {
    manifests = Manifests.read();
  }

  @Test
  void everyObjectConformsToTheSchemaOfItsKind() {
    List<String> problems = new ArrayList<>();
    for (JsonNode object : manifests.objects) {
      problems.addAll(KubernetesSchema.problems(object));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void atLeastTwoReplicasWithRequestsAndLimits() {
    JsonNode deployment = manifests.one("Deployment");
    assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "replicas");
    for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
      for (String bound : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          assertTrue(
              container.path("resources").path(bound).hasNonNull(resource),
              container.path("name").asText() + ": resources." + bound + "." + resource);
        }
      }
    }
  }

  @Test
  void probesAskLivenessReadinessAndStartupApart() {
    JsonNode container = manifests.baton();
    assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    // The database check is in readiness only: a database outage must not restart every replica.
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
  }

  @Test
  void operationsEndpointsAreOnTheManagementPortWhichTheServiceDoesNotPublish() {
    JsonNode container = manifests.baton();
    int management = containerPort(container, "management");
    int http = containerPort(container, "http");
    assertNotEquals(http, management);
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertEquals(management, container.at("/" + probe + "/httpGet/port").asInt(), probe);
    }
    JsonNode pod = manifests.one("Deployment").at("/spec/template/metadata/annotations");
    assertEquals(String.valueOf(management), pod.path("prometheus.io/port").asText());
    for (JsonNode port : manifests.one("Service").at("/spec/ports")) {
      assertNotEquals(management, port.path("targetPort").asInt(), "the Service publishes " + port);
    }
  }

  @Test
  void configurationAndSecretsComeFromReferences() {
    JsonNode container = manifests.baton();
    List<String> configMaps = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    for (JsonNode source : container.path("envFrom")) {
      if (source.has("configMapRef")) configMaps.add(source.at("/configMapRef/name").asText());
      if (source.has("secretRef")) secrets.add(source.at("/secretRef/name").asText());
    }
    assertEquals(List.of("baton-config"), configMaps);
    assertEquals(List.of("baton-secrets"), secrets);
  }

  @Test
  void noSecretIsWrittenInTheManifests() {
    for (JsonNode object : manifests.objects) {
      assertNotEquals("Secret", object.path("kind").asText(), "a Secret is made by the operator");
      for (JsonNode container : object.at("/spec/template/spec/containers")) {
        for (JsonNode variable : container.path("env")) {
          if (SECRET_NAME.matcher(variable.path("name").asText()).find()) {
            assertFalse(variable.has("value"), variable.path("name").asText() + " has a value");
          }
        }
      }
    }
  }

  @Test
  void aServiceAndADisruptionBudgetSelectThePods() {
    JsonNode podLabels = manifests.one("Deployment").at("/spec/template/metadata/labels");
    JsonNode service = manifests.one("Service");
    JsonNode budget = manifests.one("PodDisruptionBudget");
    assertEquals(1, budget.at("/spec/minAvailable").asInt());
    assertSelects(service.at("/spec/selector"), podLabels);
    assertSelects(budget.at("/spec/selector/matchLabels"), podLabels);
    assertEquals(
        containerPort(manifests.baton(), "http"), service.at("/spec/ports/0/targetPort").asInt());
  }

  @Test
  void thePodGetsLongerToStopThanBatonTakes() throws IOException {
    long grace =
        manifests
            .one("Deployment")
            .at("/spec/template/spec/terminationGracePeriodSeconds")
            .asLong();
    Duration shutdown = shutdownTimeout();
    assertTrue(
        grace > shutdown.toSeconds(),
        "terminationGracePeriodSeconds "
            + grace
            + " must exceed quarkus.shutdown.timeout "
            + shutdown);
  }

  /** The default of quarkus.shutdown.timeout: a plain duration or ${VARIABLE:default}. */
  private static Duration shutdownTimeout() throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
      properties.load(reader);
    }
    String value = properties.getProperty("quarkus.shutdown.timeout");
    assertTrue(value != null, "quarkus.shutdown.timeout is set");
    Matcher expression = Pattern.compile("\\$\\{[^:}]+:([^}]+)}").matcher(value.trim());
    String duration = (expression.matches() ? expression.group(1) : value).trim();
    return duration.startsWith("P")
        ? Duration.parse(duration)
        : Duration.parse("PT" + duration.toUpperCase(Locale.ROOT));
  }

  private static void assertSelects(JsonNode selector, JsonNode labels) {
    assertTrue(selector.size() > 0, "empty selector");
    selector
        .fields()
        .forEachRemaining(
            label ->
                assertEquals(
                    label.getValue().asText(),
                    labels.path(label.getKey()).asText(null),
                    "selector label " + label.getKey()));
  }
}
