/**
 * The Firefly (HTTP) source. Imports source, source.lorawan and below; no other source.
 */
package org.ttnlw.migrate.source.firefly;
