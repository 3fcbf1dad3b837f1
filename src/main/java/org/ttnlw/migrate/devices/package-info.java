/**
 * Devices through the pipeline: DeviceJob, its transforms, the source steps at the end of a
 * device run, device lists and ID input. Imports target and below; not gateways or settings.
 */
package org.ttnlw.migrate.devices;
