/**
 * Customer satisfaction surveys: whether a resolved conversation may be surveyed ({@code CsatRule}), the survey
 * and its answer ({@code CsatSurvey}, {@code CsatAnswer}), and which of a batch's messages answer one.
 * <p>
 * Owns {@code CsatSurvey} (table {@code csat_survey}) and {@code signet.care.csat.*}. Offers {@code CsatService}
 * (ask, answers awaited, answer received), {@code CsatView} and the CSAT API.
 */
package dev.signet.care.csat;
