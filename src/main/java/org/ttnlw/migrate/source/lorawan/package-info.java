/**
 * What every non-TTS source shares: LoRaWAN and regional parameters versions, frequency plans,
 * TTS limits, bundled tables, hex values and the one CSV reader ({@code CsvFile}) of the
 * file-based sources. Imports core and source (and below) only.
 */
package org.ttnlw.migrate.source.lorawan;
