/**
 * The source contract: SourcePlugin (flags, choices, opening) and Source for devices; what a
 * source has beyond devices as optional interfaces its plugin implements besides: GatewaysPlugin
 * (opens a GatewaySource), SettingsPlugin (opens an ApplicationSettingsSource) and ListsAllPlugin
 * (its --all flag; opens a ListsAllSource) and SelectingPlugin (its device list tells facts per
 * device; opens a SelectingSource); the selection of devices (Selection, its DeviceFilters parsed
 * from --select, the ListedDevice they judge); the source steps and Disabling. One package per
 * source lives below it; this package imports core and the packages under it in the layers
 * (json, calls, tts), never a source.
 */
package org.ttnlw.migrate.source;
