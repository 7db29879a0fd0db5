/** A mistake on the command line: printed as is, exit code 2. */
export class CliError extends Error {}
