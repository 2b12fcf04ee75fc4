/** Element ids the Simulate button and its panel refer to each other by (one editor at a time). */
export const SIMULATE_BUTTON_ID = 'simulate-button';
export const SIMULATION_PANEL_ID = 'simulation-panel';
