/** Names of the values main saves for the post step (GITHUB_STATE). */
export const STATE_DOCKER_CONFIG = 'docker-config';
export const STATE_REGISTRY = 'registry';
