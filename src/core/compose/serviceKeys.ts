/**
 * How each service key is treated. The README's table of supported / warned / error keys is
 * written from this list; keep them together.
 */
export const SUPPORTED_KEYS = new Set([
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'depends_on', 'healthcheck',
  'working_dir', 'user', 'stop_grace_period', 'init', 'ulimits', 'read_only', 'deploy', 'cpus', 'mem_limit',
  'mem_reservation', 'container_name', 'networks', 'links', 'volumes', 'profiles', 'extends', 'labels',
  'stdin_open', 'tty', 'sysctls', 'cap_add', 'cap_drop', 'privileged', 'devices', 'network_mode', 'pid', 'ipc',
  'tmpfs', 'logging', 'platform', 'x-ecs',
]);

/** Keys with no ECS (awsvpc/Fargate) equivalent: dropped with a warning saying so. */
export const DROPPED_KEYS: Readonly<Record<string, string>> = {
  extra_hosts: 'awsvpc tasks cannot add /etc/hosts entries',
  dns: 'awsvpc tasks use the VPC resolver',
  dns_search: 'awsvpc tasks use the VPC resolver',
  dns_opt: 'awsvpc tasks use the VPC resolver',
  hostname: 'awsvpc tasks take the hostname ECS gives them',
  domainname: 'awsvpc tasks take the hostname ECS gives them',
  mac_address: 'ECS assigns the network interface',
  secrets: 'Compose secrets are files; use "x-ecs: {secrets: {NAME: ARN}}" for ECS secrets',
  configs: 'Compose configs are files; bake them into the image',
  security_opt: 'ECS takes no security options here',
  shm_size: 'Fargate does not set /dev/shm size',
  stop_signal: 'ECS always sends SIGTERM',
  restart: 'an ECS service replaces stopped tasks itself',
  userns_mode: 'not available on ECS',
  cgroup_parent: 'not available on ECS',
  oom_kill_disable: 'not available on ECS',
  oom_score_adj: 'not available on ECS',
  pids_limit: 'not available on Fargate',
  storage_opt: 'not available on ECS',
  blkio_config: 'not available on ECS',
  cpu_shares: 'use deploy.resources.limits.cpus',
  cpu_quota: 'use deploy.resources.limits.cpus',
  cpu_period: 'use deploy.resources.limits.cpus',
  cpuset: 'not available on Fargate',
  memswap_limit: 'not available on Fargate',
  mem_swappiness: 'not available on Fargate',
  group_add: 'not available on ECS',
  volumes_from: 'share a named volume instead',
  external_links: 'containers outside the task are not reachable by name',
  isolation: 'not available on Linux tasks',
  runtime: 'not available on ECS',
  device_cgroup_rules: 'not available on ECS',
  gpus: 'not available on Fargate',
  credential_spec: 'Windows only',
  annotations: 'not available on ECS',
  attach: 'not relevant on ECS',
  use_api_socket: 'no Docker socket on ECS',
};

/** Keys that only matter to Compose on a laptop: noted, no action needed. */
export const IGNORED_KEYS: Readonly<Record<string, string>> = {
  expose: 'inside one task every port is reachable at localhost',
  pull_policy: 'ECS pulls on every task start',
  develop: 'Compose Watch is a development feature',
  scale: 'set the service desired count when deploying',
  post_start: 'no lifecycle hooks on ECS',
  pre_stop: 'no lifecycle hooks on ECS',
  models: 'not available on ECS',
  provider: 'not available on ECS',
};

/** Top-level keys Compose knows; others (outside x-*) are warned about. */
export const TOP_LEVEL_KEYS = new Set(['version', 'name', 'services', 'volumes', 'networks', 'secrets', 'configs', 'include', 'models', 'x-ecs']);
