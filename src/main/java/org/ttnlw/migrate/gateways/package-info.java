/**
 * Gateways through the pipeline: GatewayJob with its delivery into the target, how gateways are
 * read (from a source or from files), the hand-over to the target, and gateways moved with
 * the devices of an application (GatewaysWithDevices). Imports target and below; not devices or
 * settings.
 */
package org.ttnlw.migrate.gateways;
