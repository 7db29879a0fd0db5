/** Names of the values main saves for the post step (GITHUB_STATE). */
export const STATE_PLACED = 'placed-example-files';
