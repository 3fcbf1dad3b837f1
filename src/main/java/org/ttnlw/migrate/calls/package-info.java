/**
 * What every remote call shares: API keys and TLS trust, gRPC channels, retries with backoff,
 * the call limiter. Imports core and json only.
 */
package org.ttnlw.migrate.calls;
