/**
 * Items X sent that Signet can't take (missing author, unknown type, bad date…), kept alone with their raw JSON and
 * reason ({@code quarantine_entry}) so the cursor moves on; listed for admins and replayed in one click.
 */
package dev.signet.quarantine;
