/**
 * The run's vocabulary, used by every other package: device and gateway references, ID syntax,
 * the call settings (concurrency, timeout, retries), the shared exceptions (ConfigException,
 * MigrationException, ItemRejectedException), futures, secret flags, owner-only files, the run
 * lock, the stop signal, terminal-safe text and a run's per-item notices. Imports no other package of this project.
 */
package org.ttnlw.migrate.core;
