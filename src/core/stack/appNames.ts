import { launchValueProblem } from './launchOptions';
import type { MergedLaunch } from './mergedLaunch';
import { stackName } from './names';

/** The names an app is known by; all derived from the cluster and service, so every run finds the same stack. */
export interface AppNames {
  readonly cluster: string;
  readonly service: string;
  readonly stackName: string;
  /** '<cluster>/<service>', the value of the `ecs-deploy:app` tag. */
  readonly appId: string;
  /** Where `up` stores the app's secrets: '/ecs-deploy/<cluster>/<service>'. */
  readonly parameterPath: string;
  readonly logGroupName: string;
}

/** The app's names, or undefined (with an error) when the cluster or service name is not usable. */
export function names(cluster: string, service: string, launch: MergedLaunch): AppNames | undefined {
  for (const [key, value] of [['cluster', cluster], ['service', service]] as const) {
    const problem = value ? launchValueProblem(key, value) : 'is empty';
    if (problem) {
      launch.error([key], `the ${key} name ${problem}: set "name:" in the compose file, x-ecs ${key}, or --${key}`);
      return undefined;
    }
  }
  const path = `/ecs-deploy/${cluster}/${service}`;
  return { cluster, service, stackName: stackName(cluster, service), appId: `${cluster}/${service}`, parameterPath: path, logGroupName: path };
}
