/**
 * The ttnv3 source (another TTS): its flags, device listing and reading, disabling, its
 * gateways and its application settings reader. Imports source and below; no other source.
 */
package org.ttnlw.migrate.source.tts;
