/**
 * Gateways through the pipeline: GatewayJob and the hand-over to the target. Imports target and
 * below; not devices or settings.
 */
package org.ttnlw.migrate.gateways;
