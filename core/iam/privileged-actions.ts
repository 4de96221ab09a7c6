// The documented list of AWS SDK calls that can escalate privilege, run code or commands,
// administer accounts or exfiltrate data when a state machine makes them (IAM003). Each entry says
// why; `when` narrows an entry to the risky form of the call (a run-time template, user data).
import type { IntegrationSite } from './params';
import { valuesAt } from './params';

export type PrivilegeCategory = 'escalation' | 'execution' | 'accounts' | 'exfiltration';

export interface PrivilegedAction {
  /** SDK service name as in the Resource (`iam`, `sts`, `ssm`). */
  service: string;
  /** camelCase SDK actions, or a pattern over them. */
  actions: readonly string[] | RegExp;
  category: PrivilegeCategory;
  why: string;
  /** Only the risky form of the call, when the call itself is routine. */
  when?(site: IntegrationSite): boolean;
}

const runtime = (site: IntegrationSite, path: string) => valuesAt(site.payload, path).some((v) => v.kind === 'runtime' || v.kind === 'wildcard');
const present = (site: IntegrationSite, path: string) => valuesAt(site.payload, path).length > 0;
const truthy = (site: IntegrationSite, path: string) => valuesAt(site.payload, path).some((v) => v.kind === 'runtime' || v.node.value === true || v.node.value === 'true');

export const PRIVILEGED_ACTIONS: readonly PrivilegedAction[] = [
  { service: 'iam', actions: /^(create|delete|put|attach|detach|update|add|remove|set|upload|change|enable|deactivate|reset|tag|untag)/, category: 'escalation', why: 'changes IAM users, roles, keys or policies' },
  { service: 'sts', actions: ['assumeRole', 'assumeRoleWithSAML', 'assumeRoleWithWebIdentity', 'getFederationToken'], category: 'escalation', why: "obtains another principal's credentials" },
  { service: 'kms', actions: ['createGrant', 'putKeyPolicy'], category: 'escalation', why: 'grants use of a KMS key' },
  { service: 'kms', actions: ['decrypt'], category: 'exfiltration', why: 'decrypts with whichever key the ciphertext names (no KeyId, or one chosen at run time)', when: (s) => !present(s, 'KeyId') || runtime(s, 'KeyId') },
  { service: 'secretsmanager', actions: ['getSecretValue'], category: 'exfiltration', why: 'reads a secret chosen at run time', when: (s) => runtime(s, 'SecretId') },
  { service: 'secretsmanager', actions: ['batchGetSecretValue'], category: 'exfiltration', why: 'reads many secrets at once' },
  { service: 'secretsmanager', actions: ['putResourcePolicy'], category: 'escalation', why: 'opens a secret to other principals' },
  { service: 'ssm', actions: ['getParameter', 'getParameters', 'getParametersByPath'], category: 'exfiltration', why: 'decrypts a SecureString parameter chosen at run time', when: (s) => truthy(s, 'WithDecryption') && (runtime(s, 'Name') || runtime(s, 'Names') || runtime(s, 'Path')) },
  { service: 'ssm', actions: ['sendCommand', 'startAutomationExecution', 'startSession', 'createAssociation'], category: 'execution', why: 'runs commands on managed instances' },
  { service: 'lambda', actions: ['updateFunctionCode', 'updateFunctionConfiguration', 'createFunction', 'addPermission', 'addLayerVersionPermission', 'publishLayerVersion'], category: 'execution', why: "changes a function's code, configuration or access, which runs with the function's role" },
  { service: 'cloudformation', actions: ['createStack', 'updateStack', 'createChangeSet', 'createStackSet', 'updateStackSet'], category: 'execution', why: 'deploys a template taken from state data', when: (s) => runtime(s, 'TemplateBody') || runtime(s, 'TemplateURL') },
  { service: 'organizations', actions: ['createAccount', 'createGovCloudAccount', 'closeAccount', 'removeAccountFromOrganization', 'inviteAccountToOrganization', 'moveAccount', 'leaveOrganization', 'attachPolicy', 'detachPolicy', 'createPolicy', 'updatePolicy', 'deletePolicy', 'enablePolicyType', 'disablePolicyType'], category: 'accounts', why: 'creates, moves or removes accounts, or changes organization policies' },
  { service: 'ec2', actions: ['runInstances'], category: 'execution', why: 'starts instances with user data or an instance profile', when: (s) => present(s, 'UserData') || present(s, 'IamInstanceProfile') },
  { service: 'ec2', actions: ['modifyInstanceAttribute'], category: 'execution', why: "replaces an instance's user data", when: (s) => present(s, 'UserData') || valuesAt(s.payload, 'Attribute').some((v) => v.kind !== 'literal' || v.text === 'userData') },
  { service: 'ec2', actions: ['associateIamInstanceProfile', 'replaceIamInstanceProfileAssociation'], category: 'escalation', why: 'attaches a role to an instance' },
  { service: 'ec2', actions: ['createLaunchTemplate', 'createLaunchTemplateVersion'], category: 'execution', why: 'stores user data that new instances run', when: (s) => present(s, 'LaunchTemplateData.UserData') },
  { service: 's3', actions: ['putBucketPolicy', 'deleteBucketPolicy', 'putBucketAcl', 'putObjectAcl', 'putPublicAccessBlock', 'deletePublicAccessBlock'], category: 'exfiltration', why: 'changes who can read the bucket' },
  { service: 'glue', actions: ['createDevEndpoint', 'updateDevEndpoint'], category: 'execution', why: 'opens a development endpoint that runs with a Glue role' },
];

/** The entry that makes this SDK call privileged, if any. */
export function privilegedAction(service: string, action: string, site: IntegrationSite): PrivilegedAction | undefined {
  const s = service.toLowerCase();
  return PRIVILEGED_ACTIONS.find((p) => p.service === s && (Array.isArray(p.actions) ? p.actions.includes(action) : (p.actions as RegExp).test(action)) && (!p.when || p.when(site)));
}
