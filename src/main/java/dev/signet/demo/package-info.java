/**
 * The embedded default's demo: users, the CRM list, scripted scenes and generated insight, CSAT and SLA history. Uses
 * the other packages' APIs only; owns no table; refuses to run in production.
 */
package dev.signet.demo;
