package dev.signet.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomize directory with {@code kubectl kustomize} and validates every document: the core kinds
 * against fabric8's typed Kubernetes model (generated from Kubernetes' OpenAPI), the operators' kinds (Strimzi's
 * {@code KafkaTopic}, CloudNativePG's {@code Cluster}) against JSON Schemas under {@code k8s-schemas/}.
 *
 * <p>fabric8's model keeps unknown fields in an "additional properties" map instead of refusing them; the
 * introspector below switches that off, so an unknown (or misspelt) field fails like a wrong type does. The model
 * knows no required fields, so {@link #REQUIRED} lists Kubernetes' own required fields (from its OpenAPI) for the
 * kinds we ship.
 */
final class ManifestValidator {

    private static final Map<String, Class<?>> TYPED = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final Map<String, String> SCHEMAS = Map.of(
            "kafka.strimzi.io/v1beta2/KafkaTopic", "k8s-schemas/strimzi-kafkatopic-v1beta2.json",
            "postgresql.cnpg.io/v1/Cluster", "k8s-schemas/cnpg-cluster-v1.json");

    /** Required fields of Kubernetes' OpenAPI for the typed kinds, as JSON pointers ({@code *}: every element). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "apps/v1/Deployment", List.of("/metadata/name", "/spec/selector", "/spec/template",
                    "/spec/template/spec/containers", "/spec/template/spec/containers/*/name"),
            "v1/Service", List.of("/metadata/name", "/spec/ports/*/port"),
            "v1/ConfigMap", List.of("/metadata/name"),
            "autoscaling/v2/HorizontalPodAutoscaler", List.of("/metadata/name", "/spec/scaleTargetRef/kind",
                    "/spec/scaleTargetRef/name", "/spec/maxReplicas", "/spec/metrics/*/type"),
            "policy/v1/PodDisruptionBudget", List.of("/metadata/name"),
            "networking.k8s.io/v1/NetworkPolicy", List.of("/metadata/name", "/spec/podSelector"));

    private final ObjectMapper strict = JsonMapper.builder()
            .annotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private final YAMLMapper yaml = new YAMLMapper();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final String kubectl;

    ManifestValidator(String kubectl) {
        this.kubectl = kubectl;
    }

    /** The documents {@code kubectl kustomize dir} renders; fails clearly when kubectl is missing or refuses. */
    List<JsonNode> render(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render k8s/ (tried '" + kubectl
                    + "'; set -Dsignet.kubectl=/path/to/kubectl): " + e.getMessage(), e);
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + text);
            }
            List<JsonNode> documents = new ArrayList<>();
            yaml.readValues(yaml.createParser(text), JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isNull()) {
                    documents.add(doc);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    /** What is wrong with one document, each line naming it; empty when it is valid. */
    List<String> problems(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String name = type + " " + document.path("metadata").path("name").asText("(no name)");
        List<String> problems = new ArrayList<>();
        if (TYPED.containsKey(type)) {
            try {
                strict.treeToValue(document, TYPED.get(type));
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            for (String pointer : REQUIRED.get(type)) {
                missing(document, pointer.substring(1).split("/"), 0, "").forEach(
                        path -> problems.add(name + ": required field " + path + " is missing"));
            }
        } else if (SCHEMAS.containsKey(type)) {
            for (ValidationMessage message : schema(SCHEMAS.get(type)).validate(document)) {
                problems.add(name + ": " + message.getMessage());
            }
        } else {
            problems.add(name + ": no schema for this kind; add one to ManifestValidator");
        }
        return problems;
    }

    private JsonSchema schema(String resource) {
        try (InputStream in = ManifestValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the test class path");
            }
            return schemas.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> missing(JsonNode node, String[] steps, int at, String path) {
        if (at == steps.length) {
            return List.of();
        }
        if (steps[at].equals("*")) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                missing.addAll(missing(node.get(i), steps, at + 1, path + "/" + i));
            }
            return missing;
        }
        JsonNode next = node.get(steps[at]);
        String here = path + "/" + steps[at];
        if (next == null || next.isNull()) {
            return List.of(here);
        }
        return missing(next, steps, at + 1, here);
    }

    /** Turns fabric8's catch-all {@code @JsonAnySetter} off, so that unknown fields are refused. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
