package dev.signet.channel.x;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import twitter4j.Authorization;
import twitter4j.OAuthAuthorization;

/**
 * OAuth 1.0a user-context signatures (HMAC-SHA1) made by Twitter4J's own signer, the one its v1.1 calls use, so
 * that the v2 client signs exactly as a client X has accepted for years.
 * <p>
 * Twitter4J 4.1.2 exposes the signer ({@link OAuthAuthorization#getAuthorizationHeader}) but keeps the request it
 * takes ({@code twitter4j.HttpRequest}, {@code HttpParameter}, {@code RequestMethod}) package-private. They are
 * reached by reflection once, when the connector is built: if a Twitter4J upgrade moves them, Signet fails at
 * start, not at the first reply.
 */
final class Twitter4jOAuthSigner {

    /** A request parameter, percent-decoded (query parameters, or form fields). */
    record Parameter(String name, String value) {
    }

    private final OAuthAuthorization authorization;
    private final Map<String, Object> requestMethods;
    private final Class<?> parameterClass;
    private final Constructor<?> newParameter;
    private final Constructor<?> newRequest;
    private final Method authorizationHeader;

    Twitter4jOAuthSigner(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
        this.authorization = OAuthAuthorization.newBuilder()
                .oAuthConsumer(consumerKey, consumerSecret)
                .oAuthAccessToken(accessToken, accessTokenSecret)
                .build();
        try {
            ClassLoader loader = OAuthAuthorization.class.getClassLoader();
            Class<?> methodClass = Class.forName("twitter4j.RequestMethod", true, loader);
            Class<?> requestClass = Class.forName("twitter4j.HttpRequest", true, loader);
            this.parameterClass = Class.forName("twitter4j.HttpParameter", true, loader);
            this.requestMethods = Map.of(
                    "GET", enumConstant(methodClass, "GET"),
                    "POST", enumConstant(methodClass, "POST"),
                    "DELETE", enumConstant(methodClass, "DELETE"),
                    "PUT", enumConstant(methodClass, "PUT"));
            this.newParameter = parameterClass.getDeclaredConstructor(String.class, String.class);
            this.newParameter.setAccessible(true);
            this.newRequest = requestClass.getDeclaredConstructor(methodClass, String.class, parameterClass.arrayType(),
                    Authorization.class, Map.class);
            this.newRequest.setAccessible(true);
            this.authorizationHeader = OAuthAuthorization.class.getMethod("getAuthorizationHeader", requestClass);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Twitter4J's OAuth signer is not where Signet expects it (Twitter4J 4.1.2): "
                    + e, e);
        }
    }

    /**
     * The {@code Authorization: OAuth …} header of a request.
     *
     * @param url        scheme, host, port and path, without the query
     * @param parameters the query parameters and form fields; none for a JSON body, which OAuth 1.0a does not sign
     */
    String authorizationHeader(String method, String url, List<Parameter> parameters) {
        Object requestMethod = requestMethods.get(method);
        if (requestMethod == null) {
            throw new IllegalArgumentException("Twitter4J does not sign " + method + " requests");
        }
        try {
            Object array = Array.newInstance(parameterClass, parameters.size());
            for (int i = 0; i < parameters.size(); i++) {
                Array.set(array, i, newParameter.newInstance(parameters.get(i).name(), parameters.get(i).value()));
            }
            Object request = newRequest.newInstance(requestMethod, url, array, authorization, Map.of());
            return (String) authorizationHeader.invoke(authorization, request);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Twitter4J could not sign the request: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Twitter4J's OAuth signer could not be called: " + e, e);
        }
    }

    private static Object enumConstant(Class<?> enumClass, String name) {
        for (Object constant : enumClass.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalStateException(enumClass.getName() + " has no constant " + name);
    }
}
