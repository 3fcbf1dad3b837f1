/**
 * Application settings into the target TTS: the settings file, the import with its rights
 * check. Imports target and below; not devices or gateways.
 */
package org.ttnlw.migrate.settings;
