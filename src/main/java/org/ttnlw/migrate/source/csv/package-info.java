/**
 * The CSV source: TTS's CSV import format, or any device sheet through a column map. Imports
 * source, source.lorawan and below; no other source.
 */
package org.ttnlw.migrate.source.csv;
