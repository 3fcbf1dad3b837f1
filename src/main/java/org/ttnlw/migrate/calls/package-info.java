/**
 * What every remote call shares: API keys and TLS trust (and the key file and CA file flags that
 * give them), gRPC channels, the call limiter, and the {@link org.ttnlw.migrate.calls.Retrier}
 * every transport feeds with what its failures mean. Imports core and json only.
 */
package org.ttnlw.migrate.calls;
