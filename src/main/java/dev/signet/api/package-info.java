/**
 * The HTTP edge every feature shares: RFC 9457 problem responses ({@code ProblemException} and its typed subclasses
 * in each package, rendered by {@code ProblemMappers} as problem+json for the API or a readable page), request size
 * and query limits ({@code ApiLimitsConfig}, {@code RequestSizeFilter}, {@code CleanQueryFilter}), strict JSON and
 * the text rules of Bean Validation ({@code CleanText}). Owns no table; depends on no feature.
 */
package dev.signet.api;
