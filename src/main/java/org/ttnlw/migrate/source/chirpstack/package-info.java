/**
 * The ChirpStack v4 source: gRPC calls, mapping tables, device, gateway and settings mapping.
 * Imports source, source.lorawan and below; no other source.
 */
package org.ttnlw.migrate.source.chirpstack;
