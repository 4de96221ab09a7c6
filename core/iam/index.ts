// The IAM API: the integration table, the policy generator and its three output formats.
import { generatePolicy, type GeneratePolicyOptions, type PolicyResult } from './generate-policy';
import { formatJson, type JsonFormatOptions } from './format-json';
import { formatCloudFormation } from './format-cloudformation';
import { formatTerraform } from './format-terraform';

export type PolicyFormat = 'json' | 'cfn' | 'terraform';

/**
 * Renders a generated policy as IAM JSON, a CloudFormation/SAM YAML snippet or Terraform HCL.
 * @example formatPolicy(generatePolicy(model), 'terraform')
 */
export function formatPolicy(result: PolicyResult, format: PolicyFormat, options: JsonFormatOptions = {}): string {
  if (format === 'cfn') return formatCloudFormation(result);
  if (format === 'terraform') return formatTerraform(result);
  return formatJson(result, options);
}

export { generatePolicy, type GeneratePolicyOptions, type PolicyResult };
export type { PolicyDocument, PolicyStatement, PolicyNote, PolicyNoteKind, TaskRolePolicy } from './generate-policy';
export type { JsonFormatOptions } from './format-json';
export { INTEGRATIONS, ITEM_READERS, RESULT_WRITERS, DISTRIBUTED_MAP, findIntegration } from './integrations';
export { iamActionsFor, sdkIntegration } from './sdk-actions';
export { resourceUses, integrationSites, type ResourceUse } from './params';
export type { Integration, ResourceParam, Grant } from './types';
