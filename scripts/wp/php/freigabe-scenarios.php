<?php
/**
 * Plugin Name: Freigabe test scenarios
 * Description: Switches the test WordPress into the setups real blogs run (a security plugin's
 * behaviour, a firewall in front, a staging lock, …). Each scenario is one small file in
 * freigabe-scenarios/ that reproduces documented behaviour; the option `freigabe_scenarios` lists
 * the active ones. Setup requests (FREIGABE_SETUP) always pass, so tests can switch scenarios off.
 */
if (defined('FREIGABE_SETUP')) {
    return;
}
$freigabe_scenarios = get_option('freigabe_scenarios', array());
if (is_array($freigabe_scenarios)) {
    foreach ($freigabe_scenarios as $freigabe_scenario) {
        if (is_string($freigabe_scenario) && preg_match('/^[a-z0-9-]+$/', $freigabe_scenario)) {
            $freigabe_file = __DIR__ . '/freigabe-scenarios/' . $freigabe_scenario . '.php';
            if (file_exists($freigabe_file)) {
                require $freigabe_file;
            }
        }
    }
}
unset($freigabe_scenarios, $freigabe_scenario, $freigabe_file);
