/**
 * TTS JSON files, the input of import and import-gateways. Imports source and below; no other
 * source.
 */
package org.ttnlw.migrate.source.json;
