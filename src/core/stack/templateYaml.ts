import { stringify } from 'yaml';
import type { StackTemplate } from './cfn';

/**
 * The template as YAML. Written with YAML 1.1 quoting, as CloudFormation reads it: a value such as
 * "yes", "on", "0755" or "1:30" stays a string. No anchors, no folded lines.
 */
export function templateToYaml(t: StackTemplate): string {
  return stringify(t, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 });
}
