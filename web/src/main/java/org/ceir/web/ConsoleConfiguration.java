package org.ceir.web;

import java.util.List;

import org.ceir.detect.DetectSettings;

/**
 * The configuration as the console's settings page shows and tunes it. The app implements it over
 * its layered settings (built-in defaults, a file, the environment, the command line) and the
 * overrides people set in the console, which it keeps with {@link org.ceir.store.SettingOverrides}.
 */
public interface ConsoleConfiguration {
    /**
     * A setting in force.
     *
     * @param path   e.g. {@code detect.window-days}
     * @param value  its value as text; a secret shows only whether it is set
     * @param source where the value came from, for people (the built-in defaults, a file, an
     *               environment variable, an override set in the console)
     */
    record Setting(String path, String value, String source) {
    }

    /**
     * A setting people may override in the console.
     *
     * @param path   e.g. {@code detect.conditions}
     * @param yaml   its value in force, as YAML (what the form edits)
     * @param source where the value came from
     */
    record Tunable(String path, String yaml, String source) {
    }

    /** Every setting in force, in the order of the configuration. */
    List<Setting> effective();

    /** The settings that may be overridden here, with their values in force. */
    List<Tunable> tunables();

    /**
     * Checks a new value for a tunable setting as its module will read it.
     *
     * @param yaml the value as YAML (JSON is YAML too)
     * @return the value as JSON, to be stored
     * @throws IllegalArgumentException naming what is wrong, for the person who typed it
     */
    String check(String path, String yaml);

    /** The detection settings in force now: the configured ones with the console's overrides. */
    DetectSettings detect();
}
