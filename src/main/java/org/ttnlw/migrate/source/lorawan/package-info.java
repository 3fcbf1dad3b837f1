/**
 * What every non-TTS source shares: LoRaWAN and regional parameters versions, frequency plans,
 * TTS limits, bundled tables. Imports core and source (and below) only.
 */
package org.ttnlw.migrate.source.lorawan;
