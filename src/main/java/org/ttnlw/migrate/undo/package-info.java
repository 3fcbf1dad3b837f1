/**
 * Undo of a migration, of devices or of gateways, from its journal: each item the run created
 * in the target is deleted there (if unchanged since), then put back at the source as it was
 * (a device's source step, a gateway's CUPS settings). Imports target, pipeline, source and
 * below; not devices, gateways or settings.
 */
package org.ttnlw.migrate.undo;
