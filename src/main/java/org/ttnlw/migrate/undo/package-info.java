/**
 * Undo of a device migration from its journal: each device this run created in the target is
 * deleted there (if unchanged since), then put back at the source as it was. Imports target,
 * pipeline, source and below; not devices, gateways or settings.
 */
package org.ttnlw.migrate.undo;
