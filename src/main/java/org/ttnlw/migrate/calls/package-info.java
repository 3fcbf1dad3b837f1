/**
 * What every remote call shares: API keys and TLS trust, gRPC channels, the call limiter, and the
 * {@link org.ttnlw.migrate.calls.Retrier} every transport feeds with what its failures mean.
 * Imports core and json only.
 */
package org.ttnlw.migrate.calls;
