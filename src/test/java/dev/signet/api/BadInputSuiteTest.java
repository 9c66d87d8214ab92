package dev.signet.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bad input over every API route, generated from the app's own OpenAPI document ({@code /q/openapi}), so a new
 * route is covered without touching this test: per JSON body, each field in turn gets a wrong type, huge and tiny
 * numbers, an overlong string, NUL and lone surrogates, and the whole body is sent empty, malformed, of the wrong
 * shape and too large; multipart routes get malformed multipart; integer query parameters get out-of-range values.
 * As an admin and as an agent, every answer must be a 4xx problem+json (a query parameter may also be accepted,
 * 2xx), never a 500, and the whole run stays well under a minute.
 */
@QuarkusTest
class BadInputSuiteTest {

    private static final String PROBLEM = "application/problem+json";
    /** Path parameters name nothing that exists: the routes must still read and refuse the body first or 404. */
    private static final String NO_ID = "987654321987";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Over the 1 MB body limit of JSON routes. */
    private static final byte[] HUGE = ("[" + "1,".repeat(700_000) + "1]").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();
    private final List<String> slow = new ArrayList<>();
    private int requests;

    @Test
    void everyRouteRefusesBadInputWithAProblemAndNeverA500() throws Exception {
        long started = System.nanoTime();
        TestWorld.Login admin = world.user(Role.ADMIN);
        JsonNode openapi = mapper.readTree(given().auth().preemptive().basic(admin.username(), admin.password())
                .accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<TestWorld.Login> logins = List.of(fastLogin(admin), fastLogin(world.agent()));
        int operations = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations++;
                for (TestWorld.Login login : logins) {
                    // Field by field as the admin (who may call everything); the agent gets the whole-body cases,
                    // which also prove that a route they may not use refuses with a problem.
                    exercise(openapi, login, login == logins.get(0), method.getKey(), path.getKey(), method.getValue());
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("bad-input suite: %d operations, %d requests, %d s; slow: %s%n", operations, requests, seconds, slow);
        assertTrue(operations > 20, "the OpenAPI document lists the API (" + operations + " operations)");
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " bad requests were not answered with a 4xx"
                + " problem:\n" + String.join("\n", failures));
    }

    /** Users made here log in with a cheap hash: hundreds of Basic logins at bcrypt's default cost take minutes. */
    private TestWorld.Login fastLogin(TestWorld.Login login) {
        String hash = BcryptUtil.bcryptHash(login.password(), 4);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update app_user set password_hash = ?1 where username = ?2")
                .setParameter(1, hash).setParameter(2, login.username()).executeUpdate());
        return login;
    }

    private void exercise(JsonNode openapi, TestWorld.Login login, boolean perField, String method, String template,
            JsonNode operation) {
        String path = template.replaceAll("\\{[^}]+}", NO_ID);
        for (JsonNode parameter : operation.path("parameters")) {
            if (perField && "query".equals(parameter.path("in").asText())) {
                String type = resolve(openapi, parameter.path("schema")).path("type").asText();
                List<String> values = "integer".equals(type) || "number".equals(type)
                        ? List.of("2147483647", "-2147483649", "99999999999999999999999", "1e999999999", "abc")
                        : List.of("x".repeat(1_500), "\u0000");
                for (String value : values) {
                    check(login, method, path, "query " + parameter.path("name").asText() + "=" + abbreviate(value), true,
                            spec(login).queryParam(parameter.path("name").asText(), value));
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
            check(login, method, path, "multipart without end", false, spec(login).config(EdgeInputTest.TEXT_MULTIPART)
                    .contentType("multipart/form-data; boundary=XyZ")
                    .body("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc"));
            check(login, method, path, "multipart without boundary", false,
                    spec(login).config(EdgeInputTest.TEXT_MULTIPART).contentType("multipart/form-data").body("abc"));
        }
        if (!content.has("application/json")) {
            if (operation.path("parameters").isEmpty() && content.isEmpty() && !"get".equals(method)) {
                check(login, method, path, "unknown id", false, spec(login));
            }
            return;
        }
        JsonNode schema = resolve(openapi, content.path("application/json").path("schema"));
        JsonNode baseline = sample(openapi, schema, 0);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty body", "");
        bodies.put("malformed JSON", "{\"a\":");
        bodies.put("wrong shape", schema.path("type").asText().equals("array") ? "{}" : "[1]");
        if (perField) {
            for (Map.Entry<String, JsonNode> bad : mutations(openapi, schema, baseline).entrySet()) {
                bodies.put(bad.getKey(), bad.getValue().toString());
            }
        }
        check(login, method, path, "huge body", false, spec(login).contentType("application/json").body(HUGE));
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            check(login, method, path, body.getKey(), false, spec(login).contentType("application/json")
                    .body(body.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    private RequestSpecification spec(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).redirects().follow(false);
    }

    private void check(TestWorld.Login login, String method, String path, String what, boolean mayAccept,
            RequestSpecification request) {
        requests++;
        long sent = System.nanoTime();
        Response response = request.request(method.toUpperCase(), path);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        if (millis > 2_000) {
            slow.add(method.toUpperCase() + " " + path + " [" + what + "] " + millis + " ms");
        }
        if (millis > 10_000) {
            // No single input may keep a worker busy: a 20 MB reply once ran the length check for minutes.
            failures.add(method.toUpperCase() + " " + path + " [" + what + "] took " + millis + " ms");
        }
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        boolean accepted = mayAccept && status < 400;
        boolean refused = status >= 400 && status < 500 && type.startsWith(PROBLEM);
        if (!accepted && !refused) {
            failures.add(login.username().replaceAll("-.*", "") + " " + method.toUpperCase() + " " + path + " [" + what
                    + "] -> " + status + " " + type + " " + abbreviate(response.asString()));
        }
    }

    /** A body that would pass the parser: strings "x", numbers 1, booleans true, one item per array. */
    private JsonNode sample(JsonNode openapi, JsonNode schema, int depth) {
        JsonNode s = resolve(openapi, schema);
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        if (depth > 4) {
            return JSON.nullNode();
        }
        switch (type) {
            case "object": {
                ObjectNode object = JSON.objectNode();
                s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(openapi, p.getValue(), depth + 1)));
                return object;
            }
            case "array": {
                ArrayNode array = JSON.arrayNode();
                array.add(sample(openapi, s.path("items"), depth + 1));
                return array;
            }
            case "integer":
                return JSON.numberNode(1);
            case "number":
                return JSON.numberNode(1);
            case "boolean":
                return JSON.booleanNode(true);
            default:
                return s.has("enum") ? s.path("enum").get(0) : JSON.textNode("x");
        }
    }

    /** The baseline with one field at a time made bad, named "field: what". */
    private Map<String, JsonNode> mutations(JsonNode openapi, JsonNode schema, JsonNode baseline) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        boolean array = baseline.isArray();
        JsonNode object = array ? baseline.get(0) : baseline;
        JsonNode properties = resolve(openapi, array ? resolve(openapi, schema).path("items") : schema).path("properties");
        if (!object.isObject()) {
            return bad;
        }
        properties.fields().forEachRemaining(field -> {
            String type = resolve(openapi, field.getValue()).path("type").asText("string");
            Map<String, JsonNode> values = new LinkedHashMap<>();
            values.put("wrong type (object)", JSON.objectNode().put("a", 1));
            if ("string".equals(type)) {
                values.put("a number for text", JSON.numberNode(123));
                values.put("overlong string", JSON.textNode("x".repeat(150_000)));
                values.put("NUL", JSON.textNode("a\u0000b"));
                values.put("lone surrogate", JSON.textNode("a\ud83d"));
            } else if ("integer".equals(type) || "number".equals(type)) {
                values.put("text for a number", JSON.textNode("twenty"));
                values.put("huge number", JSON.numberNode(new java.math.BigDecimal("1e999999999")));
                values.put("tiny number", JSON.numberNode(new java.math.BigDecimal("-1e-999999999")));
                values.put("above long", JSON.numberNode(new java.math.BigInteger("99999999999999999999999")));
            } else if ("boolean".equals(type)) {
                values.put("text for a boolean", JSON.textNode("maybe"));
            }
            values.forEach((what, value) -> {
                ObjectNode copy = ((ObjectNode) object).deepCopy();
                copy.set(field.getKey(), value);
                bad.put(field.getKey() + ": " + what, array ? JSON.arrayNode().add(copy) : copy);
            });
        });
        return bad;
    }

    private static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asText().replace("#/components/schemas/", "");
            s = openapi.path("components").path("schemas").path(ref);
        }
        if (s.has("allOf") && s.path("allOf").size() == 1) {
            return resolve(openapi, s.path("allOf").get(0));
        }
        if (s.has("oneOf") && s.path("oneOf").size() > 0) {
            return resolve(openapi, s.path("oneOf").get(0));
        }
        return s;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
