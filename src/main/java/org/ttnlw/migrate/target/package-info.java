/**
 * The TTS target: creates devices and gateways, verifies them by reading back, rolls back; it
 * implements the pipeline's Delivery. Imports pipeline and below.
 */
package org.ttnlw.migrate.target;
