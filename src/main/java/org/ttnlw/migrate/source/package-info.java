/**
 * The source contract: SourcePlugin (flags, choices, opening), Source for devices,
 * GatewaySource and ApplicationSettingsSource, the source steps and Disabling. One package per
 * source lives below it; this package imports core and the packages under it in the layers
 * (json, calls, tts), never a source.
 */
package org.ttnlw.migrate.source;
