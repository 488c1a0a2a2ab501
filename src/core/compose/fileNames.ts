/** Compose file names the editor offers its commands on: compose.yaml, docker-compose.prod.yml, … */
export const COMPOSE_FILE_NAME = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

export const isComposeFileName = (basename: string): boolean => COMPOSE_FILE_NAME.test(basename);

/** Where the task definition goes: `<family>.taskdef.json`. */
export const taskDefinitionFileName = (family: string): string => `${family}.taskdef.json`;
