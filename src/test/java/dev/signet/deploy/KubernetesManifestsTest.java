package dev.signet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay under {@code k8s/overlays} renders with kubectl's kustomize and every rendered document is valid;
 * a broken document (unknown field, wrong type, missing required field) is refused. kubectl is required (CI has
 * it): without it the test fails, naming what it tried.
 */
class KubernetesManifestsTest {

    private final ManifestValidator validator = new ManifestValidator(System.getProperty("signet.kubectl", "kubectl"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedDocumentOfTheOverlayIsValid(String overlay) {
        List<JsonNode> documents = validator.render(Path.of("k8s/overlays", overlay));

        Set<String> kinds = documents.stream().map(doc -> doc.path("kind").asText()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment", "Service", "ConfigMap", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy")), kinds::toString);
        assertEquals(List.of(), documents.stream().flatMap(doc -> validator.problems(doc).stream()).toList());
    }

    @Test
    void prodHasTheTopicsOfTheApplicationAndItsDatabase() {
        List<JsonNode> documents = validator.render(Path.of("k8s/overlays/prod"));

        assertEquals(Set.of("signet.inbound", "signet.inbound.dead-letter", "signet.outbound",
                "signet.outbound.dead-letter"), names(documents, "KafkaTopic"));
        assertEquals(Set.of("signet-db"), names(documents, "Cluster"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        JsonNode deployment = deployment();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("imagePullPolice", "Always");

        List<String> problems = validator.problems(deployment);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("imagePullPolice"), problems::toString);
    }

    @Test
    void aWrongTypeIsRefused() {
        JsonNode listAsQuantity = deployment();
        ((ObjectNode) listAsQuantity.at("/spec/template/spec/containers/0/resources/requests")).putArray("memory");
        JsonNode wordAsNumber = deployment();
        ((ObjectNode) wordAsNumber.at("/spec/template/spec")).put("terminationGracePeriodSeconds", "forty");

        assertEquals(1, validator.problems(listAsQuantity).size(), () -> validator.problems(listAsQuantity).toString());
        assertEquals(1, validator.problems(wordAsNumber).size(), () -> validator.problems(wordAsNumber).toString());
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        JsonNode deployment = deployment();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).remove("name");

        assertEquals(List.of("apps/v1/Deployment signet: required field /spec/template/spec/containers/0/name is missing"),
                validator.problems(deployment));
    }

    @Test
    void operatorResourcesAreCheckedAgainstTheirSchemas() {
        List<JsonNode> documents = validator.render(Path.of("k8s/overlays/prod"));
        ObjectNode topic = first(documents, "KafkaTopic");
        ((ObjectNode) topic.get("spec")).put("partitions", "twelve");
        ((ObjectNode) topic.get("spec")).put("retention", 1);
        ObjectNode cluster = first(documents, "Cluster");
        ((ObjectNode) cluster.get("spec")).remove("instances");

        assertEquals(2, validator.problems(topic).size(), () -> validator.problems(topic).toString());
        List<String> clusterProblems = validator.problems(cluster);
        assertEquals(1, clusterProblems.size(), clusterProblems::toString);
        assertTrue(clusterProblems.get(0).contains("instances"), clusterProblems::toString);
    }

    @Test
    void aKindWithoutSchemaIsRefused() {
        ObjectNode job = (ObjectNode) deployment();
        job.put("apiVersion", "batch/v1").put("kind", "CronJob");

        List<String> problems = validator.problems(job);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("no schema"), problems::toString);
    }

    @Test
    void aMissingKubectlFailsWithAClearMessage() {
        ManifestValidator withoutKubectl = new ManifestValidator("/nonexistent/kubectl");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withoutKubectl.render(Path.of("k8s/overlays/dev")));
        assertTrue(e.getMessage().contains("kubectl is needed"), e::getMessage);
    }

    private JsonNode deployment() {
        return first(validator.render(Path.of("k8s/overlays/dev")), "Deployment");
    }

    private static ObjectNode first(List<JsonNode> documents, String kind) {
        return (ObjectNode) documents.stream().filter(doc -> doc.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow().deepCopy();
    }

    private static Set<String> names(List<JsonNode> documents, String kind) {
        return documents.stream().filter(doc -> doc.path("kind").asText().equals(kind))
                .map(doc -> doc.path("metadata").path("name").asText()).collect(Collectors.toSet());
    }
}
