/** Names of the values main saves for the post step (GITHUB_STATE). */
export const STATE_PLACED = 'placed-example-files';
/** The run's private folder (secrets, terraform data, Galaxy installs, the plan). */
export const STATE_PRIVATE = 'private-folder';
