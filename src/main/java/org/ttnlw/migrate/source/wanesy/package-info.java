/**
 * The Kerlink Wanesy (CSV export) source. Imports source, source.lorawan and below; no other
 * source.
 */
package org.ttnlw.migrate.source.wanesy;
