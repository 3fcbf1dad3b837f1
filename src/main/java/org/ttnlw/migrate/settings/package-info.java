/**
 * Application settings into the target TTS: the settings file, the import with its rights
 * check, and one application's settings moved from a source in one step
 * (ApplicationSettingsMove). Imports target and below; not devices or gateways.
 */
package org.ttnlw.migrate.settings;
