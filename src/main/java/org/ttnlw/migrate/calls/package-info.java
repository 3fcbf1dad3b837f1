/**
 * What every remote call shares: API keys and TLS trust (and the key file and CA file flags that
 * give them), gRPC channels, retries with backoff, the call limiter. Imports core and json only.
 */
package org.ttnlw.migrate.calls;
